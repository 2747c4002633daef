// Adding an action to a ticket. An action changes the ticket, so the ticket's DateModified moves with it (that is
// what an incremental pull by DateModified relies on to find new actions).
import type { ActionRecord, TicketRecord } from '../model';
import type { EmulatorState } from '../state';

export interface ActionDraft {
  readonly actionTypeId: number | null;
  readonly systemActionTypeId: number;
  readonly name: string;
  readonly description: string;
  readonly timeSpent: number | null;
  readonly dateStarted: Date | null;
  readonly isVisibleOnPortal: boolean;
  readonly isKnowledgeBase: boolean;
  readonly dateCreated: Date;
  readonly dateModified?: Date;
  readonly creatorId: number;
  readonly modifierId?: number;
  /** who changes the ticket and when; null for the Description action written together with its ticket */
  readonly touchTicket: { readonly at: Date; readonly actorId: number } | null;
}

export function addAction(state: EmulatorState, ticket: TicketRecord, draft: ActionDraft): ActionRecord {
  const id = state.nextId('action');
  const action: ActionRecord = {
    id,
    orgId: ticket.orgId,
    ticketId: ticket.id,
    actionTypeId: draft.actionTypeId,
    systemActionTypeId: draft.systemActionTypeId,
    name: draft.name,
    description: draft.description,
    timeSpent: draft.timeSpent,
    dateStarted: draft.dateStarted,
    isVisibleOnPortal: draft.isVisibleOnPortal,
    isKnowledgeBase: draft.isKnowledgeBase,
    dateCreated: draft.dateCreated,
    dateModified: draft.dateModified ?? draft.dateCreated,
    creatorId: draft.creatorId,
    modifierId: draft.modifierId ?? draft.creatorId,
  };
  state.insertAction(action);
  if (draft.touchTicket) {
    state.setTicketDateModified(ticket, draft.touchTicket.at);
    ticket.modifierId = draft.touchTicket.actorId;
  }
  return action;
}
