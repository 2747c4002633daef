// Plain, typed views of tickets and actions for tests and the sandbox page (not the API's wire format).
import type { ActionRecord, TicketRecord } from '../model';
import type { EmulatorState } from '../state';
import { actionTypeName } from '../views/action-view';

export interface TicketSnapshot {
  readonly ticketId: number;
  readonly ticketNumber: number;
  readonly organizationId: number;
  readonly name: string;
  readonly ticketTypeId: number;
  readonly ticketType: string | null;
  readonly ticketStatusId: number;
  readonly status: string | null;
  readonly isClosed: boolean;
  readonly ticketSeverityId: number | null;
  readonly userId: number | null;
  readonly groupId: number | null;
  readonly productId: number | null;
  readonly reportedVersionId: number | null;
  readonly solvedVersionId: number | null;
  readonly isVisibleOnPortal: boolean;
  readonly isKnowledgeBase: boolean;
  readonly dateCreated: Date;
  readonly dateModified: Date;
  readonly dateClosed: Date | null;
  readonly creatorId: number;
  readonly modifierId: number;
  readonly closerId: number | null;
  readonly ticketSource: string;
  readonly jiraKey: string | null;
  readonly jiraNewIssueRequested: boolean;
  /** values of the custom fields of the ticket's type, by API name (fields of other types are not shown) */
  readonly customFields: Readonly<Record<string, string | null>>;
  readonly customerIds: readonly number[];
  readonly contactIds: readonly number[];
  readonly tags: readonly string[];
}

export interface ActionSnapshot {
  readonly actionId: number;
  readonly ticketId: number;
  readonly actionTypeId: number | null;
  readonly actionType: string | null;
  readonly systemActionTypeId: number;
  readonly name: string;
  readonly description: string;
  readonly timeSpent: number | null;
  readonly isVisibleOnPortal: boolean;
  readonly isKnowledgeBase: boolean;
  readonly dateCreated: Date;
  readonly dateModified: Date;
  readonly creatorId: number;
  readonly creatorName: string | null;
  readonly modifierId: number;
}

export function ticketSnapshot(state: EmulatorState, ticket: TicketRecord): TicketSnapshot {
  const status = state.ticketStatuses.get(ticket.ticketStatusId);
  const customFields: Record<string, string | null> = {};
  for (const field of state.customFieldsOfType(ticket.orgId, ticket.ticketTypeId)) {
    customFields[field.apiName] = ticket.customValues.get(field.id) ?? null;
  }
  return {
    ticketId: ticket.id,
    ticketNumber: ticket.ticketNumber,
    organizationId: ticket.orgId,
    name: ticket.name,
    ticketTypeId: ticket.ticketTypeId,
    ticketType: state.ticketTypes.get(ticket.ticketTypeId)?.name ?? null,
    ticketStatusId: ticket.ticketStatusId,
    status: status?.name ?? null,
    isClosed: status?.isClosed ?? false,
    ticketSeverityId: ticket.ticketSeverityId,
    userId: ticket.userId,
    groupId: ticket.groupId,
    productId: ticket.productId,
    reportedVersionId: ticket.reportedVersionId,
    solvedVersionId: ticket.solvedVersionId,
    isVisibleOnPortal: ticket.isVisibleOnPortal,
    isKnowledgeBase: ticket.isKnowledgeBase,
    dateCreated: ticket.dateCreated,
    dateModified: ticket.dateModified,
    dateClosed: ticket.dateClosed,
    creatorId: ticket.creatorId,
    modifierId: ticket.modifierId,
    closerId: ticket.closerId,
    ticketSource: ticket.ticketSource,
    jiraKey: ticket.jiraKey,
    jiraNewIssueRequested: ticket.jiraNewIssueRequested,
    customFields,
    customerIds: [...ticket.customerIds],
    contactIds: [...ticket.contactIds],
    tags: [...ticket.tags],
  };
}

export function actionSnapshot(state: EmulatorState, action: ActionRecord): ActionSnapshot {
  return {
    actionId: action.id,
    ticketId: action.ticketId,
    actionTypeId: action.actionTypeId,
    actionType: actionTypeName(state, action),
    systemActionTypeId: action.systemActionTypeId,
    name: action.name,
    description: action.description,
    timeSpent: action.timeSpent,
    isVisibleOnPortal: action.isVisibleOnPortal,
    isKnowledgeBase: action.isKnowledgeBase,
    dateCreated: action.dateCreated,
    dateModified: action.dateModified,
    creatorId: action.creatorId,
    creatorName: state.personName(action.creatorId),
    modifierId: action.modifierId,
  };
}
