// What the Brevo flows leave behind for the admin's status of an account (sync/admin/brevo-status.ts), and how the
// status reads their sync-log entries back. Every Brevo flow (issue activity, milestones, capacity, backfill) calls
// recordBrevoSuccess once at the end of a job that succeeded, and sets `outcome` on the entries it logs.
import { loggedOutcome, type LoggedStatus } from '../../domain/item-outcome';
import type { BrevoStatsStore } from '../ports/brevo-stats-store';
import type { EventSink } from '../ports/event-sink';
import type { SyncEvent } from '../records/sync-event';

/**
 * Records that a job of `accountId` succeeded, with the rate-limit quota Brevo last reported to `sink` (one storage
 * write per job, not per request). Never throws: the status is a view, and the events are sent already.
 */
export async function recordBrevoSuccess(
  deps: { stats: BrevoStatsStore },
  accountId: string,
  sink: EventSink,
  at: Date = new Date(),
): Promise<void> {
  await deps.stats.recordSuccess(accountId, at, sink.rateLimit?.());
}

/**
 * Entries of send-events.ts written before `outcome` existed: an error or a warning says it by its level
 * (domain/item-outcome.ts), an info entry by the words that version logged (a sent event "Sent …"; a skipped one
 * "Not sent …", "Comment not sent …", or an issue gone "… nothing was sent."). New entries carry `outcome`, so this
 * reading is only for the 30 days such entries live (store/sync-log.ts RETENTION_DAYS) and can then be removed.
 */
function legacyOutcome(entry: Pick<SyncEvent, 'message'>): LoggedStatus | undefined {
  if (entry.message.startsWith('Sent ')) return 'sent';
  if (/^(Not sent|Comment not sent)\b/.test(entry.message) || entry.message.endsWith('nothing was sent.')) {
    return 'skipped';
  }
  return undefined;
}

/** What became of the item an entry of a Brevo account's log is about; undefined for entries that say neither. */
export function outcomeOf(entry: Pick<SyncEvent, 'level' | 'message' | 'outcome'>): LoggedStatus | undefined {
  return loggedOutcome(entry)?.status ?? legacyOutcome(entry);
}
