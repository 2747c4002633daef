// Runs the work for each target, a few at a time, and turns every failure into an item status plus a sync-log entry
// (invariant 4): transient failures are retried by the queue (and logged only once retries run out), permanent ones
// are logged with what "Retry" needs to re-run exactly this item, and a success resolves the item's earlier errors.
import { syncsTicketType } from '../../domain/config';
import type { ItemStatus } from '../../domain/item-outcome';
import { syncItemKey, syncItemOf } from '../../domain/sync-item';
import { settleWithConcurrency } from '../../lib/concurrency';
import { describeError, IntegrationError } from '../../lib/errors';
import { linkEntry } from '../log-entry';
import type { SyncJson } from '../records/json';
import { resolveFixedErrors } from '../resolve-errors';
import type { OutboundDeps, OutboundTarget } from './deps';

export interface GuardContext {
  operation: string;
  /** the job restricted to one target, for the admin's "Retry" of that link */
  retryJob(target: OutboundTarget): SyncJson;
  /** the queue will not deliver this job again: log transient failures as errors now */
  finalAttempt: boolean;
}

async function guardTarget(
  deps: OutboundDeps,
  target: OutboundTarget,
  context: GuardContext,
  work: (target: OutboundTarget) => Promise<ItemStatus>,
): Promise<ItemStatus> {
  // The item this target's work is, as its error entry names it: a later run that gets through resolves the error.
  const retry = { kind: 'outbound', payload: context.retryJob(target) };
  const item = syncItemOf({
    instanceId: target.instance.id,
    ticketId: target.link.ticketId,
    operation: context.operation,
    retry,
  });
  try {
    const status = await work(target);
    if (status === 'sent' || status === 'skipped') await resolveFixedErrors(deps, item, target.link);
    return status;
  } catch (error) {
    const transient = error instanceof IntegrationError && error.retryable;
    if (transient && !context.finalAttempt) return 'transient';
    const message = describeError(error);
    await deps.links.recordSync(target.link, {
      at: new Date(),
      error: message,
      ...(item === undefined ? {} : { errorItem: syncItemKey(item) }),
    });
    await deps.log.append(
      linkEntry(target.link, {
        level: 'error',
        operation: context.operation,
        message: transient ? `Gave up after repeated failures: ${message}` : message,
        retry,
      }),
    );
    return 'failed';
  }
}

/**
 * Runs `work` for every target, a few at a time, each inside its guard; a rejection past the guard can only be a
 * failure to record an outcome (storage): the job is retried for that target.
 */
export async function guardEachTarget(
  deps: OutboundDeps,
  targets: readonly OutboundTarget[],
  context: GuardContext,
  work: (target: OutboundTarget) => Promise<ItemStatus>,
): Promise<ItemStatus[]> {
  const results = await settleWithConcurrency(targets, deps.concurrency, (target) =>
    guardTarget(deps, target, context, work),
  );
  return results.map((result) => (result.status === 'fulfilled' ? result.value : 'transient'));
}

/** The job restricted to one target's link: what that link's "Retry" runs. */
export function onlyTarget<Job extends { kind: string }>(
  job: Job,
): (target: OutboundTarget) => Job & { only: { instanceId: string; ticketId: string } } {
  return (target) => ({ ...job, only: { instanceId: target.instance.id, ticketId: target.link.ticketId } });
}

/** Whether the instance syncs tickets of this ticket's type; reads the ticket only when a type filter is set. */
export async function ticketTypeAllowed(target: OutboundTarget): Promise<boolean> {
  if (target.instance.ticketTypes === 'all') return true;
  const ticket = await target.tickets.getTicket(target.link.ticketId);
  return ticket !== undefined && syncsTicketType(target.instance, ticket.ticketType);
}
