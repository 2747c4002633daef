// The inbound use cases behind the inbound queue: continue a handed-over pull, re-run one ticket or action (set aside
// by a pull, or the admin's "Retry"), or check a hot or hinted ticket between pulls.
import { syncItemOf } from '../../domain/sync-item';
import { describeError, IntegrationError } from '../../lib/errors';
import type { ItemStatus } from '../../domain/item-outcome';
import { TRY_AGAIN_LATER, type JobResult, type JobStep } from '../job-result';
import type { InboundJob, PullJob } from '../jobs/inbound';
import { resolveFixedErrors } from '../resolve-errors';
import { copiedLogEntry, copyActionToIssue } from './action-to-comment';
import { contextOf, type InboundDeps, type InstanceContext } from './deps';
import { checkTicket } from './hot-check';
import type { HotActivity } from './hot-window';
import { logTicket } from './log-entry';
import { processTicket } from './process-ticket';
import { pullInstance } from './pull';
import { PULL_TICKET_OPERATION } from './set-aside';

/** The active instance a job names, with its ticket-system client; why not, as words, when it cannot run. */
async function instanceContext(deps: InboundDeps, instanceId: string): Promise<InstanceContext | string> {
  const config = await deps.config.read();
  if (!config.ok) return `the configuration cannot be read: ${config.error.message}`;
  const instance = config.document.instances.find((i) => i.id === instanceId);
  if (!instance) return 'the instance was deleted';
  if (!instance.active) return 'the instance is not active';
  const tickets = await deps.openTicketSystem(instance);
  if (!tickets) return `instance "${instance.name}" has no API token`;
  return contextOf(deps, instance, tickets);
}

/**
 * Runs one inbound job. A pull that runs short of time continues in the next job, from its cursor; a pull that met a
 * transient failure resumes from its cursor in the next scheduled cycle (its consumer never retries it).
 */
export async function executeInbound(
  deps: InboundDeps & Partial<HotActivity>,
  job: InboundJob,
  options: { finalAttempt: boolean } = { finalAttempt: false },
): Promise<JobStep<PullJob>> {
  const context = await instanceContext(deps, job.instanceId);
  if (typeof context === 'string') return { status: 'skipped', reason: context };
  switch (job.kind) {
    // A hot or hinted ticket's check between pulls (issue 19): never retried, the next check or pull reads it again.
    case 'check-ticket':
      return checkTicket(deps, context, job);
    case 'pull': {
      const pulled = await pullInstance(deps, context);
      if (pulled.status === 'handover') return { status: 'continue' };
      return pulled.status === 'retry-later'
        ? { status: 'retry', reason: TRY_AGAIN_LATER }
        : { status: 'done' };
    }
    case 'retry-ticket':
      return retryItem(deps, context, job, options.finalAttempt, async () => {
        const ticket = await context.tickets.getTicket(job.ticketId);
        if (!ticket) return 'gone';
        return processTicket(deps, context, ticket);
      });
    case 'retry-action':
      return retryItem(deps, context, job, options.finalAttempt, async () => {
        const [ticket, link] = await Promise.all([
          context.tickets.getTicket(job.ticketId),
          deps.links.getByTicket(context.instance.id, job.ticketId),
        ]);
        if (!ticket || !link) return 'gone';
        const action = (await context.tickets.listActions(job.ticketId)).find((a) => a.id === job.actionId);
        if (!action) return 'gone';
        const writes = () => [
          deps.links.prepareSync(link, { at: deps.now() }),
          ...[copiedLogEntry(deps, context, ticket, link, [action])].filter((entry) => entry !== undefined),
        ];
        const copy = await copyActionToIssue(deps, context, ticket, link, action, writes);
        if (copy.status === 'sent' && !copy.finished) for (const write of writes()) await write.apply();
        return copy.status;
      });
  }
}

/**
 * One ticket or action retried on its own (set aside by a pull, or the admin's Retry). Transient failures come back
 * through the queue with back-off; on the last attempt the item is given up with an error and Retry, never dropped.
 */
async function retryItem(
  deps: InboundDeps,
  context: InstanceContext,
  job: Extract<InboundJob, { ticketId: string }>,
  finalAttempt: boolean,
  work: () => Promise<ItemStatus | 'gone'>,
): Promise<JobResult> {
  let reason: string;
  try {
    const status = await work();
    if (status === 'gone')
      return { status: 'skipped', reason: 'the ticket, its link or the action no longer exists' };
    if (status !== 'transient') {
      // A set-aside or given-up item that got through now: its pull-ticket errors leave the errors report (issue 20).
      // (An item that failed again was logged with its own Retry.)
      const retry = { kind: 'inbound', payload: job };
      const item = syncItemOf({
        instanceId: job.instanceId,
        ticketId: job.ticketId,
        operation: PULL_TICKET_OPERATION,
        retry,
      });
      const link = await deps.links.getByTicket(job.instanceId, job.ticketId).catch(() => undefined);
      // Rare (only after a failure), and a retry given up below leaves no mark on the link: always look.
      await resolveFixedErrors(deps, item, link, true);
      return { status: 'done' };
    }
    reason = 'another sync of the same item was still running';
  } catch (error) {
    if (!(error instanceof IntegrationError && error.retryable)) throw error;
    reason = describeError(error);
  }
  if (!finalAttempt) return { status: 'retry', reason };
  await logTicket(deps, context, {
    level: 'error',
    operation: PULL_TICKET_OPERATION,
    message: `Gave up syncing ticket ${job.ticketId} after repeated failures: ${reason} Use Retry once the cause is fixed.`,
    ticketId: job.ticketId,
    retry: { kind: 'inbound', payload: job },
  });
  return { status: 'done' };
}
