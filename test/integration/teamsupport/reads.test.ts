// Reading tickets, actions and lookups from the TeamSupport emulator over HTTP.
import { startHarness, type Harness } from './harness';

let h: Harness;

beforeAll(async () => {
  h = await startHarness();
});
beforeEach(() => h.reset());
afterAll(() => h.close());

/** The instant TeamSupport can show: its dates have minute resolution. */
const toMinute = (date: Date): Date => new Date(Math.floor(date.getTime() / 60_000) * 60_000);

describe('getTicket', () => {
  it('reads a ticket by number and by id into the domain shape', async () => {
    const seeded = h.org.ticket(1);
    const byNumber = await h.run((ts) => ts.getTicket('1'));
    const byId = await h.run((ts) => ts.getTicket(String(seeded.ticketId)));
    expect(byNumber).toEqual(byId);
    expect(byNumber).toEqual({
      id: String(seeded.ticketId),
      number: '1',
      name: 'Export fails for large files',
      status: 'New',
      statusId: String(seeded.ticketStatusId),
      isClosed: false,
      ticketType: 'Bug',
      ticketTypeId: String(seeded.ticketTypeId),
      severity: 'High',
      product: 'Widget',
      productId: String(seeded.productId),
      reportedVersion: '2.0',
      reportedVersionId: String(seeded.reportedVersionId),
      solvedVersion: null,
      solvedVersionId: null,
      assignee: 'Jane Doe',
      customers: ['Globex Corporation'],
      customFields: { JiraIssueKey: null, CustomerImpact: 'Blocks month-end reporting' },
      dateCreated: toMinute(seeded.dateCreated),
      dateModified: toMinute(seeded.dateModified),
    });
  });

  it('accepts a number as users type it', async () => {
    const ticket = await h.run((ts) => ts.getTicket('  #4 '));
    expect(ticket).toMatchObject({ number: '4', status: 'Closed', isClosed: true, solvedVersion: '2.0' });
    expect(ticket?.customFields).toEqual({ JiraIssueKey: 'PROJ-7', CustomerImpact: 'High' });
  });

  it('answers undefined for a ticket that does not exist, after checking the 500 is not an outage', async () => {
    h.ts.clearRequests();
    expect(await h.run((ts) => ts.getTicket('99999'))).toBeUndefined();
    expect(h.apiRequests().map((entry) => `${entry.method} ${entry.url} ${entry.status}`)).toEqual([
      'GET /api/json/tickets/99999 500',
      'GET /api/json/tickets/99999 500',
      'GET /api/json/properties/tickettypes 200',
    ]);
  });

  it('answers undefined for text that cannot be a ticket, without asking the server', async () => {
    h.ts.clearRequests();
    for (const text of ['abc', '', '12-3', '99999999999', '0']) {
      expect(await h.run((ts) => ts.getTicket(text))).toBeUndefined();
    }
    expect(h.apiRequests()).toHaveLength(0);
  });

  it("answers undefined for another organization's ticket", async () => {
    const other = h.ts.createOrg({ name: 'Other Corp' });
    other.addTicketType({ name: 'Task', statuses: [{ name: 'Open' }] });
    const foreign = other.createTicket({ name: 'Not yours', ticketType: 'Task' });
    expect(await h.run((ts) => ts.getTicket(String(foreign.ticketId)))).toBeUndefined();
  });

  it.each(['escaped', 'raw'] as const)(
    'reads names and HTML the same way when the server sends text %s',
    async (textEncoding) => {
      h.org.updateSettings({ textEncoding });
      const created = h.org.createTicket({
        name: `Tom's "export" <fails> & more`,
        ticketType: 'Bug',
        customers: ['Globex Corporation'],
        customFields: { JiraIssueKey: 'A&B' },
        description: '<p>Line &amp; <b>bold</b> &lt;tag&gt; it&#39;s</p>',
      });
      const ticket = await h.run((ts) => ts.getTicket(String(created.ticketNumber)));
      expect(ticket?.name).toBe(`Tom's "export" <fails> & more`);
      expect(ticket?.customFields['JiraIssueKey']).toBe('A&B');
      const [description] = await h.run((ts) => ts.listActions(String(created.ticketId)));
      expect(description?.html).toBe('<p>Line &amp; <b>bold</b> &lt;tag&gt; it&#39;s</p>');
    },
  );
});

describe('dates in the organization culture and time zone', () => {
  it.each([
    ['en-US', 'America/Chicago', '2024-07-30T18:23:41.000Z'],
    ['en-GB', 'Europe/London', '2024-01-15T09:05:00.000Z'],
    ['fr-FR', 'Europe/Paris', '2024-12-31T23:30:00.000Z'],
    ['de-DE', 'Europe/Berlin', '2024-03-01T00:00:00.000Z'],
    ['en-US', 'Asia/Kolkata', '2024-05-01T12:00:00.000Z'],
  ] as const)('reads %s dates in %s back as the UTC instant (%s)', async (culture, timeZone, instant) => {
    h.org.updateSettings({ culture, timeZone });
    h.ts.clock.set(new Date(instant));
    const created = h.org.createTicket({ name: 'Dated', ticketType: 'Bug' });
    const ticket = await h.run((ts) => ts.getTicket(String(created.ticketNumber)), { timeZone });
    expect(ticket?.dateCreated).toEqual(toMinute(new Date(instant)));
    expect(ticket?.dateModified).toEqual(toMinute(new Date(instant)));
  });

  it('reads dates across a DST change: exact around it, the repeated hour as its first pass', async () => {
    h.org.updateSettings({ culture: 'en-US', timeZone: 'America/Chicago' });
    const instants = [
      '2024-03-10T07:59:00.000Z', // 1:59 AM CST, just before spring forward
      '2024-03-10T08:00:00.000Z', // 3:00 AM CDT, just after
      '2024-11-03T06:30:00.000Z', // 1:30 AM CDT, first pass through the repeated hour
      '2024-11-03T07:30:00.000Z', // 1:30 AM CST, second pass: the text is identical
      '2024-11-03T08:30:00.000Z', // 2:30 AM CST
    ];
    const numbers = instants.map((instant) => {
      h.ts.clock.set(new Date(instant));
      return h.org.createTicket({ name: instant, ticketType: 'Bug' }).ticketNumber;
    });
    const read = await h.run((ts) => Promise.all(numbers.map((number) => ts.getTicket(String(number)))));
    expect(read.map((ticket) => ticket?.dateCreated.toISOString())).toEqual([
      '2024-03-10T07:59:00.000Z',
      '2024-03-10T08:00:00.000Z',
      '2024-11-03T06:30:00.000Z',
      '2024-11-03T06:30:00.000Z',
      '2024-11-03T08:30:00.000Z',
    ]);
  });
});

describe('listActions', () => {
  it('reads the whole list oldest first, with kinds, without any query parameter', async () => {
    const ticket = h.org.ticket(1);
    h.ts.clearRequests();
    const actions = await h.run((ts) => ts.listActions(String(ticket.ticketId)));
    expect(
      actions.map((action) => [
        action.systemKind,
        action.actionType,
        action.creatorName,
        action.visibleOnPortal,
      ]),
    ).toEqual([
      ['description', 'Description', 'Jane Doe', true],
      ['email', 'Email', 'Hank Scorpio', true],
      ['custom', 'Comment', 'Jane Doe', true],
    ]);
    const snapshots = h.org.actions(ticket.ticketId);
    expect(actions.map((action) => action.id).sort()).toEqual(
      snapshots.map((action) => String(action.actionId)).sort(),
    );
    expect(actions.every((action) => action.ticketId === String(ticket.ticketId))).toBe(true);
    expect(actions[2]?.html).toBe("<p>Thanks Hank, we're looking into it.</p>");
    expect(h.apiRequests().map((entry) => entry.url)).toEqual([
      `/api/json/tickets/${ticket.ticketId}/actions`,
    ]);
  });

  it('reads a ticket with a single action (one-object list)', async () => {
    const created = h.org.createTicket({
      name: 'Only a description',
      ticketType: 'Question',
      description: '<p>hi</p>',
    });
    const actions = await h.run((ts) => ts.listActions(String(created.ticketId)));
    expect(actions).toHaveLength(1);
    expect(actions[0]).toMatchObject({ systemKind: 'description', html: '<p>hi</p>' });
  });
});

describe('lookups', () => {
  it('lists ticket types, statuses per type, action types, products, versions and users', async () => {
    const lists = await h.run(async (ts) => ({
      types: await ts.listTicketTypes(),
      statuses: await ts.listStatuses(),
      actionTypes: await ts.listActionTypes(),
      products: await ts.listProducts(),
      users: await ts.listUsers(),
    }));
    expect(lists.types.map((type) => type.name)).toEqual(['Bug', 'Question', 'Feature Request']);
    expect(
      lists.statuses.filter((status) => status.name === 'Closed').map((s) => [s.ticketType, s.isClosed]),
    ).toEqual([
      ['Bug', true],
      ['Question', true],
      ['Feature Request', true],
    ]);
    expect(lists.statuses.find((status) => status.name === 'Needs Repro')).toMatchObject({
      ticketType: 'Bug',
      isClosed: false,
    });
    expect(lists.actionTypes.map((type) => type.name)).toEqual([
      'Comment',
      'Email',
      'Internal Note',
      'Jira Update',
    ]);
    expect(lists.products.map((product) => product.name).sort()).toEqual(['Gadget', 'Widget']);
    expect(lists.users.map((user) => user.name)).toEqual(expect.arrayContaining(['Jane Doe', 'Sam Roe']));

    const widget = lists.products.find((product) => product.name === 'Widget');
    const gadget = lists.products.find((product) => product.name === 'Gadget');
    const versions = await h.run(async (ts) => ({
      widget: await ts.listVersions(widget?.id ?? ''),
      gadget: await ts.listVersions(gadget?.id ?? ''),
    }));
    expect(versions.widget.map((version) => version.name)).toEqual(['1.0', '2.0']);
    expect(versions.gadget.map((version) => version.name)).toEqual(['5.1']);
  });

  it('reads each lookup once per connector object', async () => {
    h.ts.clearRequests();
    await h.run(async (ts) => {
      await ts.listStatuses();
      await ts.listStatuses();
      await ts.listTicketTypes();
      await ts.listActionTypes();
      await ts.listActionTypes();
    });
    expect(
      h
        .apiRequests()
        .map((entry) => entry.url)
        .sort(),
    ).toEqual([
      '/api/json/properties/actiontypes',
      '/api/json/properties/ticketstatuses',
      '/api/json/properties/tickettypes',
    ]);
  });
});

describe('ticketUrl', () => {
  it('points at the agent ticket page on the instance host', async () => {
    const url = await h.run((ts) => Promise.resolve(ts.ticketUrl({ id: '745895', number: '80920001' })));
    expect(url).toBe(`${h.ts.appUrl}/Ticket.aspx?ticketid=745895`);
  });
});
