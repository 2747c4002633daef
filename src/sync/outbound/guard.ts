// Runs the work for one target and turns every failure into an outcome plus a sync-log entry (invariant 4): transient
// failures are retried by the queue (and logged only once retries run out), permanent ones are logged with what
// "Retry" needs to re-run exactly this item.
import { settleWithConcurrency } from '../../lib/concurrency';
import { describeError, IntegrationError } from '../../lib/errors';
import type { SyncJson } from '../ports';
import type { OutboundDeps, OutboundTarget, TargetOutcome } from './deps';
import { sameName } from '../../domain/names';
import { syncItemKey, syncItemOf } from '../../domain/sync-item';
import { resolveFixedErrors } from '../resolve-errors';

export interface GuardContext {
  operation: string;
  /** the job restricted to this target, for the admin's "Retry" */
  retryJob: SyncJson;
  /** the queue will not deliver this job again: log transient failures as errors now */
  finalAttempt: boolean;
}

export async function guardTarget(
  deps: OutboundDeps,
  target: OutboundTarget,
  context: GuardContext,
  work: () => Promise<TargetOutcome>,
): Promise<TargetOutcome> {
  // The item this target's work is, as its error entry names it: a later run that gets through resolves the error.
  const retry = { kind: 'outbound', payload: context.retryJob };
  const item = syncItemOf({
    instanceId: target.instance.id,
    ticketId: target.link.ticketId,
    operation: context.operation,
    retry,
  });
  try {
    const outcome = await work();
    if (outcome === 'sent' || outcome === 'skipped') await resolveFixedErrors(deps, item, target.link);
    return outcome;
  } catch (error) {
    const transient = error instanceof IntegrationError && error.retryable;
    if (transient && !context.finalAttempt) return 'transient';
    const message = describeError(error);
    await deps.links.recordSync(target.link, {
      at: new Date(),
      error: message,
      ...(item === undefined ? {} : { errorItem: syncItemKey(item) }),
    });
    await deps.log.append({
      level: 'error',
      instanceId: target.instance.id,
      issueId: target.link.issueId,
      issueKey: target.link.issueKey,
      ticketId: target.link.ticketId,
      ticketNumber: target.link.ticketNumber,
      operation: context.operation,
      message: transient ? `Gave up after repeated failures: ${message}` : message,
      retry,
    });
    return 'failed';
  }
}

/**
 * Runs `work` for every target, a few at a time. Each target's work runs inside guardTarget, so a rejection here can
 * only be a failure to record an outcome (storage): the job is retried for that target.
 */
export async function forEachTarget(
  deps: OutboundDeps,
  targets: readonly OutboundTarget[],
  work: (target: OutboundTarget) => Promise<TargetOutcome>,
): Promise<TargetOutcome[]> {
  const results = await settleWithConcurrency(targets, deps.concurrency, work);
  return results.map((result) => (result.status === 'fulfilled' ? result.value : 'transient'));
}

/** Whether the instance syncs tickets of this ticket's type; reads the ticket only when a type filter is set. */
export async function ticketTypeAllowed(target: OutboundTarget): Promise<boolean> {
  const allowed = target.instance.ticketTypes;
  if (allowed === 'all') return true;
  const ticket = await target.tickets.getTicket(target.link.ticketId);
  return ticket !== undefined && allowed.some((name) => sameName(name, ticket.ticketType));
}
