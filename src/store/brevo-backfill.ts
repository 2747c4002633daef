// Each Brevo account's latest backfill run under the plain key `brevo-backfill:<accountId>`: the figures the admin page
// shows and the resume point (the id of the last issue done) the queue jobs continue from (sync/brevo/backfill-run.ts).
// One small record per account, written after every issue, so a failure loses at most the issue in flight, and that
// one's events are not sent twice (sync/brevo/send-once.ts).
import { kvs } from '@forge/kvs';
import { z } from 'zod';
import { IntegrationError } from '../lib/errors';
import type { Logger } from '../lib/logger';
import {
  BACKFILL_MAX_DAYS,
  BACKFILL_MIN_DAYS,
  type BackfillProgress,
  type BackfillStore,
} from '../sync/brevo/backfill-run';
import { isKeyPart } from './keys';
import { STORAGE_SYSTEM, storageCall } from './storage-errors';
import { parseStored } from './stored-record';
import { Timestamp } from './time';

const count = z.number().int().nonnegative();

const StoredBackfillSchema = z.object({
  runId: z.string().min(1).max(100),
  days: z.number().int().min(BACKFILL_MIN_DAYS).max(BACKFILL_MAX_DAYS),
  since: Timestamp,
  state: z.enum(['running', 'done', 'failed']),
  startedAt: Timestamp,
  updatedAt: Timestamp,
  processedIssues: count,
  sentEvents: count,
  skippedEvents: count,
  lastError: z.string().max(2_000).nullable(),
  // Jira issue ids are numeric; the resume point is put into JQL (`id > N`), so nothing else may reach it.
  afterIssueId: z
    .string()
    .regex(/^\d{1,18}$/)
    .nullable(),
});

/** `brevo-backfill:<accountId>`, the account id checked as every key part is (store/keys.ts). */
export function backfillKey(accountId: string): string {
  if (!isKeyPart(accountId)) {
    throw new IntegrationError(
      'validation',
      "Brevo account id must be 1–128 letters, digits, '.', '_' or '-' to be used in a storage key.",
      { system: STORAGE_SYSTEM },
    );
  }
  return `brevo-backfill:${accountId}`;
}

export class KvsBackfillStore implements BackfillStore {
  constructor(private readonly logger: Logger) {}

  /** undefined when the account never ran one, or when the stored record is corrupt (logged): a new run may start. */
  async load(accountId: string): Promise<BackfillProgress | undefined> {
    const key = backfillKey(accountId);
    const raw = await storageCall('reading a Brevo backfill', () => kvs.get<unknown>(key));
    if (raw === undefined) return undefined;
    return parseStored(StoredBackfillSchema, raw, { store: 'plain', key }, this.logger);
  }

  async save(accountId: string, progress: BackfillProgress): Promise<void> {
    const key = backfillKey(accountId);
    const value = StoredBackfillSchema.parse(progress);
    await storageCall('saving a Brevo backfill', () => kvs.set(key, value));
  }
}
