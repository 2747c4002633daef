// One changed ticket of a pull window: linked tickets bring their new actions; unlinked ones may ask, through the
// correlation field, to be escalated or linked.
import { syncsTicketType } from '../../domain/config';
import type { ItemStatus } from '../../domain/item-outcome';
import type { Ticket } from '../../domain/ticket';
import type { InboundDeps, InstanceContext } from './deps';
import { correlateTicket } from './escalation';
import { pullTicketActions } from './ticket-actions';

export async function processTicket(
  deps: InboundDeps,
  context: InstanceContext,
  ticket: Ticket,
): Promise<ItemStatus> {
  if (!syncsTicketType(context.instance, ticket.ticketType)) return 'skipped';
  const link = await deps.links.getByTicket(context.instance.id, ticket.id);
  if (link) return pullTicketActions(deps, context, ticket, link);
  const field = context.instance.correlationField;
  return field ? correlateTicket(deps, context, ticket, ticket.customFields[field]) : 'skipped';
}
