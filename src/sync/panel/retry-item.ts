// retrySyncItem: the panel's Retry on a link's failed item, as the admin page's Retry does it (sync/admin/
// retry-sync-event.ts): the entry is marked "retried" with a conditional write before its job is queued, so two
// presses queue it once, and the job itself is exactly-once through the ledger. A panel user may retry only an item
// of the issue the panel is open on, and only when they can see that issue.
import { z } from 'zod';
import { SyncEventIdParamSchema } from '../../domain/ids';
import { fail, ok, parseInput, type Envelope } from '../../lib/envelope';
import { describeError } from '../../lib/errors';
import { redactText } from '../../lib/logger';
import { syncRetrySchema } from '../jobs/queue';
import { checkIssueAccess } from './access';
import type { PanelCall } from './deps';
import type { PanelSyncDeps } from './sync-deps';

export const retrySyncItemPayload = z.object({ entryId: SyncEventIdParamSchema });

const GONE = 'This problem is no longer on record for this issue; reload the panel.';
const ALREADY_RETRIED =
  'This item was retried already; the panel shows a new problem if the retry fails too.';

export async function retrySyncItem(
  deps: PanelSyncDeps,
  call: PanelCall,
): Promise<Envelope<Record<string, never>>> {
  const denied = await checkIssueAccess(deps, call.issue, 'browse');
  if (denied) return denied;
  const input = parseInput(retrySyncItemPayload, call.payload);
  if (!input.ok) return input;
  const entry = await deps.log.get(input.value.entryId);
  // Another issue's entry is not named, not even as "exists".
  if (entry?.issueId !== call.issue.id) return fail('NOT_FOUND', GONE);
  const retry = syncRetrySchema.safeParse(entry.retry);
  if (!retry.success) return fail('NOT_RETRYABLE', 'This item has nothing that can be re-run.');
  if (entry.status !== 'open') return fail('ALREADY_RETRIED', ALREADY_RETRIED);

  const marked = await deps.log.markRetried(entry.id);
  if (marked === 'not-found') return fail('NOT_FOUND', GONE);
  if (marked === 'unchanged') return fail('ALREADY_RETRIED', ALREADY_RETRIED);
  try {
    await deps.queues.pushRetry(retry.data);
  } catch (error) {
    deps.logger.warn('A retried job could not be queued', { entryId: entry.id, error });
    const { id: _id, time: _time, status: _status, statusChangedAt: _changed, ...rest } = entry;
    // Still retryable: the same item, logged again.
    await deps.log.append({
      ...rest,
      level: 'error',
      message: `Retrying failed because the job could not be queued (${redactText(describeError(error))}). ${entry.message}`,
    });
    return fail('UPSTREAM_ERROR', 'The retry could not be queued; press Retry again in a moment.', {
      retryable: true,
    });
  }
  deps.logger.info('A panel user retried a sync-log entry', { entryId: entry.id, accountId: call.accountId });
  return ok({});
}
