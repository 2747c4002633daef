// The composition root: builds the ports over the real platform (Forge KVS, Jira REST, TeamSupport) for one
// invocation. Entry files call these; use cases never construct adapters themselves.
import { getAppContext } from '@forge/api';
import { createTeamSupport, type LookupCache, type TeamSupportOptions } from '../connectors/teamsupport';
import type { StoredInstance } from '../domain/config';
import { JiraHttp } from '../jira/http';
import { JiraAsUser, JiraRest } from '../jira/jira-rest';
import type { Budget } from '../lib/budget';
import { createStore, type Store } from '../store';
import { createBrevo, type BrevoAccount } from '../connectors/brevo';
import type { BrevoDeps } from '../sync/brevo/deps';
import type { CopyDeps } from '../sync/copy-deps';
import type { InboundDeps } from '../sync/inbound/deps';
import type { OutboundDeps } from '../sync/outbound/deps';
import type { CopyOnceOptions } from '../sync/copy-once';
import type { JobQueues } from '../sync/ports/job-queues';
import { forgeJobQueues } from './job-queues';
import { randomUUID } from 'node:crypto';
import { dailyRequestLimitOf } from '../domain/config';
import { paceFor } from '../domain/request-budget';
import { requestsInWindow } from '../domain/request-usage';
import { KvsHotTicketStore } from '../store/hot-ticket-store';
import type { HotActivity, HotDeps } from '../sync/inbound/hot-window';
import type { EventSink } from '../sync/ports/event-sink';
import type { TicketSystem } from '../sync/ports/ticket-system';
import type { UsageMeter } from '../sync/ports/usage-meter';
import { RequestMeter } from '../sync/request-meter';
import { logger } from '../lib/logger';

/** The invocation's remaining time, as Forge reports it. */
export function invocationBudget(): Budget {
  return { remainingMs: () => getAppContext().invocationRemainingTimeInMillis() };
}

export interface Platform {
  store: Store;
  jira: JiraRest;
  jiraAsUser: JiraAsUser;
  budget: Budget;
  /** a connector whose requests count towards the instance's daily limit (`options`: e.g. the panel's short retries) */
  openTicketSystem(instance: StoredInstance, options?: TeamSupportOptions): Promise<TicketSystem | undefined>;
  /** a Brevo account's event sink; undefined when the account has no API key */
  openEventSink(account: BrevoAccount): Promise<EventSink | undefined>;
  /** the instances' metered TeamSupport requests (sync/request-meter.ts) */
  usage: UsageMeter;
  /** every queue push (entry/job-queues.ts) */
  queues: JobQueues;
}

/** The id of the running invocation; one id for code that runs outside any (scripts). */
function invocationId(): string {
  try {
    return getAppContext().invocationId;
  } catch {
    return 'outside-invocation';
  }
}

// Every TeamSupport connector any part of an invocation opens is counted here, whichever platform() built it: entry
// points build their ports in several places, and one decision in one place records them all (docs/teamsupport-api.md
// §12). The meter keeps each invocation's connectors apart.
const requestMeter = new RequestMeter({
  store: () => createStore().teamSupportUsage,
  now: () => new Date(),
  logger: logger.child({ module: 'request-meter' }),
  invocation: invocationId,
});

/**
 * Records the TeamSupport requests this invocation made, one write per instance used. Every entry point that can
 * open a connector calls it in a `finally`; it never throws.
 */
export async function flushUsage(): Promise<void> {
  try {
    await requestMeter.flush();
  } catch (error) {
    logger.warn('Could not record TeamSupport request usage', { error });
  }
}

// TeamSupport's ticket types, statuses and action types are kept an hour (the short cache's longest life), and read
// fresh by the connection test.
const LOOKUP_CACHE_SECONDS = 60 * 60;

/** Where an instance's TeamSupport lookup lists outlive the invocation. */
export function lookupCache(store: Store, instanceId: string): LookupCache {
  return {
    get: (key) => store.cache.get('ts-lookups', `${instanceId}-${key}`),
    set: (key, value) => store.cache.set('ts-lookups', `${instanceId}-${key}`, value, LOOKUP_CACHE_SECONDS),
  };
}

export function platform(budget: Budget = invocationBudget()): Platform {
  const store = createStore();
  const http = new JiraHttp({ budget });
  return {
    store,
    jira: new JiraRest(http),
    jiraAsUser: new JiraAsUser(http),
    budget,
    async openTicketSystem(instance, options = {}) {
      const token = await store.credentials.getToken(instance.id);
      if (!token) return undefined;
      const system = createTeamSupport(instance, token, budget, {
        ...options,
        lookupCache: lookupCache(store, instance.id),
      });
      return requestMeter.track(instance.id, system);
    },
    async openEventSink(account) {
      const apiKey = await store.credentials.getBrevoKey(account.id);
      return apiKey ? createBrevo(account, apiKey, budget) : undefined;
    },
    usage: requestMeter,
    queues: forgeJobQueues,
  };
}

// Writes to one issue's tickets run 8 at a time: fast for many links, gentle on TeamSupport's per-minute limit.
const OUTBOUND_CONCURRENCY = 8;
// A claim outlives the longest invocation (the inbound consumer's 300 s), so a live holder is never taken over. After
// an unknown outcome the next attempt may look for the write a minute later: time for the target to settle.
export const COPY_ONCE_OPTIONS: CopyOnceOptions = { leaseMs: 330_000, reopenAfterMs: 60_000 };

/**
 * Hot tickets (sync/inbound/hot-window.ts): their window records, the inbound queue their checks go on, and the
 * daily request budget they stay inside: while the pull of an instance is slowed (domain/request-budget.ts), its
 * tickets are not checked between pulls either.
 */
export function hotDeps(p: Platform): HotDeps {
  return {
    windows: new KvsHotTicketStore(logger, () => new Date()),
    queues: p.queues,
    now: () => new Date(),
    newChain: () => randomUUID(),
    async pullSlowed(instance) {
      const usage = await p.usage.read(instance.id);
      return paceFor(requestsInWindow(usage, new Date()), dailyRequestLimitOf(instance)) !== 'every-cycle';
    },
    logger: logger.child({ module: 'hot-tickets' }),
  };
}

/** Another flow's ports with hot tickets beside them (the issue panel marks the tickets it shows). */
export function withHotTickets<D extends object>(deps: D, p: Platform = platform()): D & HotActivity {
  return { ...deps, hot: hotDeps(p) };
}

/** The ports every flow that writes across the two sides shares (sync/copy-deps.ts). */
export function copyDeps(p: Platform): CopyDeps {
  return {
    jira: p.jira,
    config: p.store.config,
    links: p.store.links,
    ledger: p.store.ledger,
    log: p.store.syncLog,
    copy: COPY_ONCE_OPTIONS,
    openTicketSystem: (instance) => p.openTicketSystem(instance),
  };
}

export function outboundDeps(p: Platform = platform()): OutboundDeps & HotActivity {
  return {
    ...copyDeps(p),
    hot: hotDeps(p),
    concurrency: OUTBOUND_CONCURRENCY,
    cache: p.store.cache,
  };
}

export function inboundDeps(p: Platform = platform()): InboundDeps & HotActivity {
  return {
    ...copyDeps(p),
    hot: hotDeps(p),
    cursors: p.store.cursors,
    queues: p.queues,
    usage: p.usage,
    budget: p.budget,
    now: () => new Date(),
    pageSize: 100,
    ticketConcurrency: 4,
    // Two storage writes a copy: 3,000 of Forge storage's 4,000 writes a minute, the rest left for the other flows.
    copiesPerMinute: 1_500,
    // TeamSupport dates have minute precision and arrive in the org's local time: ten minutes covers both and skew.
    overlapMs: 10 * 60 * 1000,
    // Enough for the page in flight plus its actions to finish after the check.
    handoverMarginMs: 30_000,
  };
}

// The site's address is read at most once an hour (the short cache's longest life).
const SITE_URL_CACHE_SECONDS = 60 * 60;

export function brevoDeps(p: Platform = platform()): BrevoDeps {
  return {
    jira: p.jira,
    ledger: p.store.ledger,
    log: p.store.syncLog,
    cache: p.store.cache,
    stats: p.store.brevoStats,
    copy: COPY_ONCE_OPTIONS,
    async readAccount(accountId) {
      const config = await p.store.config.read();
      if (!config.ok)
        return { ok: false, reason: `the configuration cannot be read: ${config.error.message}` };
      return { ok: true, account: config.document.brevoAccounts.find((account) => account.id === accountId) };
    },
    openEventSink: (account) => p.openEventSink(account),
    async siteUrl() {
      const cached = await p.store.cache.get('site', 'url');
      if (typeof cached === 'string') return cached;
      const url = await p.jira.siteUrl().catch(() => undefined);
      if (url !== undefined) await p.store.cache.set('site', 'url', url, SITE_URL_CACHE_SECONDS);
      return url;
    },
  };
}
