// Every EventSink operation over HTTP against the Brevo emulator, through the real @forge/api fetch in the sandbox:
// what the connector sends (checked against Brevo's OpenAPI document by the emulator) and what it reads back.
import { APP_ATTRIBUTES } from '../../../sandbox/brevo';
import { platformFetch } from '../../../sandbox/runtime/globals';
import { failure, startHarness, type Harness } from './harness';

let h: Harness;

beforeAll(async () => {
  h = await startHarness();
});
beforeEach(() => h.reset());
afterEach(() => expect(h.brevo.contractViolations()).toEqual([]));
afterAll(() => h.close());

const statusChanged = {
  name: 'jira_issue_status_changed',
  email: 'jane@example.com',
  eventDate: '2025-03-03T10:15:00.000Z',
  properties: {
    issue_key: 'SUP-1',
    project: 'SUP',
    from_status: 'To Do',
    to_status: 'In Progress',
    resolution: null,
    story_points: 2.5,
    customer_facing: true,
    sync_ref: '10001:42:statusChanged',
  },
  contactProperties: { LAST_TICKET_STATUS: 'In Progress', LAST_TICKET_RESOLUTION: null },
};

describe('account', () => {
  it('reads the account behind the key', async () => {
    expect(await h.run((sink) => sink.account())).toEqual({
      email: 'crm@acme.example',
      companyName: 'Acme Corp',
    });
    expect(h.apiRequests().map((entry) => [entry.method, entry.url, entry.status])).toEqual([
      ['GET', '/v3/account', 200],
    ]);
  });
});

describe('upsertContact', () => {
  it('creates the contact with its attributes and lists, leaving out null values', async () => {
    h.reset({ appAttributes: true });
    await h.run((sink) =>
      sink.upsertContact({
        email: ' Jane@Example.com ',
        attributes: {
          FIRSTNAME: 'Jane',
          JIRA_ACCOUNT_ID: '5b10a2844c20165700ede21g',
          LAST_TICKET_RESOLUTION: null,
        },
        listIds: [3, 3],
      }),
    );
    expect(h.account.contact('jane@example.com')).toMatchObject({
      listIds: [3],
      attributes: { FIRSTNAME: 'Jane', JIRA_ACCOUNT_ID: '5b10a2844c20165700ede21g' },
    });
    const [request] = h.apiRequests();
    expect(request?.status).toBe(201);
    expect(JSON.parse(request?.requestBody ?? '')).toEqual({
      email: 'Jane@Example.com',
      updateEnabled: true,
      attributes: { FIRSTNAME: 'Jane', JIRA_ACCOUNT_ID: '5b10a2844c20165700ede21g' },
      listIds: [3],
    });
  });

  it('updates an existing contact (updateEnabled) instead of failing on the duplicate', async () => {
    h.account.addContact({ email: 'jane@example.com', attributes: { LASTNAME: 'Doe' }, listIds: [2] });
    await h.run((sink) =>
      sink.upsertContact({ email: 'jane@example.com', attributes: { FIRSTNAME: 'Jane' }, listIds: [4] }),
    );
    expect(h.account.contacts()).toHaveLength(1);
    expect(h.account.contact('jane@example.com')).toMatchObject({
      listIds: [2, 4],
      attributes: { LASTNAME: 'Doe', FIRSTNAME: 'Jane' },
    });
    expect(h.apiRequests().map((entry) => entry.status)).toEqual([204]);
  });

  it('refuses an address Brevo cannot key a contact on, without asking Brevo', async () => {
    const error = await failure(
      h.run((sink) => sink.upsertContact({ email: 'jane', attributes: {}, listIds: [] })),
    );
    expect([error.kind, error.details.notApplied]).toEqual(['validation', true]);
    expect(h.apiRequests()).toEqual([]);
  });

  it('reports a list that does not exist as Brevo refusing the input', async () => {
    const error = await failure(
      h.run((sink) => sink.upsertContact({ email: 'jane@example.com', attributes: {}, listIds: [99] })),
    );
    expect(error.kind).toBe('validation');
    expect(error.details.notApplied).toBe(true);
    expect(error.message).toBe(
      'Brevo refused POST /v3/contacts for Brevo account "Marketing" (HTTP 400, invalid_parameter: List ID(s) 99 do not exist).',
    );
  });
});

describe('sendEvent', () => {
  it("puts the event on the contact's timeline once, with its date, properties and contact properties", async () => {
    h.reset({ appAttributes: true });
    h.account.addContact({ email: 'jane@example.com', attributes: { LAST_TICKET_STATUS: 'To Do' } });
    await h.run((sink) => sink.sendEvent(statusChanged));
    expect(h.account.timeline('jane@example.com')).toEqual([
      expect.objectContaining({
        name: 'jira_issue_status_changed',
        eventDate: '2025-03-03T10:15:00.000Z',
        identifiers: { email_id: 'jane@example.com' },
        properties: {
          issue_key: 'SUP-1',
          project: 'SUP',
          from_status: 'To Do',
          to_status: 'In Progress',
          story_points: 2.5,
          customer_facing: true,
          sync_ref: '10001:42:statusChanged',
        },
        contactProperties: { LAST_TICKET_STATUS: 'In Progress' },
      }),
    ]);
    expect(h.account.contact('jane@example.com')?.attributes).toEqual({ LAST_TICKET_STATUS: 'In Progress' });
    expect(h.apiRequests().map((entry) => [entry.method, entry.url, entry.status])).toEqual([
      ['POST', '/v3/events', 204],
    ]);
  });

  it.each<[string, Record<string, unknown>, RegExp]>([
    ['a name Brevo refuses', { name: 'jira issue created' }, /cannot be a Brevo event name/],
    [
      'a property key Brevo refuses',
      { properties: { 'issue.key': 'SUP-1' } },
      /event property "issue\.key" cannot be sent/,
    ],
    [
      'properties over 50 KB',
      { properties: { comment: 'x'.repeat(51_200) } },
      /properties take 51214 bytes; Brevo takes at most 51200/,
    ],
    ['a date that is not one', { eventDate: 'yesterday' }, /not an ISO-8601 date-time/],
  ])('refuses %s before sending anything', async (_case, change, message) => {
    const error = await failure(h.run((sink) => sink.sendEvent({ ...statusChanged, ...change })));
    expect([error.kind, error.details.notApplied]).toEqual(['validation', true]);
    expect(error.message).toMatch(message);
    expect(h.apiRequests()).toEqual([]);
  });
});

describe('findEvent', () => {
  async function send(syncRef: string, eventDate: string, name = statusChanged.name): Promise<void> {
    await h.run((sink) =>
      sink.sendEvent({
        ...statusChanged,
        name,
        eventDate,
        properties: { ...statusChanged.properties, sync_ref: syncRef },
      }),
    );
  }

  it('finds an event by its sync_ref among the contact’s events of that name since the given time', async () => {
    await send('ref-1', '2025-03-03T09:00:00.000Z');
    await send('ref-2', '2025-03-03T10:00:00.000Z');
    await send('ref-3', '2025-03-03T10:00:00.000Z', 'jira_comment_added');
    const since = new Date('2025-03-03T08:00:00.000Z');
    const find = (ref: string, name = statusChanged.name, from = since) =>
      h.run((sink) => sink.findEvent('jane@example.com', name, ref, from));
    expect(await find('ref-1')).toBe(true);
    expect(await find('ref-2')).toBe(true);
    expect(await find('ref-3')).toBe(false);
    expect(await find('ref-3', 'jira_comment_added')).toBe(true);
    expect(await find('ref-1', statusChanged.name, new Date('2025-03-03T09:30:00.000Z'))).toBe(false);
    expect(await find('ref-9')).toBe(false);
  });

  it('reads the contact id first, then the events of that contact and name in a date range', async () => {
    await send('ref-1', '2025-03-03T09:00:00.000Z');
    h.brevo.clearRequests();
    await h.run((sink) =>
      sink.findEvent('Jane@Example.com', statusChanged.name, 'ref-1', new Date('2025-03-03T08:00:00.000Z')),
    );
    const [contact, events] = h.apiRequests();
    expect(contact?.url).toBe('/v3/contacts/Jane%40Example.com?identifierType=email_id');
    const query = new URL(events?.url ?? '', 'https://api.brevo.com').searchParams;
    const id = h.account.contact('jane@example.com')?.id;
    expect(Object.fromEntries(query)).toEqual({
      contact_id: String(id),
      event_name: statusChanged.name,
      startDate: '2025-03-03T08:00:00.000Z',
      endDate: expect.stringMatching(/^\d{4}-\d{2}-\d{2}T/),
      limit: '100',
      offset: '0',
    });
  });

  it('says false, without an error, for an address Brevo has no contact for', async () => {
    expect(
      await h.run((sink) => sink.findEvent('nobody@example.com', statusChanged.name, 'ref-1', new Date(0))),
    ).toBe(false);
    expect(h.apiRequests().map((entry) => entry.status)).toEqual([404]);
  });

  it('pages through more than 100 events of the same name', async () => {
    const contact = h.account.addContact({ email: 'jane@example.com' });
    // The oldest event is the one looked for: it is on the third page (newest first).
    const events = Array.from({ length: 230 }, (_, n) => ({
      event_name: statusChanged.name,
      event_date: new Date(Date.parse('2025-03-01T00:00:00.000Z') + n * 60_000).toISOString(),
      identifiers: { contact_id: contact.id },
      event_properties: { sync_ref: `ref-${n}` },
    }));
    for (let start = 0; start < events.length; start += 10) {
      h.brevo.clock.advance(1_000);
      const reply = await platformFetch()(`${h.brevo.apiUrl}/events/batch`, {
        method: 'POST',
        headers: { 'api-key': h.account.apiKey, 'Content-Type': 'application/json' },
        body: JSON.stringify({ events: events.slice(start, start + 10) }),
      });
      expect(reply.status).toBe(202);
    }
    h.brevo.clearRequests();
    expect(
      await h.run((sink) =>
        sink.findEvent('jane@example.com', statusChanged.name, 'ref-0', new Date('2025-02-28')),
      ),
    ).toBe(true);
    expect(
      h.apiRequests().map((entry) => new URL(entry.url, 'https://x').searchParams.get('offset')),
    ).toEqual([null, '0', '100', '200']);
  });
});

describe('lists and attributes', () => {
  it('reads every list, 50 to a page', async () => {
    for (let n = 1; n <= 60; n++) h.account.addList({ name: `Project ${n}` });
    const lists = await h.run((sink) => sink.listLists());
    expect(lists).toHaveLength(63);
    expect(lists.slice(0, 3)).toEqual([
      { id: 2, name: 'Your first list' },
      { id: 3, name: 'Jira SUP customers' },
      { id: 4, name: 'Jira DEV customers' },
    ]);
    expect(lists.at(-1)).toEqual({ id: 64, name: 'Project 60' });
    expect(h.apiRequests()).toHaveLength(2);
  });

  it('reads an account without lists', async () => {
    h.reset({ seed: 'empty' });
    const account = h.brevo.createAccount({ apiKey: 'xkeysib-empty' });
    expect(await h.run((sink) => sink.listLists(), { apiKey: account.apiKey })).toEqual([]);
  });

  it('reads the attributes with their types (a category attribute as category)', async () => {
    h.account.addAttribute({
      name: 'TIER',
      category: 'category',
      enumeration: [{ value: 1, label: 'Gold' }],
    });
    expect(await h.run((sink) => sink.listAttributes())).toEqual([
      { name: 'LASTNAME', type: 'text' },
      { name: 'FIRSTNAME', type: 'text' },
      { name: 'SMS', type: 'text' },
      { name: 'TIER', type: 'category' },
    ]);
  });

  it("creates the app's missing attributes, which contacts then keep", async () => {
    await h.run(async (sink) => {
      const present = new Set((await sink.listAttributes()).map((attribute) => attribute.name));
      for (const attribute of APP_ATTRIBUTES)
        if (!present.has(attribute.name)) await sink.createAttribute(attribute);
    });
    expect(h.account.attributes().map((attribute) => [attribute.name, attribute.type])).toEqual([
      ['LASTNAME', 'text'],
      ['FIRSTNAME', 'text'],
      ['SMS', 'text'],
      ...APP_ATTRIBUTES.map((attribute) => [attribute.name, attribute.type]),
    ]);
    await h.run((sink) =>
      sink.upsertContact({
        email: 'jane@example.com',
        attributes: { LAST_TICKET_DATE: '2025-03-03T10:15:00.000Z' },
        listIds: [],
      }),
    );
    expect(h.account.contact('jane@example.com')?.attributes).toEqual({ LAST_TICKET_DATE: '2025-03-03' });
  });

  it('takes an attribute that exists already as done', async () => {
    await h.run((sink) => sink.createAttribute({ name: 'firstname', type: 'text' }));
    expect(h.apiRequests().map((entry) => [entry.method, entry.url, entry.status])).toEqual([
      ['POST', '/v3/contacts/attributes/normal/FIRSTNAME', 400],
      ['GET', '/v3/contacts/attributes', 200],
    ]);
  });

  it.each([
    ['a name Brevo refuses', { name: 'LAST-KEY', type: 'text' }, /cannot be a Brevo attribute name/],
    [
      'a type the app does not create',
      { name: 'TIER', type: 'category' },
      /not "category": create TIER in Brevo/,
    ],
  ])('refuses %s before asking Brevo', async (_case, attribute, message) => {
    const error = await failure(h.run((sink) => sink.createAttribute(attribute)));
    expect([error.kind, error.details.notApplied]).toEqual(['validation', true]);
    expect(error.message).toMatch(message);
    expect(h.apiRequests()).toEqual([]);
  });
});
