// The five-minute pull of every active instance, with the configuration and each cursor read once: an instance whose
// handed-over pull is still running in the queue is left alone; one that runs out of time hands the rest over; its
// sync log is pruned only once it has grown by PRUNE_THRESHOLD entries; one near its daily TeamSupport request limit is
// pulled less often. Scheduled runs are not retried by the platform, so a failure is logged and the next cycle resumes
// from the cursor.
import { describeError } from '../../lib/errors';
import { contextOf, type InboundDeps } from './deps';
import { pullInstance } from './pull';
import { pullDueWithinBudget } from './pull-budget';
import type { PullCursor } from '../records/pull-cursor';

// A pull handed over less than this long ago is probably still running in the queue: leave it alone.
const CONTINUATION_GRACE_MS = 10 * 60 * 1000;
/**
 * New sync-log entries that make a prune worth its reads (up to ten pages of the instance's log): checking costs one
 * read of at most this many entries, and a quiet instance's check reads none.
 */
export const PRUNE_THRESHOLD = 100;

export async function pullEveryInstance(deps: InboundDeps): Promise<'done' | 'no-configuration'> {
  const config = await deps.config.read();
  if (!config.ok) return 'no-configuration';
  for (const instance of config.document.instances.filter((i) => i.active)) {
    try {
      const cursor = await deps.cursors.load(instance.id);
      if (cursor?.window && deps.now().getTime() - Date.parse(cursor.window.until) < CONTINUATION_GRACE_MS) {
        continue;
      }
      // Near the organization's daily request limit the pull slows down (sync/inbound/pull-budget.ts).
      if (!(await pullDueWithinBudget(deps, instance))) continue;
      const tickets = await deps.openTicketSystem(instance);
      if (!tickets) continue;
      const result = await pullInstance(
        deps,
        contextOf(deps, instance, tickets),
        await pruned(deps, instance.id, cursor),
      );
      if (result.status === 'handover') await deps.queues.continuePull(instance.id);
    } catch (error) {
      await deps.log.append({
        level: 'error',
        instanceId: instance.id,
        operation: 'pull',
        message: `The pull from TeamSupport failed: ${describeError(error)}`,
      });
    }
  }
  return 'done';
}

/** Prunes the instance's sync log when it has grown enough since the last prune; the cursor remembers when. */
async function pruned(deps: InboundDeps, instanceId: string, cursor: PullCursor | undefined) {
  const now = deps.now().toISOString();
  if (cursor === undefined) return undefined;
  if (
    cursor.prunedAt !== undefined &&
    !(await deps.log.grownSince(instanceId, cursor.prunedAt, PRUNE_THRESHOLD))
  ) {
    return cursor;
  }
  const result = await deps.log.prune(instanceId, { budget: deps.budget });
  return result.complete ? { ...cursor, prunedAt: now } : cursor;
}
