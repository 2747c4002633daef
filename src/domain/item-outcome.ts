// What became of one item on its way to the other side — a comment, an action, a note, a status, a field, an event —
// in one vocabulary for both directions: sent, skipped (nothing to do, or not allowed to leave), failed (logged with
// what Retry needs) or transient (the queue tries it again). Every flow answers in these words, the sync log records
// them with why (invariant 4, docs/architecture.md), and the issue panel and the admin page read them back.

/** What happened to an item. */
export type ItemStatus = 'sent' | 'skipped' | 'failed' | 'transient';

/**
 * What a sync-log entry can say of its item: a transient failure is retried, not logged, until it is given up (then
 * it is an error: failed).
 */
export const LOGGED_STATUSES = ['sent', 'skipped', 'failed'] as const;
export type LoggedStatus = (typeof LOGGED_STATUSES)[number];

/** An item's outcome in full: what happened, why, and whether "Retry" can run it again. */
export interface ItemOutcome {
  status: ItemStatus;
  /** why, in words */
  why: string;
  /** the item can be run again by "Retry": its entry carries the job, and it was not retried or resolved yet */
  retryable: boolean;
}

/** What a sync-log entry holds of its item (sync/records/sync-event.ts). */
export interface LoggedItem {
  level: 'info' | 'warn' | 'error';
  message: string;
  /** written by the flows that count their items (Brevo); absent on older entries and on the ticket flows' */
  outcome?: LoggedStatus | undefined;
  retry?: unknown;
  status?: 'open' | 'retried' | 'resolved';
}

/** An outcome as the sync log records it: never transient. */
export interface LoggedOutcome extends ItemOutcome {
  status: LoggedStatus;
}

/**
 * The outcome a sync-log entry records: the status its flow wrote, else what its level says (an error is an item that
 * failed, a warning one that was skipped). Undefined for an info entry without a status: it may tell of either.
 */
export function loggedOutcome(entry: LoggedItem): LoggedOutcome | undefined {
  const status =
    entry.outcome ?? (entry.level === 'error' ? 'failed' : entry.level === 'warn' ? 'skipped' : undefined);
  if (status === undefined) return undefined;
  return {
    status,
    why: entry.message,
    retryable: entry.retry !== undefined && (entry.status ?? 'open') === 'open',
  };
}
