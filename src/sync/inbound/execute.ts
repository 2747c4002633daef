// The inbound use cases behind the scheduled trigger and the inbound queue: pull an instance (or continue a handed-
// over pull), or re-run one failed item for the admin's "Retry".
import type { StoredInstance } from '../../domain/config';
import type { InboundJob } from '../jobs';
import { copyActionToIssue } from './copy-action';
import type { InboundDeps, InstanceContext } from './deps';
import { processTicket } from './process-ticket';
import { pullInstance, type PullOutcome } from './pull';

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
  return { instance, tickets };
}

function fromPull(outcome: PullOutcome): InboundResult {
  if (outcome.status === 'handover') return { status: 'handover' };
  if (outcome.status === 'retry-later')
    return { status: 'retry', reason: 'a ticket system or Jira asked us to try again later' };
  return { status: 'done' };
}

export async function executeInbound(deps: InboundDeps, job: InboundJob): Promise<InboundResult> {
  const context = await instanceContext(deps, job.instanceId);
  if (typeof context === 'string') return { status: 'skipped', reason: context };
  switch (job.kind) {
    case 'pull':
      return fromPull(await pullInstance(deps, context));
    case 'retry-ticket': {
      const ticket = await context.tickets.getTicket(job.ticketId);
      if (!ticket) return { status: 'skipped', reason: 'the ticket no longer exists' };
      return (await processTicket(deps, context, ticket)) === 'transient'
        ? { status: 'retry', reason: 'transient failure' }
        : { status: 'done' };
    }
    case 'retry-action': {
      const [ticket, link] = await Promise.all([
        context.tickets.getTicket(job.ticketId),
        deps.links.getByTicket(context.instance.id, job.ticketId),
      ]);
      if (!ticket || !link) return { status: 'skipped', reason: 'the ticket or its link no longer exists' };
      const action = (await context.tickets.listActions(job.ticketId)).find((a) => a.id === job.actionId);
      if (!action) return { status: 'skipped', reason: 'the action no longer exists' };
      const outcome = await copyActionToIssue(deps, context, ticket, link, action);
      return outcome === 'transient' ? { status: 'retry', reason: 'transient failure' } : { status: 'done' };
    }
  }
}
