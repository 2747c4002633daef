// The inbound use cases behind the scheduled trigger and the inbound queue: pull an instance (or continue a handed-
// over pull), or re-run one failed item for the admin's "Retry".
import type { StoredInstance } from '../../domain/config';
import { Pacer } from '../../lib/pacer';
import type { InboundJob } from '../jobs';
import { copiedLogEntry, copyActionToIssue } from './copy-action';
import { describeError, IntegrationError } from '../../lib/errors';
import type { InboundDeps, InstanceContext, ItemOutcome } from './deps';
import { checkTicket } from './hot-check';
import type { HotActivity } from './hot-window';
import { logTicket } from './log';
import { processTicket } from './process-ticket';
import { pullInstance, type PullOutcome } from './pull';
import { PULL_TICKET_OPERATION } from './set-aside';
import { syncItemOf } from '../../domain/sync-item';
import { resolveFixedErrors } from '../resolve-errors';

export type InboundResult =
  | { status: 'done' }
  | { status: 'handover' }
  | { status: 'retry'; reason: string }
  | { status: 'skipped'; reason: string };

export async function instanceContext(
  deps: InboundDeps,
  instanceId: string,
): Promise<InstanceContext | string> {
  const config = await deps.config.read();
  if (!config.ok) return `the configuration cannot be read: ${config.error.message}`;
  const instance: StoredInstance | undefined = config.document.instances.find((i) => i.id === instanceId);
  if (!instance) return 'the instance was deleted';
  if (!instance.active) return 'the instance is not active';
  const tickets = await deps.openTicketSystem(instance);
  if (!tickets) return `instance "${instance.name}" has no API token`;
  return {
    instance,
    tickets,
    pacer: new Pacer({ perMinute: deps.copiesPerMinute, now: () => deps.now().getTime() }),
  };
}

function fromPull(outcome: PullOutcome): InboundResult {
  if (outcome.status === 'handover') return { status: 'handover' };
  if (outcome.status === 'retry-later')
    return { status: 'retry', reason: 'a ticket system or Jira asked us to try again later' };
  return { status: 'done' };
}

export async function executeInbound(
  deps: InboundDeps & Partial<HotActivity>,
  job: InboundJob,
  options: { finalAttempt: boolean } = { finalAttempt: false },
): Promise<InboundResult> {
  const context = await instanceContext(deps, job.instanceId);
  if (typeof context === 'string') return { status: 'skipped', reason: context };
  // A hot or hinted ticket's check between pulls (issue 19): never retried, the next check or pull reads it again.
  if ('chain' in job || 'ticketNumber' in job) return checkTicket(deps, context, job);
  switch (job.kind) {
    case 'pull':
      return fromPull(await pullInstance(deps, context));
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
        if (copy.status === 'transient') return 'transient';
        if (copy.status === 'copied' && !copy.finished) for (const write of writes()) await write.apply();
        return 'ok';
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
  work: () => Promise<ItemOutcome | 'gone'>,
): Promise<InboundResult> {
  let reason: string;
  try {
    const outcome = await work();
    if (outcome === 'gone')
      return { status: 'skipped', reason: 'the ticket, its link or the action no longer exists' };
    if (outcome === 'ok') {
      // A set-aside or given-up item that got through now: its pull-ticket errors leave the errors report (issue 20).
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
