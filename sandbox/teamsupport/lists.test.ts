// Ticket and action lists in the TeamSupport emulator: paging by TicketNumber, one-item pages, counters-only pages
// and the unpaged in-memory list.
import type { TeamSupportEmulator } from './emulator';
import {
  ACTION_LIST_FIELDS,
  ApiClient,
  arrayAt,
  at,
  objectAt,
  parseJson,
  startFrozen,
  stringAt,
} from './teamsupport.test-support';

let ts: TeamSupportEmulator;
let api: ApiClient;

beforeEach(async () => {
  ts = await startFrozen();
  api = ApiClient.for(ts);
});

afterEach(async () => {
  await ts.close();
});

describe('GET /tickets with paging (§9)', () => {
  it('pages by TicketNumber across 3+ pages: arrays, a one-item page as an object, then a counters-only page', async () => {
    const org = ts.org();
    // Created out of number order: paging must follow TicketNumber, not creation.
    for (const ticketNumber of [30, 10, 20])
      org.createTicket({ name: `Ticket ${ticketNumber}`, ticketNumber });

    const page1 = await api.get('/tickets?pageNumber=1&pageSize=3');
    const page2 = await api.getJson('/tickets?pageNumber=2&pageSize=3');
    const page3 = await api.getJson('/tickets?pagenumber=3&pagesize=3');
    const page4 = await api.get('/tickets?pageNumber=4&pageSize=3');

    // docs/teamsupport-api.md §16.4: {"Tickets": [{"ID": …}], "TotalRecords": "164"}
    expect(Object.keys(parseJson(page1))).toEqual(['Tickets', 'TotalRecords']);
    expect(at(parseJson(page1), 'TotalRecords')).toBe('7');
    const numbers = [...arrayAt(parseJson(page1), 'Tickets'), ...arrayAt(page2, 'Tickets')].map((item) =>
      stringAt(item, 'TicketNumber'),
    );
    expect(numbers).toEqual(['1', '2', '3', '4', '10', '20']);
    expect(at(page2, 'TotalRecords')).toBe('7');

    // docs/teamsupport-api.md §16.4: {"Tickets": {"ID": …}, "TotalRecords": "1"} — the last page holds one ticket and
    // is not an array.
    const lastItem = objectAt(page3, 'Tickets');
    expect(lastItem).toMatchObject({ TicketNumber: '30', Name: 'Ticket 30' });
    expect(at(page3, 'TotalRecords')).toBe('7');

    // docs/teamsupport-api.md §16.4: {"Tickets": {"RecordsReturned": "0", "TotalRecords": "0"}}
    expect(page4.status).toBe(200);
    expect(page4.text).toBe('{"Tickets":{"RecordsReturned":"0","TotalRecords":"0"}}');
  });

  it('names the primary key ID in list items (no TicketID key)', async () => {
    const first = ts.org().ticket(1);
    const items = arrayAt(await api.getJson('/tickets?pageNumber=1&pageSize=2'), 'Tickets');
    expect(Object.keys(items[0] ?? {})[0]).toBe('ID');
    expect(items[0]).not.toHaveProperty('TicketID');
    expect(items[0]?.['ID']).toBe(String(first.ticketId));
  });

  it('treats pageSize without pageNumber as a filter, which empties the unpaged in-memory list (§10)', async () => {
    const response = await api.get('/tickets?pageSize=2');
    expect(response.status).toBe(200);
    expect(response.text).toBe('{"Tickets":null}');
  });

  it('answers 500 with the paging error text for a page number that is not a number', async () => {
    const response = await api.get('/tickets?pageNumber=x&pageSize=2');
    expect([response.status, response.text]).toEqual([
      500,
      'There was an error processing your request. Please contact TeamSupport.com',
    ]);
  });

  it('returns the whole org without paging, as an array grouped by ticket type', async () => {
    const items = arrayAt(await api.getJson('/tickets'), 'Tickets');
    expect(items.map((item) => [item['TicketTypeName'], item['TicketNumber']])).toEqual([
      ['Bug', '1'],
      ['Bug', '4'],
      ['Question', '2'],
      ['Feature Request', '3'],
    ]);
  });
});

describe('GET /tickets/{ticket}/actions', () => {
  it('lists newest first with ID in place of ActionID and the §16.2 field order', async () => {
    const ticket = ts.org().ticket(1);
    const items = arrayAt(await api.getJson(`/tickets/${ticket.ticketId}/actions`), 'Actions');
    expect(items.map((item) => item['DateCreated'])).toEqual([
      '4/28/2024 3:00 PM',
      '4/28/2024 2:00 PM',
      '4/28/2024 12:00 PM',
    ]);
    for (const item of items) expect(Object.keys(item)).toEqual([...ACTION_LIST_FIELDS]);
  });

  it('gives an empty list for an unknown query parameter, including pageSize (§10)', async () => {
    const ticket = ts.org().ticket(1);
    expect((await api.get(`/tickets/${ticket.ticketId}/actions?since=20240101000000`)).text).toBe(
      '{"Actions":null}',
    );
    expect((await api.get(`/tickets/${ticket.ticketId}/actions?pageNumber=1&pageSize=50`)).text).toBe(
      '{"Actions":null}',
    );
  });

  it('keeps an unpaged one-item result an array', async () => {
    const ticket = ts.org().ticket(1);
    const body = await api.getJson(`/tickets/${ticket.ticketId}/actions?SystemActionTypeID=1`);
    expect(arrayAt(body, 'Actions')).toHaveLength(1);
  });

  it('renames the id label everywhere in a list body, values included, but not in a single-object GET', async () => {
    const ticket = ts.org().ticket(1);
    const action = ts.org().addAction(ticket.ticketId, { description: 'Look up ActionID 42 and TicketID 7' });

    const listed = arrayAt(await api.getJson(`/tickets/${ticket.ticketId}/actions`), 'Actions')[0];
    expect(listed?.['Description']).toBe('Look up ID 42 and TicketID 7');

    const single = objectAt(
      await api.getJson(`/tickets/${ticket.ticketId}/actions/${action.actionId}`),
      'Action',
    );
    expect(Object.keys(single)[0]).toBe('ActionID');
    expect(single['Description']).toBe('Look up ActionID 42 and TicketID 7');
  });
});

describe('lookup lists', () => {
  it('does not serve the lookups the app never reads: one product, version or user, groups, version statuses', async () => {
    const widget = ts.org().product('Widget');
    const jane = ts.org().user('Jane Doe');
    for (const path of [
      `/products/${widget.id}`,
      `/users/${jane.id}`,
      '/groups',
      '/properties/productversionstatuses',
      '/apiversion',
    ]) {
      expect((await api.get(path)).status).toBe(404);
    }
  });

  it('lists ticket types with ID, and empties on an unknown parameter', async () => {
    const items = arrayAt(await api.getJson('/properties/tickettypes'), 'TicketTypes');
    expect(items.map((item) => item['Name'])).toEqual(['Bug', 'Question', 'Feature Request']);
    expect(Object.keys(items[0] ?? {}).slice(0, 3)).toEqual(['ID', 'Name', 'Description']);
    expect((await api.get('/properties/tickettypes?pageSize=10')).text).toBe('{"TicketTypes":null}');
  });

  it('lists statuses per ticket type with TicketTypeID and IsClosed, filterable by TicketTypeID', async () => {
    const question = ts.org().ticketType('Question');
    const items = arrayAt(
      await api.getJson(`/properties/ticketstatuses?TicketTypeID=${question.id}`),
      'TicketStatuses',
    );
    expect(items.map((item) => [item['Name'], item['IsClosed'], item['TicketTypeID']])).toEqual([
      ['New', 'False', String(question.id)],
      ['In Progress', 'False', String(question.id)],
      ['Waiting on Customer', 'False', String(question.id)],
      ['Answered', 'True', String(question.id)],
      ['Closed', 'True', String(question.id)],
    ]);
    expect(items[0]).not.toHaveProperty('TicketStatusID');
  });

  it('lists severities and action types', async () => {
    const severities = arrayAt(await api.getJson('/properties/ticketseverities'), 'TicketSeverities');
    expect(severities.map((item) => item['Name'])).toEqual(['Low', 'Medium', 'High', 'Urgent']);
    const actionTypes = arrayAt(await api.getJson('/properties/actiontypes'), 'ActionTypes');
    expect(actionTypes.map((item) => item['Name'])).toEqual([
      'Comment',
      'Email',
      'Internal Note',
      'Jira Update',
    ]);
    expect(Object.keys(actionTypes[0] ?? {})).toEqual([
      'ID',
      'OrganizationID',
      'Name',
      'Description',
      'IsTimed',
      'Position',
      'DateCreated',
      'DateModified',
      'CreatorID',
      'ModifierID',
    ]);
  });

  it('serves products and a product’s versions (ProductVersionID → ID, ProductID kept)', async () => {
    const widget = ts.org().product('Widget');
    const products = arrayAt(await api.getJson('/products'), 'Products');
    expect(products.map((item) => item['Name'])).toEqual(['Gadget', 'Widget']);

    const versions = arrayAt(await api.getJson(`/products/${widget.id}/versions`), 'Versions');
    expect(versions.map((item) => [item['VersionNumber'], item['ProductID'], item['ProductName']])).toEqual([
      ['1.0', String(widget.id), 'Widget'],
      ['2.0', String(widget.id), 'Widget'],
    ]);
    expect(versions[0]).not.toHaveProperty('ProductVersionID');
    expect((await api.get(`/products/${widget.id}/versions?pageSize=5`)).text).toBe('{"Versions":null}');
    expect((await api.get('/products?foo=bar')).text).toBe('{"Products":null}');
  });

  it('serves users (agents) as a list with ID', async () => {
    const jane = ts.org().user('Jane Doe');
    const users = arrayAt(await api.getJson('/users'), 'Users');
    expect(users.map((item) => [item['FirstName'], item['LastName']])).toEqual([
      ['Jane', 'Doe'],
      ['Sam', 'Roe'],
    ]);
    expect(users[0]).toMatchObject({ ID: String(jane.id), Email: 'jane.doe@acme.example' });
  });
});
