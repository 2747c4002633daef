// One changed ticket of a pull window: linked tickets bring their new actions; unlinked ones may ask, through the
// correlation field, to be escalated or linked.
import { sameName } from '../../domain/names';
import type { Ticket } from '../../domain/ticket';
import type { InboundDeps, InstanceContext, ItemOutcome } from './deps';
import { correlateTicket } from './escalation';
import { pullTicketActions } from './ticket-actions';

function ticketTypeSynced(context: InstanceContext, ticket: Ticket): boolean {
  const allowed = context.instance.ticketTypes;
  return allowed === 'all' || allowed.some((name) => sameName(name, ticket.ticketType));
}

export async function processTicket(
  deps: InboundDeps,
  context: InstanceContext,
  ticket: Ticket,
): Promise<ItemOutcome> {
  if (!ticketTypeSynced(context, ticket)) return 'ok';
  const link = await deps.links.getByTicket(context.instance.id, ticket.id);
  if (link) return pullTicketActions(deps, context, ticket, link);
  const field = context.instance.correlationField;
  return field ? correlateTicket(deps, context, ticket, ticket.customFields[field]) : 'ok';
}
