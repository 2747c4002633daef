// A ticket as GET /tickets/{id} and the ticket lists write it: the field order of docs/teamsupport-api.md §5, then
// Customers, Contacts, one key per custom field of the ticket's type (by API name), and Tags.
import type { EmulatorState } from '../state';
import type { CustomFieldRecord, TicketRecord } from '../model';
import { cell, nestedList, type Cell, type Entry, type WireRecord } from '../wire/cells';
import { TICKET_COLUMNS, TicketRow } from './ticket-columns';

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
  const row = new TicketRow(state, ticket, now);
  const entries: Entry[] = [
    ...TICKET_COLUMNS.map((column) => column.read(row)),
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
