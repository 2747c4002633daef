// The TeamSupport emulator's /_sandbox/ admin surface over HTTP: orgs and tickets, the clock, injected failures,
// latency and the request log.
import { z } from 'zod';
import { platformFetch } from '../runtime/globals';
import type { TeamSupportEmulator } from './emulator';
import {
  ApiClient,
  FROZEN_NOW,
  arrayAt,
  asObject,
  at,
  objectAt,
  parseJson,
  startFrozen,
  stringAt,
} from './teamsupport.test-support';

let ts: TeamSupportEmulator;
let sleeps: number[];

beforeEach(async () => {
  sleeps = [];
  ts = await startFrozen({
    sleep: (ms) => {
      sleeps.push(ms);
      return Promise.resolve();
    },
  });
});

afterEach(async () => {
  await ts.close();
});

async function admin(
  method: string,
  path: string,
  body?: unknown,
): Promise<{ status: number; json: unknown }> {
  const response = await platformFetch()(`${ts.adminUrl}${path}`, {
    method,
    headers: body === undefined ? {} : { 'Content-Type': 'application/json' },
    body: body === undefined ? undefined : JSON.stringify(body),
  });
  expect(response.headers.get('content-type')).toBe('application/json');
  return { status: response.status, json: await response.json() };
}

describe('the /_sandbox/ admin surface over HTTP', () => {
  it('creates an org with lookups, a ticket and agent actions, with typed JSON values', async () => {
    const created = await admin('POST', '/orgs', {
      name: 'Beta Corp',
      timeZone: 'Europe/Berlin',
      culture: 'de-DE',
    });
    expect(created.status).toBe(200);
    const orgId = stringAt(created.json, 'organizationId');
    expect(created.json).toMatchObject({ timeZone: 'Europe/Berlin', minuteLimit: 1200, dailyLimit: 5000 });

    await admin('POST', `/orgs/${orgId}/ticket-types`, {
      name: 'Incident',
      statuses: [{ name: 'Open' }, { name: 'Done', isClosed: true }],
    });
    await admin('POST', `/orgs/${orgId}/action-types`, { name: 'Comment' });
    await admin('POST', `/orgs/${orgId}/users`, {
      firstName: 'Ada',
      lastName: 'Lovelace',
      email: 'ada@beta.example',
    });
    await admin('POST', `/orgs/${orgId}/custom-fields`, { name: 'Jira Issue Key' });
    const lookups = objectAt((await admin('GET', `/orgs/${orgId}`)).json, 'lookups');
    expect(arrayAt(lookups, 'ticketStatuses').map((status) => [status['name'], status['isClosed']])).toEqual([
      ['Open', false],
      ['Done', true],
    ]);

    const ticket = await admin('POST', `/orgs/${orgId}/tickets`, {
      name: 'Printer on fire',
      description: '<p>Smoke</p>',
      creator: 'ada@beta.example',
      customFields: { JiraIssueKey: 'OPS-1' },
    });
    expect(ticket.json).toMatchObject({
      ticketNumber: 1,
      status: 'Open',
      isClosed: false,
      customFields: { JiraIssueKey: 'OPS-1' },
    });
    const ticketId = z.number().parse(at(ticket.json, 'ticketId'));

    ts.clock.advance(5 * 60 * 1000);
    const action = await admin('POST', `/orgs/${orgId}/tickets/${ticketId}/actions`, {
      actionType: 'Comment',
      description: '<p>On it</p>',
      creator: 'Ada Lovelace',
      isVisibleOnPortal: true,
    });
    expect(action.json).toMatchObject({
      actionType: 'Comment',
      creatorName: 'Ada Lovelace',
      isVisibleOnPortal: true,
    });

    const closed = await admin('PUT', `/orgs/${orgId}/tickets/${ticketId}/status`, {
      status: 'Done',
      actor: 'Ada Lovelace',
    });
    expect(closed.json).toMatchObject({ status: 'Done', isClosed: true });
    const custom = await admin('PUT', `/orgs/${orgId}/tickets/${ticketId}/custom-fields`, {
      values: { JiraIssueKey: 'OPS-2' },
    });
    expect(custom.json).toMatchObject({ customFields: { JiraIssueKey: 'OPS-2' } });

    // The API sees it all, in the org's culture and time zone.
    const api = ApiClient.for(ts, ts.org(orgId));
    const wire = objectAt(await api.getJson(`/tickets/${ticketId}`), 'Ticket');
    expect(wire).toMatchObject({
      Status: 'Done',
      IsClosed: 'True',
      JiraIssueKey: 'OPS-2',
      CreatorName: 'Ada Lovelace',
      DateCreated: '01.05.2024 19:00',
      DateModified: '01.05.2024 19:05',
    });

    const detail = await admin('GET', `/orgs/${orgId}/tickets/${ticketId}`);
    expect(arrayAt(detail.json, 'actions').map((entry) => entry['actionType'])).toEqual([
      'Comment',
      'Description',
    ]);
  });

  it('answers JSON errors: 404 for an unknown org or route, 400 for invalid input', async () => {
    expect(await admin('GET', '/orgs/42')).toMatchObject({
      status: 404,
      json: { error: { code: 'NOT_FOUND' } },
    });
    expect(await admin('GET', '/nothing')).toMatchObject({ status: 404 });
    const orgId = ts.org().organizationId;
    expect(await admin('POST', `/orgs/${orgId}/tickets`, { name: 5 })).toMatchObject({
      status: 400,
      json: { error: { code: 'INVALID_INPUT' } },
    });
    expect(await admin('POST', '/orgs', { timeZone: 'Mars/Olympus' })).toMatchObject({ status: 400 });
    const bug = ts.org().ticket(1);
    expect(
      await admin('PUT', `/orgs/${orgId}/tickets/${bug.ticketId}/status`, { status: 'Answered' }),
    ).toMatchObject({
      status: 404,
    });
  });

  it('controls the clock', async () => {
    expect((await admin('GET', '/clock')).json).toEqual({ now: FROZEN_NOW.toISOString() });
    expect((await admin('POST', '/clock/advance', { ms: 60_000 })).json).toEqual({
      now: '2024-05-01T17:01:00.000Z',
    });
    expect((await admin('PUT', '/clock', { at: '2025-01-01T00:00:00Z' })).json).toEqual({
      now: '2025-01-01T00:00:00.000Z',
    });
  });

  it('injects failures for the next N API requests, without counting them, then recovers', async () => {
    const api = ApiClient.for(ts);
    await admin('POST', '/faults', {
      count: 2,
      status: 503,
      body: 'Service Unavailable',
      pathIncludes: '/tickets',
    });

    expect((await api.get('/users')).status).toBe(200);
    const first = await api.get('/tickets/1');
    const second = await api.get('/tickets/1');
    expect([first.status, first.text, second.status]).toEqual([503, 'Service Unavailable', 503]);
    expect((await api.get('/tickets/1')).status).toBe(200);
    expect(ts.org().counters().total).toBe(2);
  });

  it('delays API requests by the configured latency', async () => {
    await admin('PUT', '/latency', { ms: 250 });
    await ApiClient.for(ts).get('/users');
    expect(sleeps).toEqual([250]);
    await admin('PUT', '/latency', { ms: 0 });
    await ApiClient.for(ts).get('/users');
    expect(sleeps).toEqual([250]);
  });

  it('logs API requests with their answers, and reseeds on reset', async () => {
    const api = ApiClient.for(ts);
    await api.put('/tickets/1', { Ticket: { Name: 'Logged' } });
    await new ApiClient(ts.apiUrl, undefined).get('/users');

    const log = z.array(z.record(z.string(), z.unknown())).parse((await admin('GET', '/requests')).json);
    expect(log.map((entry) => [entry['method'], entry['url'], entry['status'], entry['orgId']])).toEqual([
      ['PUT', '/api/json/tickets/1', 200, 1100001],
      ['GET', '/api/json/users', 401, null],
    ]);
    expect(asObject(log[0])['requestBody']).toBe('{"Ticket":{"Name":"Logged"}}');

    await admin('POST', '/reset', { seed: 'default' });
    expect(ts.requests()).toEqual([]);
    expect(ts.org().ticket(1).name).toBe('Export fails for large files');
    await admin('POST', '/reset', { seed: 'empty' });
    expect(ts.orgs()).toEqual([]);
  });
});

describe('the programmatic admin surface', () => {
  it('starts in one line and exposes the seeded org, its credentials and the base URLs', async () => {
    expect(ts.baseUrl).toMatch(/^http:\/\/127\.0\.0\.1:\d+$/);
    expect(ts.apiUrl).toBe(`${ts.baseUrl}/api/json`);
    const org = ts.org();
    expect(org.settings()).toMatchObject({
      organizationId: '1100001',
      timeZone: 'America/Chicago',
      culture: 'en-US',
    });
    expect(org.tickets().map((ticket) => [ticket.ticketNumber, ticket.ticketType, ticket.status])).toEqual([
      [1, 'Bug', 'New'],
      [2, 'Question', 'Waiting on Customer'],
      [3, 'Feature Request', 'Under Review'],
      [4, 'Bug', 'Closed'],
    ]);
    // A status name that exists on one type only.
    expect(() => org.ticketStatus('Bug', 'Answered')).toThrow(/Unknown status of Bug/);
    expect(org.ticketStatus('Question', 'Answered').isClosed).toBe(true);
  });

  it('refuses a custom field that is not on the ticket’s type', () => {
    const question = ts.org().ticket(2);
    expect(() => ts.org().setCustomField(question.ticketId, 'CustomerImpact', 'High')).toThrow(
      /not on the ticket's type/,
    );
  });

  it('changes a ticket as an agent, moving DateModified with the clock', async () => {
    const org = ts.org();
    ts.clock.advance(10 * 60 * 1000);
    const updated = org.setStatus(1, 'In Progress', 'Jane Doe');
    expect(updated).toMatchObject({ status: 'In Progress', modifierId: org.user('Jane Doe').id });
    expect(updated.dateModified).toEqual(new Date('2024-05-01T17:10:00.000Z'));
    const wire = objectAt(parseJson(await ApiClient.for(ts).get('/tickets/1')), 'Ticket');
    expect(wire).toMatchObject({
      Status: 'In Progress',
      ModifierName: 'Jane Doe',
      DateModified: '5/1/2024 12:10 PM',
    });
  });
});
