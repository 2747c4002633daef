// Starts the Jira emulator: builds the site (seeded, empty or restored from a snapshot), the HTTP app on 127.0.0.1,
// and the handle tests and the sandbox use (admin, clock, faults, events, request log, state export).
import type { Server } from 'node:http';
import type { AddressInfo } from 'node:net';
import { JiraAdmin } from './admin/jira-admin';
import { componentErrors } from './contract/validators';
import { ViolationLog, type ContractViolation } from './contract/violations';
import { EventBus, type ProductEventListener } from './events/bus';
import type { ProductEvent } from './events/payloads';
import { FaultPlan } from './faults/faults';
import { IssueWriteLimiter, type WriteLimit } from './faults/issue-write-limiter';
import { RequestLog, type RequestCounters, type RequestLogEntry } from './faults/request-log';
import { createJiraApp } from './http/app';
import { PropertyIndex, type EntityPropertyModule } from './jql/property-index';
import { seedBuiltIns, seedDefaultFixture } from './seed';
import type { JiraCore } from './service/core';
import { Clock } from './state/clock';
import { fullGrants } from './state/permissions';
import { exportJiraState, restoreJiraStore } from './state/snapshot';
import { JiraStore } from './state/store';

export interface JiraEmulatorOptions {
  /** 'default' (SUP + DEV, alice + bob) or 'empty' (built-ins and the app user only); default 'default' */
  seed?: 'default' | 'empty';
  /** 0 (the default) picks a free port; the server always binds 127.0.0.1 */
  port?: number;
  /** the app's own account: author of what it writes with asApp */
  appAccountId?: string;
  appDisplayName?: string;
  /** time source of the emulator clock (tests usually move `clock` instead) */
  now?: () => number;
  /** per-issue write limits from the start, e.g. JIRA_PER_ISSUE_WRITE_LIMITS; none by default */
  perIssueWriteLimits?: WriteLimit[];
  /** a site saved by `exportState()`: restored instead of seeding (`seed` is then ignored) */
  state?: Buffer;
  /**
   * The app's `jira:entityProperty` modules (as manifest.yml declares them, e.g. sandbox/runtime/entity-properties.ts):
   * JQL searches only the issue property paths they index, typed and aliased as declared. None by default.
   */
  entityProperties?: readonly EntityPropertyModule[];
}

export interface JiraEmulator {
  baseUrl: string;
  appAccountId: string;
  admin: JiraAdmin;
  clock: Clock;
  faults: FaultPlan;
  /** replaces the per-issue write limits; [] switches them off */
  setPerIssueWriteLimits(limits: WriteLimit[]): void;
  onEvent(listener: ProductEventListener): () => void;
  events(): ProductEvent[];
  clearEvents(): void;
  contractViolations(): ContractViolation[];
  clearContractViolations(): void;
  requestLog(): RequestLogEntry[];
  counters(): RequestCounters;
  resetRequestLog(): void;
  /** validate any value against a component schema of the Jira spec, e.g. `('Comment', body)` → [] when valid */
  schemaErrors(schemaName: string, value: unknown): string[];
  /** the whole site (not events, faults, limits or the clock), for `startJiraEmulator({ state })` */
  exportState(): Buffer;
  close(): Promise<void>;
}

export const DEFAULT_APP_ACCOUNT_ID = '557058:support-ticket-sync';

/** The emulated site without its HTTP server: store, clock, events and write limiter, seeded or restored. */
export function createJiraCore(options: JiraEmulatorOptions = {}): {
  core: JiraCore;
  admin: JiraAdmin;
  setBaseUrl: (url: string) => void;
} {
  const clock = new Clock(options.now);
  const store = options.state === undefined ? new JiraStore() : restoreJiraStore(options.state);
  const events = new EventBus();
  const writeLimiter = new IssueWriteLimiter(clock);
  writeLimiter.setLimits(options.perIssueWriteLimits ?? []);
  const appAccountId = options.appAccountId ?? DEFAULT_APP_ACCOUNT_ID;
  let baseUrl = '';
  const propertyIndex = new PropertyIndex(options.entityProperties);
  const core: JiraCore = {
    store,
    clock,
    events,
    writeLimiter,
    appAccountId,
    propertyIndex,
    baseUrl: () => baseUrl,
  };

  const admin = new JiraAdmin(core);
  if (options.state === undefined) {
    seedBuiltIns(store);
    addAppUser(store, appAccountId, options.appDisplayName);
    if ((options.seed ?? 'default') === 'default') seedDefaultFixture(admin);
  } else if (!store.users.has(appAccountId)) {
    // A site saved under another app account: the app still needs its own user to act at all.
    addAppUser(store, appAccountId, options.appDisplayName);
  }
  return { core, admin, setBaseUrl: (url) => (baseUrl = url) };
}

function addAppUser(store: JiraStore, accountId: string, displayName = 'Support Ticket Sync'): void {
  store.users.set(accountId, {
    accountId,
    displayName,
    emailVisible: false,
    accountType: 'app',
    active: true,
    timeZone: 'UTC',
    groups: ['atlassian-addons-admin'],
  });
  store.grants.set(accountId, fullGrants());
}

export async function startJiraEmulator(options: JiraEmulatorOptions = {}): Promise<JiraEmulator> {
  const { core, admin, setBaseUrl } = createJiraCore(options);
  const { clock, events, writeLimiter, appAccountId } = core;
  const violations = new ViolationLog();
  const faults = new FaultPlan();
  const log = new RequestLog();
  const app = createJiraApp({ core, violations }, faults, log);
  const server = await new Promise<Server>((resolve, reject) => {
    const listening = app.listen(options.port ?? 0, '127.0.0.1', (error?: Error) =>
      error ? reject(error) : resolve(listening),
    );
  });
  const address = server.address();
  if (address === null || typeof address === 'string')
    throw new Error('Jira emulator did not get a TCP port');
  const baseUrl = `http://127.0.0.1:${(address satisfies AddressInfo).port}`;
  setBaseUrl(baseUrl);

  return {
    baseUrl,
    appAccountId,
    admin,
    clock,
    faults,
    setPerIssueWriteLimits: (limits) => writeLimiter.setLimits(limits),
    onEvent: (listener) => events.on(listener),
    events: () => events.history(),
    clearEvents: () => events.clearHistory(),
    contractViolations: () => violations.list(),
    clearContractViolations: () => violations.clear(),
    requestLog: () => log.list(),
    counters: () => log.counters(),
    resetRequestLog: () => log.reset(),
    schemaErrors: (schemaName, value) => componentErrors(schemaName, value),
    exportState: () => exportJiraState(core.store),
    close: () =>
      new Promise<void>((resolve, reject) => {
        server.closeAllConnections();
        server.close((error) => (error ? reject(error) : resolve()));
      }),
  };
}
