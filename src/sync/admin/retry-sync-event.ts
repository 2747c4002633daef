// retrySyncEvent: re-runs the item a sync-log entry failed on, exactly once. The entry is marked "retried" before its
// job is queued, with a conditional write, so two admins pressing Retry (or one pressing it twice) queue it once; the
// job itself is idempotent through the mirror ledger, so even a redelivered job writes nothing twice. Should queueing
// fail after the mark, a new entry with the same retry data is logged, so the item can still be retried.
import { z } from 'zod';
import { SyncEventIdParamSchema } from '../../domain/ids';
import { describeError } from '../../lib/errors';
import { fail, ok, type Envelope } from '../../lib/envelope';
import { redactText } from '../../lib/logger';
import { syncRetrySchema } from '../jobs/queue';
import type { SyncEvent } from '../records/sync-event';
import { asAdmin } from './access';
import type { AdminCall, AdminDeps } from './deps';

export const retrySyncEventPayload = z.object({ id: SyncEventIdParamSchema });

const ALREADY_RETRIED =
  'This entry was retried already; a new entry appears in the log if the retry fails too.';

async function keepRetryable(deps: AdminDeps, entry: SyncEvent, error: unknown): Promise<void> {
  const { id: _id, time: _time, status: _status, statusChangedAt: _changed, ...rest } = entry;
  await deps.log.append({
    ...rest,
    level: 'error',
    message: `Retrying failed because the job could not be queued (${redactText(describeError(error))}). ${entry.message}`,
  });
}

export function retrySyncEvent(deps: AdminDeps, call: AdminCall): Promise<Envelope<Record<string, never>>> {
  return asAdmin(deps, call, retrySyncEventPayload, async ({ id }) => {
    const entry = await deps.log.get(id);
    if (!entry) return fail('NOT_FOUND', 'This log entry no longer exists (entries expire after a while).');
    const retry = syncRetrySchema.safeParse(entry.retry);
    if (!retry.success) return fail('NOT_RETRYABLE', 'This entry has nothing that can be re-run.');
    if (entry.status === 'retried') return fail('ALREADY_RETRIED', ALREADY_RETRIED);
    if (entry.status === 'resolved') {
      return fail('NOT_RETRYABLE', 'A later run of this item went through: there is nothing left to retry.');
    }

    const marked = await deps.log.markRetried(id);
    if (marked === 'not-found') return fail('NOT_FOUND', 'This log entry no longer exists.');
    // Someone else's Retry won the conditional write between the read and ours.
    if (marked === 'unchanged') return fail('ALREADY_RETRIED', ALREADY_RETRIED);
    try {
      await deps.queues.pushRetry(retry.data);
    } catch (error) {
      deps.logger.warn('A retried job could not be queued', { entryId: id, error });
      await keepRetryable(deps, entry, error);
      return fail(
        'UPSTREAM_ERROR',
        'The retry could not be queued. A new log entry for the same item was added: retry that one in a moment.',
        { retryable: true },
      );
    }
    deps.logger.info('An admin retried a sync-log entry', {
      entryId: id,
      kind: retry.data.kind,
      accountId: call.accountId,
    });
    return ok({});
  });
}
