// What a sync-log entry looks like in the custom entity `sync-event`, and the rules that keep every entry small:
// text is redacted and capped, and the retry payload (what the admin's "Retry" re-runs) must stay a small JSON value.
import { randomBytes } from 'node:crypto';
import { z } from 'zod';
import { SYNC_EVENT_ID_PATTERN } from '../domain/ids';
import { LOGGED_STATUSES } from '../domain/item-outcome';
import { redactText } from '../lib/logger';
import type { SyncJson } from '../sync/records/json';
import type { SyncEvent } from '../sync/records/sync-event';
import { Timestamp } from './time';

export const SYNC_EVENT_ENTITY = 'sync-event';
export const MAX_MESSAGE_LENGTH = 2_000;
/**
 * A payload names the item to re-run (ids, a job), so a few KiB is plenty. The cap keeps an entry far below the 240 KiB
 * value limit and keeps a 100-entry page of the log cheap to read (KVS reads are metered in 10 KB units).
 */
export const MAX_RETRY_PAYLOAD_BYTES = 16 * 1024;

const Level = z.enum(['info', 'warn', 'error']);
const Status = z.enum(['open', 'retried', 'resolved']);
/** What became of the entry's item, as the flows that count their items write it (domain/item-outcome.ts). */
const Outcome = z.enum(LOGGED_STATUSES);
const Id = z.string().min(1).max(128);

/** Entry ids sort by creation time (epoch milliseconds, fixed width), then by a random suffix. */
export const SyncEventIdSchema = z.string().regex(SYNC_EVENT_ID_PATTERN);

export function newSyncEventId(now: Date): string {
  return `${String(now.getTime()).padStart(15, '0')}-${randomBytes(5).toString('hex')}`;
}

const optionalText = (max: number) => z.string().min(1).max(max).optional();

/** Lenient on the way in: a blank optional field is simply absent and an over-long one is cut, not a lost entry. */
const optionalInput = (max: number) =>
  z
    .string()
    .optional()
    .transform((text) => {
      const trimmed = text?.trim().slice(0, max);
      return trimmed === '' ? undefined : trimmed;
    });

const RetrySchema = z.object({ kind: z.string().min(1).max(100), payload: z.json() });

/** What callers may append; text is trimmed to size and redacted here, so a caller cannot break the log with it. */
export const NewSyncEventSchema = z.object({
  level: Level,
  instanceId: Id,
  issueId: optionalInput(128),
  issueKey: optionalInput(255),
  ticketId: optionalInput(128),
  ticketNumber: optionalInput(128),
  operation: z.string().trim().min(1).max(100),
  message: z.string().transform((message) => redactText(message).slice(0, MAX_MESSAGE_LENGTH)),
  retry: RetrySchema.optional(),
  outcome: Outcome.optional(),
});

/**
 * Present only on an error that is not resolved yet (open or retried): the `unresolved-errors` indexes (manifest.yml)
 * hold just those entries, so the errors report pages through open errors only, never thinned by a filter, and an
 * error fixed by a later run leaves it when it is resolved (issue 20).
 */
export const UNRESOLVED_ERROR = 'error';

/** The stored value (the id is the item key). */
export const SyncEventRecordSchema = z.object({
  time: Timestamp,
  level: Level,
  instanceId: Id,
  issueId: optionalText(128),
  issueKey: optionalText(255),
  ticketId: optionalText(128),
  ticketNumber: optionalText(128),
  operation: z.string().min(1),
  message: z.string(),
  retry: RetrySchema.optional(),
  outcome: Outcome.optional(),
  status: Status,
  statusChangedAt: Timestamp.optional(),
  unresolved: z.literal(UNRESOLVED_ERROR).optional(),
});
export type SyncEventRecord = z.output<typeof SyncEventRecordSchema>;

export function toSyncEvent(id: string, record: SyncEventRecord): SyncEvent {
  const { unresolved: _unresolved, ...event } = record;
  return { id, ...event };
}

/** The payload as plain JSON (undefined properties dropped, dates as strings); undefined when it is not JSON at all. */
export function normalisePayload(payload: unknown): unknown {
  try {
    const text = JSON.stringify(payload);
    if (text === undefined) return undefined;
    const parsed: unknown = JSON.parse(text);
    return parsed;
  } catch {
    return undefined;
  }
}

export function jsonBytes(value: SyncJson): number {
  return Buffer.byteLength(JSON.stringify(value), 'utf8');
}
