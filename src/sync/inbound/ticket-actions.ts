// Which of a linked ticket's actions go to Jira: not the description, not what the app wrote (ledger), only the
// configured action types, and only what was added since the link (older history stays in the ticket).
import type { Ticket, TicketAction } from '../../domain/ticket';
import type { Link } from '../ports';
import { copyActionToIssue } from './copy-action';
import type { InboundDeps, InstanceContext, ItemOutcome } from './deps';

const MINUTE = 60_000;

function typeIsPulled(pullActionTypes: 'all' | string[], action: TicketAction): boolean {
  if (pullActionTypes === 'all') return true;
  const type = action.actionType?.trim().toLowerCase();
  return type !== undefined && pullActionTypes.some((name) => name.trim().toLowerCase() === type);
}

export function actionsToPull(
  actions: readonly TicketAction[],
  link: Link,
  pullActionTypes: 'all' | string[],
): TicketAction[] {
  // TeamSupport dates have minute precision: an action from the minute of linking counts as after it.
  const linkedMinute = Math.floor(Date.parse(link.linkedAt) / MINUTE) * MINUTE;
  return actions
    .filter((a) => a.systemKind !== 'description')
    .filter((a) => a.dateCreated.getTime() >= linkedMinute)
    .filter((a) => typeIsPulled(pullActionTypes, a))
    .sort((a, b) => a.dateCreated.getTime() - b.dateCreated.getTime() || Number(a.id) - Number(b.id));
}

export async function pullTicketActions(
  deps: InboundDeps,
  context: InstanceContext,
  ticket: Pick<Ticket, 'id' | 'number'>,
  link: Link,
): Promise<ItemOutcome> {
  const actions = actionsToPull(
    await context.tickets.listActions(ticket.id),
    link,
    context.instance.pullActionTypes,
  );
  // In order, one at a time: comments appear in Jira in the order they were written.
  for (const action of actions) {
    if ((await copyActionToIssue(deps, context, ticket, link, action)) === 'transient') return 'transient';
  }
  return 'ok';
}
