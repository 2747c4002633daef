// The composition root: builds the ports over the real platform (Forge KVS, Jira REST, TeamSupport) for one
// invocation. Entry files call these; use cases never construct adapters themselves.
import { getAppContext } from '@forge/api';
import { createTeamSupport, type LookupCache } from '../connectors/teamsupport';
import type { StoredInstance } from '../domain/config';
import { JiraHttp } from '../jira/http';
import { JiraAsUser, JiraRest } from '../jira/jira-rest';
import type { Budget } from '../lib/budget';
import { createStore, type Store } from '../store';
import { createBrevo } from '../connectors/brevo';
import type { BrevoDeps } from '../sync/brevo/deps';
import type { InboundDeps } from '../sync/inbound/deps';
import type { OutboundDeps } from '../sync/outbound/deps';
import type { CopyOnceOptions } from '../sync/copy-once';
import { forgeJobQueues } from './job-queues';
import type { TicketSystem } from '../sync/ports';

/** The invocation's remaining time, as Forge reports it. */
export function invocationBudget(): Budget {
  return { remainingMs: () => getAppContext().invocationRemainingTimeInMillis() };
}

export interface Platform {
  store: Store;
  jira: JiraRest;
  jiraAsUser: JiraAsUser;
  budget: Budget;
  openTicketSystem(instance: StoredInstance): Promise<TicketSystem | undefined>;
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
    async openTicketSystem(instance) {
      const token = await store.credentials.getToken(instance.id);
      return token
        ? createTeamSupport(instance, token, budget, { lookupCache: lookupCache(store, instance.id) })
        : undefined;
    },
  };
}

// Writes to one issue's tickets run 8 at a time: fast for many links, gentle on TeamSupport's per-minute limit.
const OUTBOUND_CONCURRENCY = 8;
// A claim outlives the longest invocation (the inbound consumer's 300 s), so a live holder is never taken over. After
// an unknown outcome the next attempt may look for the write a minute later: time for the target to settle.
export const COPY_ONCE_OPTIONS: CopyOnceOptions = { leaseMs: 330_000, reopenAfterMs: 60_000 };

export function outboundDeps(p: Platform = platform()): OutboundDeps {
  return {
    jira: p.jira,
    config: p.store.config,
    links: p.store.links,
    ledger: p.store.ledger,
    log: p.store.syncLog,
    openTicketSystem: (instance) => p.openTicketSystem(instance),
    concurrency: OUTBOUND_CONCURRENCY,
    copy: COPY_ONCE_OPTIONS,
  };
}

export function inboundDeps(p: Platform = platform()): InboundDeps {
  return {
    jira: p.jira,
    config: p.store.config,
    links: p.store.links,
    ledger: p.store.ledger,
    log: p.store.syncLog,
    cursors: p.store.cursors,
    queues: forgeJobQueues,
    openTicketSystem: (instance) => p.openTicketSystem(instance),
    budget: p.budget,
    now: () => new Date(),
    copy: COPY_ONCE_OPTIONS,
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
    async openEventSink(account) {
      const apiKey = await p.store.credentials.getBrevoKey(account.id);
      return apiKey ? createBrevo(account, apiKey, p.budget) : undefined;
    },
    async siteUrl() {
      const cached = await p.store.cache.get('site', 'url');
      if (typeof cached === 'string') return cached;
      const url = await p.jira.siteUrl().catch(() => undefined);
      if (url !== undefined) await p.store.cache.set('site', 'url', url, SITE_URL_CACHE_SECONDS);
      return url;
    },
  };
}
