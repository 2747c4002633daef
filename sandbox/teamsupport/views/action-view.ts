// An action as GET /tickets/{t}/actions[/{id}] writes it: the field order of the docs/teamsupport-api.md §16.2
// recording (action columns, then the ticket's columns repeated). System actions have no ActionTypeID; their ActionType
// is the system name.
import type { EmulatorState } from '../state';
import { SYSTEM_ACTION_TYPE_NAMES, type ActionRecord } from '../model';
import { cell, type WireRecord } from '../wire/cells';
import { ticketFacts } from './ticket-facts';

export function actionTypeName(state: EmulatorState, action: ActionRecord): string | null {
  if (action.actionTypeId !== null) return state.actionTypes.get(action.actionTypeId)?.name ?? null;
  return SYSTEM_ACTION_TYPE_NAMES[action.systemActionTypeId] ?? null;
}

export function actionRecord(state: EmulatorState, action: ActionRecord, now: Date): WireRecord {
  const ticket = state.tickets.get(action.ticketId);
  const facts = ticket ? ticketFacts(state, ticket, now) : undefined;
  return [
    cell.int('ActionID', action.id),
    cell.int('ActionTypeID', action.actionTypeId),
    cell.int('SystemActionTypeID', action.systemActionTypeId),
    cell.text('Name', action.name),
    cell.text('Description', action.description),
    cell.int('TimeSpent', action.timeSpent),
    cell.date('DateStarted', action.dateStarted),
    cell.bool('IsVisibleOnPortal', action.isVisibleOnPortal),
    cell.bool('IsKnowledgeBase', action.isKnowledgeBase),
    cell.date('DateCreated', action.dateCreated),
    cell.date('DateModified', action.dateModified),
    cell.int('ModifierID', action.modifierId),
    cell.int('CreatorID', action.creatorId),
    cell.int('TicketID', action.ticketId),
    cell.text('CreatorName', state.personName(action.creatorId)),
    cell.text('ModifierName', state.personName(action.modifierId)),
    cell.text('ActionType', actionTypeName(state, action)),
    cell.text('ProductName', facts?.productName ?? null),
    cell.text('ReportedVersion', facts?.reportedVersion ?? null),
    cell.text('SolvedVersion', facts?.solvedVersion ?? null),
    cell.text('GroupName', facts?.groupName ?? null),
    cell.text('TicketType', facts?.ticketTypeName ?? null),
    cell.text('UserName', facts?.userName ?? null),
    cell.text('Status', facts?.status ?? null),
    cell.int('StatusPosition', facts?.statusPosition ?? null),
    cell.int('SeverityPosition', facts?.severityPosition ?? null),
    cell.bool('IsClosed', facts?.isClosed ?? null),
    cell.text('Severity', facts?.severity ?? null),
    cell.int('TicketNumber', ticket?.ticketNumber ?? null),
    cell.int('ReportedVersionID', ticket?.reportedVersionId ?? null),
    cell.int('SolvedVersionID', ticket?.solvedVersionId ?? null),
    cell.int('ProductID', ticket?.productId ?? null),
    cell.int('GroupID', ticket?.groupId ?? null),
    cell.int('UserID', ticket?.userId ?? null),
    cell.int('TicketStatusID', ticket?.ticketStatusId ?? null),
    cell.int('TicketTypeID', ticket?.ticketTypeId ?? null),
    cell.int('TicketSeverityID', ticket?.ticketSeverityId ?? null),
    cell.int('OrganizationID', action.orgId),
    cell.text('TicketName', ticket?.name ?? null),
    cell.date('DateClosed', ticket?.dateClosed ?? null),
    cell.int('CloserID', ticket?.closerId ?? null),
    cell.int('DaysClosed', facts?.daysClosed ?? null),
    cell.int('DaysOpened', facts?.daysOpened ?? null),
    cell.text('CloserName', facts?.closerName ?? null),
    cell.decimal('HoursSpent', facts?.hoursSpent ?? null),
  ];
}
