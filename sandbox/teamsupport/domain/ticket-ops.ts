// Ticket rules shared by the API handlers and the admin surface: statuses per ticket type, closing, custom fields
// per ticket type, the JiraKey link step, deletion.
import { parseBodyDate } from '../dates';
import {
  SYSTEM_ACTION_TYPE,
  type CustomFieldRecord,
  type OrgRecord,
  type TicketRecord,
  type TicketStatusRecord,
} from '../model';
import type { EmulatorState, StoredTicket } from '../state';
import { addAction } from './action-ops';
import { DomainError } from './domain-error';

export interface TicketDraft {
  readonly name: string;
  readonly ticketTypeId: number;
  readonly ticketStatusId: number;
  readonly ticketSeverityId: number | null;
  readonly userId: number | null;
  readonly groupId: number | null;
  readonly productId: number | null;
  readonly reportedVersionId: number | null;
  readonly solvedVersionId: number | null;
  readonly parentId: number | null;
  readonly isVisibleOnPortal: boolean;
  readonly isKnowledgeBase: boolean;
  readonly dateCreated: Date;
  /** defaults to dateCreated */
  readonly dateModified?: Date;
  readonly dateClosed: Date | null;
  readonly closerId: number | null;
  readonly creatorId: number;
  readonly importId: string;
  readonly ticketSource: string;
  readonly ticketNumber?: number;
  readonly customerIds: readonly number[];
  readonly contactIds: readonly number[];
  readonly tags: readonly string[];
}

/** A referenced row must exist in the org, like the database's foreign keys (other orgs' rows are not visible). */
export function assertReference(
  table: ReadonlyMap<number, { readonly orgId: number }>,
  orgId: number,
  id: number | null | undefined,
  constraint: string,
): void {
  if (id === null || id === undefined) return;
  if (table.get(id)?.orgId !== orgId) {
    throw new DomainError(`The statement conflicted with the FOREIGN KEY constraint "${constraint}".`);
  }
}

export function statusOfType(
  state: EmulatorState,
  ticketTypeId: number,
  statusId: number,
): TicketStatusRecord {
  const status = state.ticketStatuses.get(statusId);
  if (!status || status.ticketTypeId !== ticketTypeId) {
    // Emulator decision: a status must belong to the ticket's type (docs/teamsupport-api.md §5); the write is refused
    // whole.
    throw new DomainError(`TicketStatusID ${statusId} is not a status of TicketTypeID ${ticketTypeId}.`);
  }
  return status;
}

export function firstStatusOfType(state: EmulatorState, ticketTypeId: number): TicketStatusRecord {
  const [first] = state.statusesOfType(ticketTypeId);
  if (!first) throw new DomainError(`TicketTypeID ${ticketTypeId} has no statuses.`);
  return first;
}

/** Closing stamps DateClosed/CloserID; reopening clears them. */
export function applyClosedTransition(
  ticket: TicketRecord,
  wasClosed: boolean,
  isClosed: boolean,
  actorId: number,
  now: Date,
): void {
  if (!wasClosed && isClosed) {
    ticket.dateClosed = now;
    ticket.closerId = actorId;
  } else if (wasClosed && !isClosed) {
    ticket.dateClosed = null;
    ticket.closerId = null;
  }
}

export function isTicketClosed(state: EmulatorState, ticket: TicketRecord): boolean {
  return state.ticketStatuses.get(ticket.ticketStatusId)?.isClosed ?? false;
}

export function touchTicket(state: EmulatorState, ticket: TicketRecord, actorId: number, now: Date): void {
  state.setTicketDateModified(ticket, now);
  ticket.modifierId = actorId;
}

export function setTicketStatus(
  state: EmulatorState,
  ticket: TicketRecord,
  statusId: number,
  actorId: number,
  now: Date,
): void {
  const wasClosed = isTicketClosed(state, ticket);
  const status = statusOfType(state, ticket.ticketTypeId, statusId);
  ticket.ticketStatusId = status.id;
  applyClosedTransition(ticket, wasClosed, status.isClosed, actorId, now);
  touchTicket(state, ticket, actorId, now);
}

/** The stored text of a custom value, validated against the field type; null clears it. */
export function normaliseCustomValue(
  org: OrgRecord,
  field: CustomFieldRecord,
  value: string | null,
): string | null {
  if (value === null || value.trim() === '') return null;
  switch (field.fieldType) {
    case 'number':
      if (!/^\s*[+-]?\d+\s*$/.test(value)) throw new DomainError('Input string was not in a correct format.');
      return String(Number(value.trim()));
    case 'boolean': {
      const normalised = value.trim().toLowerCase();
      if (normalised !== 'true' && normalised !== 'false') {
        throw new DomainError('String was not recognized as a valid Boolean.');
      }
      return normalised;
    }
    case 'date': {
      const date = parseBodyDate(value, org.culture);
      if (!date) throw new DomainError('String was not recognized as a valid DateTime.');
      return date.toISOString();
    }
    case 'text':
      return value;
  }
}

/** Write a custom value; a field that is not on the ticket's type is ignored (docs/teamsupport-api.md §7). */
export function setCustomValue(
  state: EmulatorState,
  org: OrgRecord,
  ticket: TicketRecord,
  apiName: string,
  value: string | null,
): boolean {
  const field = state
    .customFieldsOfType(ticket.orgId, ticket.ticketTypeId)
    .find((candidate) => candidate.apiName.toLowerCase() === apiName.toLowerCase());
  if (!field) return false;
  const stored = normaliseCustomValue(org, field, value);
  if (stored === null) ticket.customValues.delete(field.id);
  else ticket.customValues.set(field.id, stored);
  return true;
}

/**
 * The JiraKey step (docs/teamsupport-api.md §14): without a Jira instance configured in TeamSupport the write is
 * dropped; with one, "NewJiraIssue" asks the built-in connector for a new issue and any other value links/replaces the
 * key.
 */
export function applyJiraKey(
  state: EmulatorState,
  org: OrgRecord,
  ticket: TicketRecord,
  jiraKey: string,
  actorId: number,
  now: Date,
): void {
  if (!org.builtInJiraInstance) return;
  if (jiraKey.trim().toLowerCase() === 'newjiraissue') {
    ticket.jiraNewIssueRequested = true;
    return;
  }
  const previous = ticket.jiraKey;
  ticket.jiraKey = jiraKey;
  const description =
    previous === null
      ? `Linked to JiraKey '${jiraKey}'.`
      : `Changed JiraKey from '${previous}' to '${jiraKey}'.`;
  const id = state.nextId('history');
  state.history.set(id, { id, orgId: org.id, ticketId: ticket.id, at: now, actorId, description });
}

export function createTicketRecord(state: EmulatorState, org: OrgRecord, draft: TicketDraft): TicketRecord {
  const ticketNumber = draft.ticketNumber ?? org.nextTicketNumber;
  if (state.ticketByNumber(org.id, ticketNumber)) {
    throw new DomainError(`TicketNumber ${ticketNumber} is already used.`);
  }
  org.nextTicketNumber = Math.max(org.nextTicketNumber, ticketNumber + 1);
  const id = state.nextId('ticket');
  const ticket: StoredTicket = {
    id,
    orgId: org.id,
    ticketNumber,
    name: draft.name,
    ticketTypeId: draft.ticketTypeId,
    ticketStatusId: draft.ticketStatusId,
    ticketSeverityId: draft.ticketSeverityId,
    userId: draft.userId,
    groupId: draft.groupId,
    productId: draft.productId,
    reportedVersionId: draft.reportedVersionId,
    solvedVersionId: draft.solvedVersionId,
    parentId: draft.parentId,
    isVisibleOnPortal: draft.isVisibleOnPortal,
    isKnowledgeBase: draft.isKnowledgeBase,
    dateClosed: draft.dateClosed,
    closerId: draft.closerId,
    dueDate: null,
    knowledgeBaseCategoryId: null,
    importId: draft.importId,
    ticketSource: draft.ticketSource,
    jiraKey: null,
    jiraNewIssueRequested: false,
    customValues: new Map(),
    customerIds: [...draft.customerIds],
    contactIds: [...draft.contactIds],
    tags: [...draft.tags],
    dateCreated: draft.dateCreated,
    dateModified: draft.dateModified ?? draft.dateCreated,
    creatorId: draft.creatorId,
    modifierId: draft.creatorId,
  };
  const status = statusOfType(state, ticket.ticketTypeId, ticket.ticketStatusId);
  if (status.isClosed && ticket.dateClosed === null) {
    ticket.dateClosed = draft.dateCreated;
    ticket.closerId = draft.creatorId;
  }
  state.insertTicket(ticket);
  return ticket;
}

/** The Description action every ticket is created with (SystemActionTypeID 1, Name "Description", no ActionTypeID). */
export function addDescriptionAction(
  state: EmulatorState,
  ticket: TicketRecord,
  description: string,
  creatorId: number,
  at: Date,
): void {
  addAction(state, ticket, {
    actionTypeId: null,
    systemActionTypeId: SYSTEM_ACTION_TYPE.description,
    name: 'Description',
    description,
    timeSpent: null,
    dateStarted: at,
    isVisibleOnPortal: ticket.isVisibleOnPortal,
    isKnowledgeBase: ticket.isKnowledgeBase,
    dateCreated: at,
    creatorId,
    touchTicket: null,
  });
}

export function deleteTicket(state: EmulatorState, ticket: TicketRecord, deleterId: number, now: Date): void {
  state.removeTicket(ticket.id);
  const id = state.nextId('deletedTicket');
  state.deletedTickets.set(id, {
    id,
    orgId: ticket.orgId,
    ticketId: ticket.id,
    ticketNumber: ticket.ticketNumber,
    name: ticket.name,
    dateDeleted: now,
    deleterId,
    deleterEmail: state.users.get(deleterId)?.email ?? null,
  });
}
