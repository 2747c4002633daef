// Builds the ports the Custom UI use cases run against, for one resolver invocation.
import { addressNotCallableChecks, type TeamSupportOptions } from '../connectors/teamsupport';
import { logger } from '../lib/logger';
import type { AdminDeps } from '../sync/admin/deps';
import type { PanelDeps } from '../sync/panel/deps';
import { copyDeps, platform, type Platform } from './compose';
import { startLinksRepair } from './links-repair';

// Someone is waiting on the panel: one quick retry of a blip, and no request left hanging for long. A ticket system
// that cannot answer in time shows as a notice, and the next open tries again.
const PANEL_TICKET_OPTIONS: TeamSupportOptions = {
  retryPolicy: { maxAttempts: 2, baseDelayMs: 200, maxDelayMs: 1_000, safetyMarginMs: 3_000 },
  requestTimeoutMs: 8_000,
};

export function panelDeps(p: Platform = platform()): PanelDeps {
  return {
    ...copyDeps(p),
    caller: p.jiraAsUser,
    cache: p.store.cache,
    // Through the platform, so the panel's requests count towards the instance's daily limit (entry/compose.ts).
    openTicketSystem: (instance) => p.openTicketSystem(instance, PANEL_TICKET_OPTIONS),
    now: () => new Date(),
    logger: logger.child({ module: 'issue-panel' }),
  };
}

export function adminDeps(p: Platform = platform()): AdminDeps {
  return {
    jira: p.jira,
    caller: p.jiraAsUser,
    config: p.store.config,
    log: p.store.syncLog,
    brevoStats: p.store.brevoStats,
    requestUsage: p.store.teamSupportUsage,
    queues: p.queues,
    openTicketSystem: (instance) => p.openTicketSystem(instance),
    openEventSink: (account) => p.openEventSink(account),
    addressNotCallableChecks,
    budget: p.budget,
    repairLinks: startLinksRepair,
    now: () => new Date(),
    logger: logger.child({ module: 'admin-page' }),
  };
}
