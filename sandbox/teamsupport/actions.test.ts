// Ticket actions in the TeamSupport emulator over HTTP: the recorded system actions, reading one, creating and
// updating actions as the app does, and their text encoding.
import type { TeamSupportEmulator } from './emulator';
import {
  ApiClient,
  arrayAt,
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

const exportBug = () => ts.org().ticket(1);

describe('actions of a ticket', () => {
  it('show the system actions as recorded (§16.2): e-mail and Description have no ActionTypeID', async () => {
    const items = arrayAt(await api.getJson(`/tickets/${exportBug().ticketId}/actions`), 'Actions');
    for (const item of items) expectOnlyStringsOrNull(item);
    const [comment, email, description] = items;
    expect(comment).toMatchObject({
      ActionTypeID: String(ts.org().actionType('Comment').id),
      SystemActionTypeID: '0',
      ActionType: 'Comment',
      Name: null,
      CreatorName: 'Jane Doe',
      TimeSpent: '5',
      IsVisibleOnPortal: 'True',
      // HTML comes out entity-escaped like the recorded fixture
      Description: '&lt;p&gt;Thanks Hank, we&apos;re looking into it.&lt;/p&gt;',
      TicketNumber: '1',
      TicketName: 'Export fails for large files',
    });
    expect(email).toMatchObject({
      ActionTypeID: null,
      SystemActionTypeID: '3',
      ActionType: 'Email',
      CreatorName: 'Hank Scorpio',
    });
    expect(description).toMatchObject({
      ActionTypeID: null,
      SystemActionTypeID: '1',
      Name: 'Description',
      ActionType: 'Description',
    });
  });

  it('records an unknown sender as CreatorID -1 (as in the recorded e-mail action)', async () => {
    const question = ts.org().ticket(2);
    const items = arrayAt(await api.getJson(`/tickets/${question.ticketNumber}/actions`), 'Actions');
    expect(items.find((item) => item['SystemActionTypeID'] === '3')).toMatchObject({
      CreatorID: '-1',
      CreatorName: null,
    });
  });

  it('gets one action with ActionID (not ID) as its first field, the shape of the app’s POST answer', async () => {
    const [newest] = ts.org().actions(exportBug().ticketId);
    const response = await api.get(`/tickets/${exportBug().ticketId}/actions/${newest?.actionId}.json`);
    const action = objectAt(parseJson(response), 'Action');
    expect(Object.keys(action)[0]).toBe('ActionID');
    expect(action['ActionID']).toBe(String(newest?.actionId));
  });

  it('answers 500 for an unknown action id on GET and 400 on PUT', async () => {
    const ticketId = exportBug().ticketId;
    expect((await api.get(`/tickets/${ticketId}/actions/1`)).status).toBe(500);
    const put = await api.put(`/tickets/${ticketId}/actions/1`, { Action: { Description: 'x' } });
    expect([put.status, put.text]).toEqual([400, 'Error Code: BadRequest']);
  });
});

describe('POST /tickets/{ticket}/actions', () => {
  it('creates an action from ActionTypeID, HTML Description, IsVisibleOnPortal and CreatorID; answers 200', async () => {
    const ticket = exportBug();
    const comment = ts.org().actionType('Comment');
    const jane = ts.org().user('Jane Doe');
    ts.clock.advance(2 * 60 * 60 * 1000);

    const response = await api.post(`/tickets/${ticket.ticketId}/actions`, {
      Action: {
        ActionTypeID: String(comment.id),
        Description: '<p><em>Comment added in Jira by Jane Doe</em></p><p>Fixed in build 512.</p>',
        IsVisibleOnPortal: 'false',
        CreatorID: String(jane.id),
      },
    });

    expect(response.status).toBe(200);
    const body = parseJson(response);
    expect(Object.keys(body)).toEqual(['Action']);
    const action = objectAt(body, 'Action');
    expect(action).toMatchObject({
      ActionTypeID: String(comment.id),
      ActionType: 'Comment',
      SystemActionTypeID: '0',
      IsVisibleOnPortal: 'False',
      CreatorID: String(jane.id),
      CreatorName: 'Jane Doe',
      DateCreated: '5/1/2024 2:00 PM',
      TicketID: String(ticket.ticketId),
    });
    const stored = ts.org().actions(ticket.ticketId)[0];
    expect(stored?.description).toBe(
      '<p><em>Comment added in Jira by Jane Doe</em></p><p>Fixed in build 512.</p>',
    );
    expect(stored?.actionId).toBe(Number(stringAt(action, 'ActionID')));
    // The new action moves the ticket's DateModified, so a DateModified window finds it.
    expect(ts.org().ticket(ticket.ticketId).dateModified).toEqual(ts.clock.now());
  });

  it('ignores ActionType given by name', async () => {
    const response = await api.post(`/tickets/${exportBug().ticketId}/actions`, {
      Action: { ActionType: 'Comment', Description: '<p>typed by name</p>' },
    });
    expect(response.status).toBe(200);
    expect(objectAt(parseJson(response), 'Action')).toMatchObject({
      ActionTypeID: null,
      ActionType: null,
      SystemActionTypeID: '0',
      CreatorID: '-3',
    });
  });

  it('matches the wrapper and field names case-insensitively', async () => {
    const comment = ts.org().actionType('Comment');
    const response = await api.post(`/tickets/${exportBug().ticketNumber}/actions`, {
      action: { actiontypeid: comment.id, DESCRIPTION: '<p>lower case</p>', isvisibleonportal: true },
    });
    expect(objectAt(parseJson(response), 'Action')).toMatchObject({
      ActionTypeID: String(comment.id),
      IsVisibleOnPortal: 'True',
    });
  });

  it('fails IsVisibleOnPortal "1" (bool.Parse) and an unknown ActionTypeID with 500, creating nothing', async () => {
    const ticketId = exportBug().ticketId;
    const before = ts.org().actions(ticketId).length;
    const badBool = await api.post(`/tickets/${ticketId}/actions`, {
      Action: { Description: 'x', IsVisibleOnPortal: '1' },
    });
    expect(badBool.status).toBe(500);
    expect(badBool.text).toMatch(/^Internal Server Error: String was not recognized as a valid Boolean\./);
    const badType = await api.post(`/tickets/${ticketId}/actions`, {
      Action: { Description: 'x', ActionTypeID: 1 },
    });
    expect(badType.status).toBe(500);
    expect(ts.org().actions(ticketId)).toHaveLength(before);
  });

  it('answers 500 for an action on an unknown ticket', async () => {
    const response = await api.post('/tickets/99999999/actions', { Action: { Description: 'x' } });
    expect(response.status).toBe(500);
  });
});

describe('PUT /tickets/{ticket}/actions/{action} (an agent’s edit; the app only adds actions)', () => {
  it('updates only the sent fields', async () => {
    const ticketId = exportBug().ticketId;
    const [newest] = ts.org().actions(ticketId);
    const response = await api.put(`/tickets/${ticketId}/actions/${newest?.actionId}`, {
      Action: { Description: '<p>edited</p>' },
    });
    expect(response.status).toBe(200);
    expect(objectAt(parseJson(response), 'Action')).toMatchObject({
      Description: '&lt;p&gt;edited&lt;/p&gt;',
      ActionType: 'Comment',
      ModifierID: '-3',
    });
  });
});

describe('text encoding', () => {
  it('returns raw HTML for an org configured with textEncoding "raw"', async () => {
    ts.org().updateSettings({ textEncoding: 'raw' });
    const items = arrayAt(await api.getJson(`/tickets/${exportBug().ticketId}/actions`), 'Actions');
    expect(items[0]?.['Description']).toBe("<p>Thanks Hank, we're looking into it.</p>");
  });
});
