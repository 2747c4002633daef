// TeamSupport's wire encoding in the emulator: every value a string, child collections nested like the XML
// conversion, and list reshaping done on the text.
import { apiNameOf } from './admin/refs';
import { cell, encodeCell, encodeRecord, nestedList } from './wire/cells';
import { LISTS, renderList, reshapeListText } from './wire/list-shape';
import { parseWrappedBody } from './wire/request-body';
import { ApiFailure } from './api/failures';

const wire = { formatDate: (date: Date) => date.toISOString(), escapeText: true };

describe('value encoding (§3): every value a string, empty values null', () => {
  it.each([
    [cell.int('TicketID', 745895), '745895'],
    [cell.bool('IsClosed', true), 'True'],
    [cell.bool('IsClosed', false), 'False'],
    [cell.decimal('HoursSpent', 5 / 60), '0.083333'],
    [cell.decimal('SlaViolationHours', 0), '0.000000'],
    [cell.text('Name', ''), null],
    [cell.text('Name', null), null],
    [cell.int('ParentID', null), null],
    [
      cell.text('Description', `<p>We'll "look" & see</p>`),
      '&lt;p&gt;We&apos;ll &quot;look&quot; &amp; see&lt;/p&gt;',
    ],
  ])('%j → %j', (entry, expected) => {
    expect(encodeCell(entry, wire)).toBe(expected);
  });

  it('nests child collections like the XML conversion: none → null, one → object, several → array', () => {
    const record = [
      nestedList('Tags', 'Tag', []),
      nestedList('Customers', 'Customer', [[cell.int('CustomerID', 1)]]),
      nestedList('Contacts', 'Contact', [[cell.int('ContactID', 1)], [cell.int('ContactID', 2)]]),
    ];
    expect(encodeRecord(record, wire)).toEqual({
      Tags: null,
      Customers: { Customer: { CustomerID: '1' } },
      Contacts: { Contact: [{ ContactID: '1' }, { ContactID: '2' }] },
    });
  });
});

describe('list reshaping (the server’s FixJsonFormatError, on the text)', () => {
  const item = (id: string) => ({ ActionID: id, Description: 'see ActionID' });

  it('makes unpaged lists arrays, even with one item, and renames the id label everywhere', () => {
    expect(renderList(LISTS.actions, [item('1'), item('2')])).toBe(
      '{"Actions":[{"ID":"1","Description":"see ID"},{"ID":"2","Description":"see ID"}]}',
    );
    expect(renderList(LISTS.actions, [item('1')])).toBe('{"Actions":[{"ID":"1","Description":"see ID"}]}');
    expect(renderList(LISTS.actions, [])).toBe('{"Actions":null}');
  });

  it('leaves a one-item page an object and answers an empty page with counters only', () => {
    const ticket = { TicketID: '7', Name: 'x' };
    expect(renderList(LISTS.tickets, [ticket, ticket], { totalRecords: 9 })).toBe(
      '{"Tickets":[{"ID":"7","Name":"x"},{"ID":"7","Name":"x"}],"TotalRecords":"9"}',
    );
    expect(renderList(LISTS.tickets, [ticket], { totalRecords: 9 })).toBe(
      '{"Tickets":{"ID":"7","Name":"x"},"TotalRecords":"9"}',
    );
    expect(renderList(LISTS.tickets, [], { totalRecords: 9 })).toBe(
      '{"Tickets":{"RecordsReturned":"0","TotalRecords":"0"}}',
    );
  });

  it('does not reshape deleted tickets', () => {
    const deleted = { ID: '1', TicketID: '7' };
    expect(renderList(LISTS.deletedTickets, [deleted])).toBe(
      '{"DeletedTickets":{"DeletedTicket":{"ID":"1","TicketID":"7"}}}',
    );
  });

  it('is plain string surgery: a body shorter than the prefix is returned as is', () => {
    expect(reshapeListText('{"Actions":""}', LISTS.actions, false)).toBe('{"Actions":""}');
  });
});

describe('request bodies (§3): one wrapper key, case-insensitive names, text values', () => {
  it('reads a wrapped body with case-insensitive wrapper and field names', () => {
    const fields = parseWrappedBody(
      '{"ticket":{"TicketStatusID":5,"IsVisibleOnPortal":false,"Name":" ","x":null}}',
      'Ticket',
    );
    expect(fields.get('ticketstatusid')).toEqual({ kind: 'text', text: '5' });
    expect(fields.get('ISVISIBLEONPORTAL')).toEqual({ kind: 'text', text: 'false' });
    expect(fields.get('name')).toEqual({ kind: 'empty' });
    expect(fields.get('X')).toEqual({ kind: 'empty' });
    expect(fields.has('Description')).toBe(false);
  });

  it.each([
    ['{"Name":"a","TicketTypeID":"1"}', /JSON root object has multiple properties/],
    ['{"Name":"a"}', /Cannot find table 0/],
    ['{"Action":{"Name":"a"}}', /Expected the root element "Ticket"/],
    ['', /Root element is missing/],
    ['{not json', /Internal Server Error/],
  ])('refuses %s with a 500', (raw, message) => {
    let failure: unknown;
    try {
      parseWrappedBody(raw, 'Ticket');
    } catch (error) {
      failure = error;
    }
    if (!(failure instanceof ApiFailure)) throw new Error('expected an ApiFailure');
    expect(failure.status).toBe(500);
    expect(failure.body).toMatch(message);
  });
});

describe('custom field API names (§7)', () => {
  it.each([
    ['Jira Issue Key', 'JiraIssueKey'],
    ['2nd Line Owner', '_2ndLineOwner'],
    ['Customer Impact (%)', 'CustomerImpact'],
  ])('%s → %s', (name, apiName) => {
    expect(apiNameOf(name)).toBe(apiName);
  });
});
