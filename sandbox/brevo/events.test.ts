// Custom events over HTTP: POST /v3/events (204) with Brevo's checks, contact_properties updating the contact,
// POST /v3/events/batch, and GET /v3/events reading a contact's timeline back.
import { z } from 'zod';
import type { BrevoEmulator } from './emulator';
import { ApiClient, json, startFrozen, summary } from './brevo.test-support';

let brevo: BrevoEmulator;
let api: ApiClient;

beforeAll(async () => {
  brevo = await startFrozen({ appAttributes: true });
  api = ApiClient.for(brevo);
});
beforeEach(() => {
  brevo.reset({ appAttributes: true });
  brevo.setUnknownEventContact('create');
});
afterEach(() => expect(brevo.contractViolations()).toEqual([]));
afterAll(() => brevo.close());

const event = (overrides: Record<string, unknown> = {}) => ({
  event_name: 'jira_issue_status_changed',
  event_date: '2025-03-03T10:15:00.000+01:00',
  identifiers: { email_id: 'jane@example.com' },
  event_properties: {
    issue_key: 'SUP-1',
    sync_ref: '10001:1:statusChanged',
    from_status: 'To Do',
    count: 2.5,
  },
  ...overrides,
});

describe('POST /v3/events', () => {
  it('records the event on the contact (204) with its date in UTC; contact_properties update attributes', async () => {
    brevo.account().addContact({ email: 'jane@example.com', attributes: { LAST_TICKET_STATUS: 'To Do' } });
    const reply = await api.post(
      '/events',
      event({
        contact_properties: { LAST_TICKET_STATUS: 'In Progress', UNKNOWN_ATTRIBUTE: 'x', FIRSTNAME: true },
      }),
    );
    expect(summary(reply)).toEqual([204, '']);
    const [recorded] = brevo.account().timeline('jane@example.com');
    expect(recorded).toMatchObject({
      name: 'jira_issue_status_changed',
      email: 'jane@example.com',
      eventDate: '2025-03-03T09:15:00.000Z',
      receivedAt: '2025-03-03T12:00:00.000Z',
      properties: { issue_key: 'SUP-1', sync_ref: '10001:1:statusChanged', from_status: 'To Do', count: 2.5 },
      identifiers: { email_id: 'jane@example.com' },
      via: 'single',
    });
    expect(brevo.account().contact('jane@example.com')?.attributes).toEqual({
      LAST_TICKET_STATUS: 'In Progress',
    });
  });

  it('takes the time of receipt when event_date is left out, and booleans in both property maps', async () => {
    const reply = await api.post(
      '/events',
      event({
        event_date: undefined,
        event_properties: { resolved: true },
        contact_properties: { FIRSTNAME: 'Jane' },
      }),
    );
    expect(reply.status).toBe(204);
    expect(brevo.account().events()[0]).toMatchObject({ eventDate: '2025-03-03T12:00:00.000Z' });
  });

  it('creates the contact of an unknown email_id, or refuses the event when set to', async () => {
    expect((await api.post('/events', event())).status).toBe(204);
    expect(brevo.account().contact('jane@example.com')).toBeDefined();
    brevo.setUnknownEventContact('reject');
    const reply = await api.post('/events', event({ identifiers: { email_id: 'john@example.com' } }));
    expect(summary(reply)).toEqual([
      400,
      { code: 'invalid_parameter', message: 'Record(s) for identifier not found' },
    ]);
    expect(brevo.account().contact('john@example.com')).toBeUndefined();
  });

  it('gives contact_id priority over the other identifiers', async () => {
    const jane = brevo.account().addContact({ email: 'jane@example.com' });
    brevo.account().addContact({ email: 'john@example.com' });
    const reply = await api.post(
      '/events',
      event({ identifiers: { contact_id: jane.id, email_id: 'john@example.com' } }),
    );
    expect(reply.status).toBe(204);
    expect(
      brevo
        .account()
        .events()
        .map((recorded) => recorded.email),
    ).toEqual(['jane@example.com']);
  });

  it.each([
    ['a name with a space', { event_name: 'issue created' }, /^event_name must be/],
    ['a name of 256 characters', { event_name: 'x'.repeat(256) }, /^event_name must be/],
    [
      'a property key with a dot',
      { event_properties: { 'issue.key': 'SUP-1' } },
      /^event_properties key "issue.key"/,
    ],
    ['a date that is not one', { event_date: 'next Tuesday' }, /^event_date must be an ISO 8601/],
  ])('refuses %s with 400 and records nothing', async (_case, overrides, message) => {
    const reply = await api.post('/events', event(overrides));
    expect(reply.status).toBe(400);
    expect(json(reply)).toEqual({ code: 'invalid_parameter', message: expect.stringMatching(message) });
    expect(brevo.account().events()).toEqual([]);
  });

  it('refuses event_properties over 50 KB and takes them at exactly 50 KB', async () => {
    const padding = (bytes: number) => 'x'.repeat(bytes - JSON.stringify({ text: '' }).length);
    const tooBig = await api.post('/events', event({ event_properties: { text: padding(50 * 1024 + 1) } }));
    expect(json(tooBig)).toEqual({
      code: 'invalid_parameter',
      message: 'event_properties is 51201 bytes; the limit is 50KB',
    });
    expect(
      (await api.post('/events', event({ event_properties: { text: padding(50 * 1024) } }))).status,
    ).toBe(204);
  });

  it('refuses a body the document rejects (no identifiers) as a recorded request violation', async () => {
    const reply = await api.post('/events', { event_name: 'x', identifiers: {} });
    expect(summary(reply)).toEqual([
      400,
      { code: 'invalid_parameter', message: 'body/identifiers must NOT have fewer than 1 properties' },
    ]);
    expect(brevo.contractViolations()).toEqual([
      expect.objectContaining({ kind: 'request', operationId: 'createEvent', status: 400 }),
    ]);
    brevo.clearContractViolations();
  });
});

describe('POST /v3/events/batch (the app sends events one by one; tests seed timelines with it)', () => {
  it('accepts a valid batch with 202 {message, count}', async () => {
    const reply = await api.post('/events/batch', {
      events: [event(), event({ identifiers: { email_id: 'john@example.com' } })],
    });
    expect(summary(reply)).toEqual([202, { message: 'Batch accepted for processing', count: 2 }]);
    expect(
      brevo
        .account()
        .events()
        .map((recorded) => [recorded.email, recorded.via]),
    ).toEqual([
      ['jane@example.com', 'batch'],
      ['john@example.com', 'batch'],
    ]);
  });

  it('stores the valid events of a partly valid batch and answers 207 with the failures by index', async () => {
    const reply = await api.post('/events/batch', {
      events: [event(), event({ event_name: 'bad name' }), {}],
    });
    expect(summary(reply)).toEqual([
      207,
      {
        status: 'partial_success',
        total_events: 3,
        successful_events: 1,
        failed_events: 2,
        errors: [
          { eventIndex: [1], message: expect.stringMatching(/^event_name must be/) },
          { eventIndex: [2], message: expect.stringMatching(/must have required property 'event_name'/) },
        ],
      },
    ]);
    expect(brevo.account().events()).toHaveLength(1);
    // The item the document rejects is the app's contract violation.
    expect(brevo.contractViolations().map((violation) => violation.operationId)).toEqual([
      'createBatchEvents',
    ]);
    brevo.clearContractViolations();
  });

  it('answers 400 when no event is valid', async () => {
    const reply = await api.post('/events/batch', { events: [event({ event_name: '' })] });
    expect(reply.status).toBe(400);
    expect(json(reply)).toMatchObject({ status: 'failed', successful_events: 0, failed_events: 1 });
  });
});

describe('GET /v3/events', () => {
  async function send(email: string, name: string, date: string, ref: string): Promise<void> {
    const reply = await api.post(
      '/events',
      event({
        event_name: name,
        event_date: date,
        identifiers: { email_id: email },
        event_properties: { sync_ref: ref },
      }),
    );
    expect(reply.status).toBe(204);
  }

  beforeEach(async () => {
    await send('jane@example.com', 'jira_issue_created', '2025-03-01T09:00:00Z', 'a');
    await send('jane@example.com', 'jira_issue_status_changed', '2025-03-02T09:00:00Z', 'b');
    await send('jane@example.com', 'jira_issue_status_changed', '2025-03-03T09:00:00Z', 'c');
    await send('john@example.com', 'jira_issue_status_changed', '2025-03-02T10:00:00Z', 'd');
  });

  const refs = (body: Record<string, unknown>): string[] =>
    z
      .array(z.object({ event_properties: z.object({ sync_ref: z.string() }) }))
      .parse(body['events'])
      .map((item) => item.event_properties.sync_ref);

  it("reads a contact's events of one name, newest first, with the total count", async () => {
    const jane = brevo.account().contact('jane@example.com')?.id;
    const reply = await api.get(
      `/events?contact_id=${jane}&event_name=jira_issue_status_changed&startDate=2025-03-01T00:00:00.000Z&endDate=2025-03-04T00:00:00.000Z`,
    );
    expect(reply.status).toBe(200);
    const body = json(reply);
    expect(body['count']).toBe(2);
    expect(refs(body)).toEqual(['c', 'b']);
    expect(body['events']).toContainEqual({
      contact_id: jane,
      event_name: 'jira_issue_status_changed',
      event_date: '2025-03-03T09:00:00.000Z',
      event_properties: { sync_ref: 'c' },
      contact_properties: {},
    });
  });

  it('filters by date range (whole days for YYYY-MM-DD), repeated names, and pages with limit and offset', async () => {
    const byDay = json(await api.get('/events?startDate=2025-03-02&endDate=2025-03-02'));
    expect(refs(byDay)).toEqual(['d', 'b']);
    const names = json(
      await api.get('/events?event_name=jira_issue_created&event_name=jira_issue_status_changed'),
    );
    expect(names['count']).toBe(4);
    const page = json(await api.get('/events?limit=2&offset=1'));
    expect([page['count'], refs(page)]).toEqual([4, ['d', 'b']]);
  });

  it('needs startDate and endDate together, in order', async () => {
    const alone = await api.get('/events?startDate=2025-03-01');
    expect(summary(alone)).toEqual([
      400,
      { code: 'invalid_parameter', message: 'startDate and endDate must be given together' },
    ]);
    expect((await api.get('/events?startDate=2025-03-04&endDate=2025-03-01')).status).toBe(400);
    expect((await api.get('/events?startDate=soon&endDate=later')).status).toBe(400);
  });

  it('leaves out events older than six months when no range is given', async () => {
    await send('jane@example.com', 'jira_issue_created', '2024-08-01T00:00:00Z', 'old');
    expect(json(await api.get('/events'))['count']).toBe(4);
    expect(json(await api.get('/events?startDate=2024-01-01&endDate=2025-12-31'))['count']).toBe(5);
  });

  it('refuses a limit above 10,000 and unknown query parameters as request violations', async () => {
    expect((await api.get('/events?limit=10001')).status).toBe(400);
    expect((await api.get('/events?contactId=1')).status).toBe(400);
    expect(brevo.contractViolations().map((violation) => violation.kind)).toEqual(['request', 'request']);
    brevo.clearContractViolations();
  });
});
