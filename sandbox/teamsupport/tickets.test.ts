// Tickets in the TeamSupport emulator over HTTP: field order, look-up by id or number, custom fields per ticket
// type, create, update, JiraKey, tags, delete and the deleted-tickets list.
import type { TeamSupportEmulator } from './emulator';
import {
  ApiClient,
  TICKET_FIELDS,
  arrayAt,
  at,
  expectOnlyStringsOrNull,
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

function seededTicket(number: number) {
  return ts.org().ticket(number);
}

describe('GET /tickets/{ticket}', () => {
  it('answers the documented field order (§5, §16.1) with every value a string or null', async () => {
    const ticket = seededTicket(1);
    const response = await api.get(`/tickets/${ticket.ticketId}`);

    expect(response.status).toBe(200);
    expect(response.headers.get('content-type')).toBe('application/json');
    const body = parseJson(response);
    expect(Object.keys(body)).toEqual(['Ticket']);
    const wire = objectAt(body, 'Ticket');
    // A Bug carries both custom fields of its type, then Tags.
    expect(Object.keys(wire)).toEqual([...TICKET_FIELDS, 'JiraIssueKey', 'CustomerImpact', 'Tags']);
    expectOnlyStringsOrNull(wire);
    expect(wire).toMatchObject({
      TicketID: String(ticket.ticketId),
      TicketNumber: '1',
      TicketTypeName: 'Bug',
      Status: 'New',
      IsClosed: 'False',
      IsVisibleOnPortal: 'True',
      IsKnowledgeBase: 'False',
      ProductName: 'Widget',
      ReportedVersion: '2.0',
      SolvedVersion: null,
      UserName: 'Jane Doe',
      OrganizationID: '1100001',
      // created 72 h before 2024-05-01 12:00 PM Chicago time, last action 3 h later
      DateCreated: '4/28/2024 12:00 PM',
      DateModified: '4/28/2024 3:00 PM',
      DateClosed: null,
      DaysOpened: '3',
      HoursSpent: '0.083333',
      SlaViolationHours: '0.000000',
      TicketSource: 'Agent',
      JiraKey: null,
      CustomerImpact: 'Blocks month-end reporting',
      JiraIssueKey: null,
      Tags: null,
    });
    // Child collections keep their XML nesting: one customer is an object under "Customer".
    const [globex] = ts.org().lookups().customers;
    const [hank] = ts.org().lookups().contacts;
    expect(at(wire, 'Customers')).toEqual({
      Customer: { CustomerID: String(globex?.id), CustomerName: 'Globex Corporation' },
    });
    expect(at(wire, 'Contacts')).toEqual({
      Contact: { ContactID: String(hank?.id), ContactName: 'Hank Scorpio' },
    });
  });

  it('finds a ticket by TicketNumber, and by TicketID first when a number equals another ticket id', async () => {
    const second = seededTicket(2);
    const impostor = ts.org().createTicket({ name: 'Numbered like an id', ticketNumber: second.ticketId });

    const byNumber = objectAt(await api.getJson('/tickets/2'), 'Ticket');
    expect(byNumber['TicketID']).toBe(String(second.ticketId));

    const idWins = objectAt(await api.getJson(`/tickets/${second.ticketId}`), 'Ticket');
    expect(idWins['Name']).toBe('How do I reset my password?');
    expect(idWins['TicketID']).not.toBe(String(impostor.ticketId));
  });

  it('matches route segments case-insensitively and ignores a .json extension on the last segment', async () => {
    const plain = await api.get('/tickets/1');
    const variants = await Promise.all([
      api.get('/Tickets/1.json'),
      api.get('/TICKETS/1'),
      new ApiClient(`${ts.baseUrl}/API/Json`, ts.org().authorizationHeader()).get('/tickets/1'),
    ]);
    for (const variant of variants) {
      expect(variant.status).toBe(200);
      expect(variant.text).toBe(plain.text);
    }
  });

  it('answers 500 text/plain for an unknown ticket, 404 for an unknown route and 405 for an unsupported verb', async () => {
    const missing = await api.get('/tickets/99999999');
    expect(missing.status).toBe(500);
    expect(missing.headers.get('content-type')).toMatch(/^text\/plain/);
    expect(missing.text).toMatch(
      /^Internal Server Error: Object reference not set to an instance of an object\./,
    );

    const unknownRoute = await api.get('/tickets/1/nothing');
    expect([unknownRoute.status, unknownRoute.text]).toEqual([404, 'Error Code: NotFound']);

    const patch = await api.request('PATCH', '/tickets/1', { Ticket: { Name: 'x' } });
    expect([patch.status, patch.text]).toEqual([405, 'Error Code: MethodNotAllowed']);
  });
});

describe('custom fields per ticket type', () => {
  it('does not return a field of another type, and a write to it has no effect', async () => {
    const question = seededTicket(2);
    const before = objectAt(await api.getJson(`/tickets/${question.ticketId}`), 'Ticket');
    expect(before).not.toHaveProperty('CustomerImpact');
    expect(before).toHaveProperty('JiraIssueKey', null);

    const put = await api.put(`/tickets/${question.ticketId}`, {
      Ticket: { CustomerImpact: 'High', jiraissuekey: 'PROJ-42' },
    });
    expect(put.status).toBe(200);
    const after = objectAt(parseJson(put), 'Ticket');
    expect(after).not.toHaveProperty('CustomerImpact');
    expect(after['JiraIssueKey']).toBe('PROJ-42');

    // Moving the ticket to Bug shows the field, still empty: the earlier write was dropped.
    const bugTypeId = ts.org().ticketType('Bug').id;
    const moved = objectAt(
      parseJson(await api.put(`/tickets/${question.ticketId}`, { Ticket: { TicketTypeID: bugTypeId } })),
      'Ticket',
    );
    expect(moved['CustomerImpact']).toBeNull();
  });
});

describe('POST /tickets (how tickets arrive; the app never creates one)', () => {
  it('accepts names for lookups, forces TicketSource "API" and creates the Description action', async () => {
    const response = await api.post('/tickets', {
      Ticket: {
        Name: 'Export fails for large files',
        TicketTypeName: 'Feature Request',
        Status: 'Planned',
        ProductName: 'Widget',
        ReportedVersion: '1.0',
        UserEmail: 'sam.roe@acme.example',
        TicketSource: 'Email',
        Description: '<p>Created from Jira PROJ-42</p>',
        JiraIssueKey: 'PROJ-42',
      },
    });

    expect(response.status).toBe(200);
    const created = objectAt(parseJson(response), 'Ticket');
    expect(created).toMatchObject({
      TicketTypeName: 'Feature Request',
      Status: 'Planned',
      ProductName: 'Widget',
      ReportedVersion: '1.0',
      UserName: 'Sam Roe',
      TicketSource: 'API',
      CreatorID: '-3',
      JiraIssueKey: 'PROJ-42',
      TicketNumber: '5',
    });
    const actions = arrayAt(
      await api.getJson(`/tickets/${stringAt(created, 'TicketID')}/actions`),
      'Actions',
    );
    expect(actions).toHaveLength(1);
    expect(actions[0]).toMatchObject({
      SystemActionTypeID: '1',
      Name: 'Description',
      ActionTypeID: null,
      ActionType: 'Description',
      Description: '&lt;p&gt;Created from Jira PROJ-42&lt;/p&gt;',
    });
  });

  it('resolves a status name within the ticket type only (an unknown name falls back to the first status)', async () => {
    const response = await api.post('/tickets', {
      Ticket: { Name: 'Wrong status name', TicketTypeName: 'Bug', Status: 'Answered' },
    });
    expect(objectAt(parseJson(response), 'Ticket')).toMatchObject({ TicketTypeName: 'Bug', Status: 'New' });
  });

  it('rejects a flat body (no "Ticket" wrapper) with a 500 and creates nothing', async () => {
    const flat = await api.post('/tickets', { Name: 'Flat', TicketTypeName: 'Bug' });
    expect(flat.status).toBe(500);
    expect(flat.headers.get('content-type')).toMatch(/^text\/plain/);
    expect(flat.text).toMatch(/^Internal Server Error: JSON root object has multiple properties/);

    const single = await api.post('/tickets', { Name: 'Flat' });
    expect(single.status).toBe(500);
    expect(ts.org().tickets()).toHaveLength(4);
  });
});

describe('PUT /tickets/{ticket}', () => {
  it('matches field names case-insensitively and changes only what was sent', async () => {
    const ticket = seededTicket(1);
    const inProgress = ts.org().ticketStatus('Bug', 'In Progress').id;
    ts.clock.advance(90 * 60 * 1000);

    const response = await api.put(`/tickets/${ticket.ticketNumber}`, {
      ticket: { ticketstatusid: String(inProgress), NAME: 'Renamed' },
    });

    expect(response.status).toBe(200);
    const updated = objectAt(parseJson(response), 'Ticket');
    expect(updated).toMatchObject({
      Status: 'In Progress',
      Name: 'Renamed',
      ProductName: 'Widget',
      ModifierID: '-3',
      DateModified: '5/1/2024 1:30 PM',
    });
  });

  it('takes ids only: a status name is ignored', async () => {
    const ticket = seededTicket(1);
    const response = await api.put(`/tickets/${ticket.ticketId}`, { Ticket: { Status: 'Closed' } });
    expect(objectAt(parseJson(response), 'Ticket')['Status']).toBe('New');
  });

  it('refuses a TicketStatusID of another ticket type with a 500 and changes nothing', async () => {
    const ticket = seededTicket(1);
    const answered = ts.org().ticketStatus('Question', 'Answered').id;
    const response = await api.put(`/tickets/${ticket.ticketId}`, {
      Ticket: { TicketStatusID: answered, Name: 'Should not stick' },
    });
    expect(response.status).toBe(500);
    expect(response.text).toContain(
      `TicketStatusID ${answered} is not a status of TicketTypeID ${ticket.ticketTypeId}`,
    );
    expect(ts.org().ticket(ticket.ticketId)).toMatchObject({ status: 'New', name: ticket.name });
  });

  it('moves a ticket whose type changes to the first status of the new type', async () => {
    const ticket = seededTicket(1);
    const question = ts.org().ticketType('Question').id;
    const updated = objectAt(
      parseJson(await api.put(`/tickets/${ticket.ticketId}`, { Ticket: { TicketTypeID: question } })),
      'Ticket',
    );
    expect(updated).toMatchObject({
      TicketTypeName: 'Question',
      Status: 'New',
      TicketTypeID: String(question),
    });
  });

  it('stamps DateClosed when a closed status is set', async () => {
    const ticket = seededTicket(1);
    const closed = ts.org().ticketStatus('Bug', 'Closed').id;
    const updated = objectAt(
      parseJson(await api.put(`/tickets/${ticket.ticketId}`, { Ticket: { TicketStatusID: closed } })),
      'Ticket',
    );
    expect(updated).toMatchObject({ IsClosed: 'True', DateClosed: '5/1/2024 12:00 PM', CloserID: '-3' });
  });

  it('fails a value that does not parse as the column type (bool.Parse) without changing anything', async () => {
    const ticket = seededTicket(1);
    const response = await api.put(`/tickets/${ticket.ticketId}`, {
      Ticket: { Name: 'Nope', IsVisibleOnPortal: '1' },
    });
    expect(response.status).toBe(500);
    expect(response.text).toMatch(/^Internal Server Error: String was not recognized as a valid Boolean\./);
    expect(ts.org().ticket(ticket.ticketId).name).toBe(ticket.name);
  });

  it('saves the columns before the custom fields, so a bad number custom value answers 500 after the change', async () => {
    ts.org().addCustomField({ name: 'Affected Users', fieldType: 'number' });
    const ticket = seededTicket(1);
    const response = await api.put(`/tickets/${ticket.ticketId}`, {
      Ticket: { Name: 'Kept', AffectedUsers: 'many' },
    });
    expect(response.status).toBe(500);
    expect(response.text).toMatch(/^Internal Server Error: Input string was not in a correct format\./);
    expect(ts.org().ticket(ticket.ticketId).name).toBe('Kept');
  });
});

describe('JiraKey (§14)', () => {
  it('silently drops the write when no built-in Jira instance is configured', async () => {
    const ticket = seededTicket(1);
    const response = await api.put(`/tickets/${ticket.ticketId}`, { Ticket: { JiraKey: 'PROJ-9' } });
    expect(response.status).toBe(200);
    expect(objectAt(parseJson(response), 'Ticket')['JiraKey']).toBeNull();
    expect(objectAt(await api.getJson(`/tickets/${ticket.ticketId}`), 'Ticket')['JiraKey']).toBeNull();
    expect(ts.org().history(ticket.ticketId)).toEqual([]);
  });

  it('links the key and writes history when a built-in instance is configured', async () => {
    ts.org().updateSettings({ builtInJiraInstance: true });
    const ticket = seededTicket(1);
    await api.put(`/tickets/${ticket.ticketId}`, { Ticket: { JiraKey: 'PROJ-9' } });
    await api.put(`/tickets/${ticket.ticketId}`, { Ticket: { jirakey: 'PROJ-10' } });
    const wire = objectAt(await api.getJson(`/tickets/${ticket.ticketId}`), 'Ticket');
    expect(wire['JiraKey']).toBe('PROJ-10');
    expect(
      ts
        .org()
        .history(ticket.ticketId)
        .map((entry) => entry.description),
    ).toEqual(["Linked to JiraKey 'PROJ-9'.", "Changed JiraKey from 'PROJ-9' to 'PROJ-10'."]);

    await api.put(`/tickets/${ticket.ticketId}`, { Ticket: { JiraKey: 'newjiraissue' } });
    expect(ts.org().ticket(ticket.ticketId)).toMatchObject({
      jiraKey: 'PROJ-10',
      jiraNewIssueRequested: true,
    });
  });
});

describe('tags', () => {
  it('replaces the tag set from {"Tags":{"Tag":[…]}} and returns it XML-nested', async () => {
    const ticket = seededTicket(1);
    const response = await api.put(`/tickets/${ticket.ticketId}`, {
      Ticket: { Tags: { Tag: [{ Value: 'export' }, { Value: 'urgent' }] } },
    });
    expect(objectAt(parseJson(response), 'Ticket')['Tags']).toEqual({
      Tag: [{ Value: 'export' }, { Value: 'urgent' }],
    });
    const single = await api.put(`/tickets/${ticket.ticketId}`, {
      Ticket: { Tags: { Tag: { Value: 'only' } } },
    });
    expect(objectAt(parseJson(single), 'Ticket')['Tags']).toEqual({ Tag: { Value: 'only' } });
  });
});

describe('DELETE /tickets/{ticket} and /deletedtickets (an agent deleting a linked ticket)', () => {
  it('answers 200 with an empty body, then lists the ticket under /deletedtickets with its XML nesting', async () => {
    const ticket = seededTicket(3);
    const response = await api.delete(`/tickets/${ticket.ticketId}`);
    expect([response.status, response.text]).toEqual([200, '']);

    expect((await api.get(`/tickets/${ticket.ticketId}`)).status).toBe(500);
    const deleted = await api.getJson('/deletedtickets');
    expect(Object.keys(deleted)).toEqual(['DeletedTickets']);
    const item = objectAt(objectAt(deleted, 'DeletedTickets'), 'DeletedTicket');
    expect(Object.keys(item)).toEqual([
      'ID',
      'TicketID',
      'TicketNumber',
      'OrganizationID',
      'Name',
      'DateDeleted',
      'DeleterID',
      'DeleterEmail',
    ]);
    expect(item).toMatchObject({
      TicketID: String(ticket.ticketId),
      TicketNumber: '3',
      Name: 'Add dark mode',
      DateDeleted: '5/1/2024 12:00 PM',
      DeleterID: '-3',
    });
  });
});
