// /tickets/{ticket}/actions: not paged, newest first, filtered in memory; writes take ActionTypeID only.
import { SYSTEM_USER, type ActionRecord } from '../model';
import { addAction } from '../domain/action-ops';
import { assertReference } from '../domain/ticket-ops';
import { actionRecord } from '../views/action-view';
import { LISTS } from '../wire/list-shape';
import { parseWrappedBody } from '../wire/request-body';
import { ColumnReader } from './column-reader';
import { findTicket, ownedBy, routeId, type ApiContext, type ApiHandler } from './context';
import { failures } from './failures';
import { inMemoryList, singleObject } from './list-replies';
import { asApiWrite } from './ticket-writes';

const newestFirst = (a: ActionRecord, b: ActionRecord): number =>
  b.dateCreated.getTime() - a.dateCreated.getTime() || b.id - a.id;

export const listActions: ApiHandler = (context) => {
  const ticket = findTicket(context, routeId(context, 0));
  const actions = context.state.actionsOfTicket(ticket.id).sort(newestFirst);
  return inMemoryList(
    context,
    LISTS.actions,
    actions.map((action) => actionRecord(context.state, action, context.now)),
  );
};

/** The server loads the action by its id alone; the ticket segment of the route is not consulted. */
export const getAction: ApiHandler = (context) => {
  const action = ownedBy(context, context.state.actions.get(routeId(context, 1)));
  return singleObject(context, 'Action', actionRecord(context.state, action, context.now));
};

function readActionColumns(context: ApiContext) {
  const r = new ColumnReader(parseWrappedBody(context.body, 'Action'), context.org.culture, 'Actions');
  // "ActionType" (the name) is not a writable column, so it is silently ignored.
  return {
    actionTypeId: r.int('ActionTypeID'),
    systemActionTypeId: r.intNotNull('SystemActionTypeID'),
    name: r.text('Name'),
    description: r.text('Description'),
    timeSpent: r.int('TimeSpent'),
    dateStarted: r.date('DateStarted'),
    isVisibleOnPortal: r.bool('IsVisibleOnPortal'),
    isKnowledgeBase: r.bool('IsKnowledgeBase'),
    dateCreated: r.dateNotNull('DateCreated'),
    dateModified: r.dateNotNull('DateModified'),
    creatorId: r.intNotNull('CreatorID'),
    modifierId: r.intNotNull('ModifierID'),
  };
}

export const createAction: ApiHandler = (context) => {
  const { state, org, now } = context;
  const ticket = findTicket(context, routeId(context, 0));
  const columns = readActionColumns(context);
  const action = asApiWrite(() => {
    assertReference(state.actionTypes, org.id, columns.actionTypeId, 'FK_Actions_ActionTypes');
    const creatorId = columns.creatorId ?? SYSTEM_USER.api;
    return addAction(state, ticket, {
      actionTypeId: columns.actionTypeId ?? null,
      systemActionTypeId: columns.systemActionTypeId ?? 0,
      name: columns.name ?? '',
      description: columns.description ?? '',
      timeSpent: columns.timeSpent ?? null,
      dateStarted: columns.dateStarted === undefined ? now : columns.dateStarted,
      isVisibleOnPortal: columns.isVisibleOnPortal ?? false,
      isKnowledgeBase: columns.isKnowledgeBase ?? false,
      dateCreated: columns.dateCreated ?? now,
      dateModified: columns.dateModified ?? now,
      creatorId,
      modifierId: columns.modifierId ?? creatorId,
      touchTicket: { at: now, actorId: columns.modifierId ?? creatorId },
    });
  });
  return singleObject(context, 'Action', actionRecord(state, action, now));
};

/** PUT of an unknown action id answers 400; like GET, the ticket segment is not consulted. */
export const updateAction: ApiHandler = (context) => {
  const { state, org, now } = context;
  const found = state.actions.get(routeId(context, 1));
  if (!found) throw failures.badRequest();
  const action = ownedBy(context, found);
  const columns = readActionColumns(context);
  asApiWrite(() => {
    assertReference(state.actionTypes, org.id, columns.actionTypeId, 'FK_Actions_ActionTypes');
    if (columns.actionTypeId !== undefined) action.actionTypeId = columns.actionTypeId;
    if (columns.systemActionTypeId !== undefined) action.systemActionTypeId = columns.systemActionTypeId;
    if (columns.name !== undefined) action.name = columns.name;
    if (columns.description !== undefined) action.description = columns.description;
    if (columns.timeSpent !== undefined) action.timeSpent = columns.timeSpent;
    if (columns.dateStarted !== undefined) action.dateStarted = columns.dateStarted;
    if (columns.isVisibleOnPortal !== undefined) action.isVisibleOnPortal = columns.isVisibleOnPortal;
    if (columns.isKnowledgeBase !== undefined) action.isKnowledgeBase = columns.isKnowledgeBase;
    if (columns.dateCreated !== undefined) action.dateCreated = columns.dateCreated;
    if (columns.creatorId !== undefined) action.creatorId = columns.creatorId;
    action.dateModified = columns.dateModified ?? now;
    action.modifierId = columns.modifierId ?? SYSTEM_USER.api;
    const ticket = state.tickets.get(action.ticketId);
    if (ticket) {
      state.setTicketDateModified(ticket, now);
      ticket.modifierId = action.modifierId;
    }
  });
  return singleObject(context, 'Action', actionRecord(state, action, now));
};
