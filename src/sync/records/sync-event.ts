// A sync-log entry (sync/ports/sync-log.ts): what was being done, to which instance, ticket and issue, in words, with
// what Retry needs, and the queries and changes of the log.
import type { LoggedStatus } from '../../domain/item-outcome';
import type { SyncJson } from './json';

export type SyncLevel = 'info' | 'warn' | 'error';
export type SyncEventStatus = 'open' | 'retried' | 'resolved';

/** What a later "Retry" needs to re-run the failed item exactly once: a job kind and a small JSON payload. */
export interface SyncRetry {
  kind: string;
  payload: SyncJson;
}

export interface NewSyncEvent {
  level: SyncLevel;
  instanceId: string;
  issueId?: string;
  issueKey?: string;
  ticketId?: string;
  ticketNumber?: string;
  /** what was being done, e.g. 'comment-to-action' */
  operation: string;
  message: string;
  retry?: SyncRetry;
  /**
   * what became of the item (domain/item-outcome.ts), set by the flows that count their items (Brevo, so the admin's
   * counts of sent, skipped and failed events read a field instead of matching message text: sync/brevo/stats.ts);
   * absent on older entries and on the ticket flows', whose level says it (loggedOutcome)
   */
  outcome?: LoggedStatus;
}

export interface SyncEvent extends NewSyncEvent {
  id: string;
  time: string;
  status: SyncEventStatus;
  statusChangedAt?: string;
}

export interface SyncEventQuery {
  instanceId?: string;
  level?: SyncLevel;
  /** one ticket's entries (with `instanceId`; not combined with `level`): the issue panel's per-link health */
  ticketId?: string;
  /** errors not resolved yet (open or retried): the errors report (level 'error' or none; not with `ticketId`) */
  unresolved?: boolean;
  /** 1–100, default 50 */
  limit?: number;
  cursor?: string;
}

export interface SyncEventPage {
  /** newest first */
  entries: SyncEvent[];
  cursor?: string;
}

/** `unchanged`: the entry exists but is not in a state that allows the change (e.g. retried already). */
export type SyncEventChange = 'changed' | 'unchanged' | 'not-found';
