// A ticket as GET /tickets/{id} and the ticket lists write it: the field order of reference §5, then Customers,
// Contacts, one key per custom field of the ticket's type (by API name), and Tags.
import type { EmulatorState } from '../state';
import type { CustomFieldRecord, TicketRecord } from '../model';
import { cell, nestedList, type Cell, type Entry, type WireRecord } from '../wire/cells';
import { ticketFacts } from './ticketFacts';

/** A stored custom value as a typed cell (number fields are integers, booleans "True"/"False", dates localised). */
export function customFieldCell(field: CustomFieldRecord, stored: string | undefined): Cell {
  const text = stored === undefined || stored.trim() === '' ? null : stored;
  const base = { name: field.apiName, custom: true };
  switch (field.fieldType) {
    case 'number':
      return { ...base, kind: 'int', value: text === null ? null : Number(text) };
    case 'boolean':
      return { ...base, kind: 'bool', value: text === null ? null : text.toLowerCase() === 'true' };
    case 'date':
      return { ...base, kind: 'date', value: text === null ? null : new Date(text) };
    case 'text':
      return { ...base, kind: 'text', value: text };
  }
}

export function ticketRecord(state: EmulatorState, ticket: TicketRecord, now: Date): WireRecord {
  const facts = ticketFacts(state, ticket, now);
  const entries: Entry[] = [
    cell.int('TicketID', ticket.id),
    cell.text('ProductName', facts.productName),
    cell.text('ReportedVersion', facts.reportedVersion),
    cell.text('SolvedVersion', facts.solvedVersion),
    cell.text('GroupName', facts.groupName),
    cell.text('TicketTypeName', facts.ticketTypeName),
    cell.text('UserName', facts.userName),
    cell.text('Status', facts.status),
    cell.int('StatusPosition', facts.statusPosition),
    cell.int('SeverityPosition', facts.severityPosition),
    cell.bool('IsClosed', facts.isClosed),
    cell.text('Severity', facts.severity),
    cell.int('TicketNumber', ticket.ticketNumber),
    cell.bool('IsVisibleOnPortal', ticket.isVisibleOnPortal),
    cell.bool('IsKnowledgeBase', ticket.isKnowledgeBase),
    cell.int('ReportedVersionID', ticket.reportedVersionId),
    cell.int('SolvedVersionID', ticket.solvedVersionId),
    cell.int('ProductID', ticket.productId),
    cell.int('GroupID', ticket.groupId),
    cell.int('UserID', ticket.userId),
    cell.int('TicketStatusID', ticket.ticketStatusId),
    cell.int('TicketTypeID', ticket.ticketTypeId),
    cell.int('TicketSeverityID', ticket.ticketSeverityId),
    cell.int('OrganizationID', ticket.orgId),
    cell.text('Name', ticket.name),
    cell.int('ParentID', ticket.parentId),
    cell.int('ModifierID', ticket.modifierId),
    cell.int('CreatorID', ticket.creatorId),
    cell.date('DateModified', ticket.dateModified),
    cell.date('DateCreated', ticket.dateCreated),
    cell.date('DateClosed', ticket.dateClosed),
    cell.int('CloserID', ticket.closerId),
    cell.int('DaysClosed', facts.daysClosed),
    cell.int('DaysOpened', facts.daysOpened),
    cell.text('CloserName', facts.closerName),
    cell.text('CreatorName', facts.creatorName),
    cell.text('ModifierName', facts.modifierName),
    cell.decimal('HoursSpent', facts.hoursSpent),
    cell.date('SlaViolationTime', null),
    cell.date('SlaWarningTime', null),
    cell.decimal('SlaViolationHours', 0),
    cell.decimal('SlaWarningHours', 0),
    cell.int('KnowledgeBaseCategoryID', ticket.knowledgeBaseCategoryId),
    cell.text('KnowledgeBaseCategoryName', null),
    cell.date('DueDate', ticket.dueDate),
    cell.text('TicketSource', ticket.ticketSource),
    cell.text('JiraKey', ticket.jiraKey),
    nestedList(
      'Customers',
      'Customer',
      ticket.customerIds.map((id) => [
        cell.int('CustomerID', id),
        cell.text('CustomerName', state.customers.get(id)?.name ?? null),
      ]),
    ),
    nestedList(
      'Contacts',
      'Contact',
      ticket.contactIds.map((id) => [
        cell.int('ContactID', id),
        cell.text('ContactName', state.personName(id)),
      ]),
    ),
  ];
  for (const field of state.customFieldsOfType(ticket.orgId, ticket.ticketTypeId)) {
    entries.push(customFieldCell(field, ticket.customValues.get(field.id)));
  }
  entries.push(
    nestedList(
      'Tags',
      'Tag',
      ticket.tags.map((value) => [cell.text('Value', value)]),
    ),
  );
  return entries;
}
