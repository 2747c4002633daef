// "Test connection": one line per check, every failure a failed line, never a thrown error.
import { createServer } from 'node:http';
import type { AddressInfo } from 'node:net';
import { ADDRESS_NOT_CALLABLE, CHECK_NAMES } from '../../../src/connectors/teamsupport';
import type { ConnectionCheck } from '../../../src/domain/ticket';
import type { ConnectionExpectations } from '../../../src/sync/records/tickets';
import { startHarness, type Harness, type RunOptions } from './harness';

let h: Harness;

beforeAll(async () => {
  h = await startHarness();
});
beforeEach(() => h.reset());
afterAll(() => h.close());

const expectations: ConnectionExpectations = {
  commentActionType: 'Comment',
  ticketTypes: ['Bug', 'Question'],
  statusNames: ['Closed', 'Needs Repro', 'closed'],
  correlationField: 'JiraIssueKey',
};

async function check(
  wanted: Partial<ConnectionExpectations> = {},
  run: RunOptions = {},
): Promise<ConnectionCheck[]> {
  return h.run((ts) => ts.testConnection({ ...expectations, ...wanted }), run);
}

function lineOf(checks: ConnectionCheck[], name: string): ConnectionCheck {
  const found = checks.find((line) => line.name === name);
  if (!found) throw new Error(`no line ${name} in ${JSON.stringify(checks)}`);
  return found;
}

it('passes every line for a well-configured instance', async () => {
  const checks = await check();
  expect(checks.map((line) => line.name)).toEqual(Object.values(CHECK_NAMES));
  expect(checks.filter((line) => !line.ok)).toEqual([]);
  expect(lineOf(checks, CHECK_NAMES.credentials).message).toBe(
    'Organization 1100001 accepted the API token.',
  );
  expect(lineOf(checks, CHECK_NAMES.commentActionType).message).toBe('Action type "Comment" exists.');
  expect(lineOf(checks, CHECK_NAMES.ticketTypes).message).toBe('Found: "Bug", "Question".');
  expect(lineOf(checks, CHECK_NAMES.statuses).message).toBe(
    'Found: "Closed" (Bug, Question, Feature Request); "Needs Repro" (Bug).',
  );
  expect(lineOf(checks, CHECK_NAMES.correlationField).message).toBe(
    'Found "JiraIssueKey" on tickets of "Bug", "Question".',
  );
});

it('fails the credentials line and skips the rest when the token is wrong', async () => {
  const checks = await check({}, { token: '00000000-0000-0000-0000-000000000000' });
  // One check failed; the four after it did not run, and say so rather than failing (issue 20).
  expect(checks.map((line) => [line.name, line.ok, line.notChecked ?? false])).toEqual([
    [CHECK_NAMES.reachable, true, false],
    [CHECK_NAMES.credentials, false, false],
    [CHECK_NAMES.commentActionType, false, true],
    [CHECK_NAMES.ticketTypes, false, true],
    [CHECK_NAMES.statuses, false, true],
    [CHECK_NAMES.correlationField, false, true],
  ]);
  expect(lineOf(checks, CHECK_NAMES.credentials).message).toMatch(
    /rejected the credentials for organization 1100001/,
  );
  expect(lineOf(checks, CHECK_NAMES.statuses).message).toBe('Not checked: fix the connection first.');
  expect(JSON.stringify(checks)).not.toContain(h.org.apiToken);
});

it('fails the reachability line when nothing answers', async () => {
  const server = createServer();
  await new Promise<void>((resolve) => server.listen(0, '127.0.0.1', resolve));
  const { port } = server.address() as AddressInfo;
  await new Promise<void>((resolve) => server.close(() => resolve()));
  h.sandbox.routeEgress('https://closed.teamsupport.com', `http://127.0.0.1:${port}`);
  const checks = await check({}, { baseUrl: 'https://closed.teamsupport.com' });
  expect(checks.every((line) => !line.ok)).toBe(true);
  expect(lineOf(checks, CHECK_NAMES.reachable).message).toMatch(
    /Could not reach TeamSupport at closed\.teamsupport\.com/,
  );
  expect(lineOf(checks, CHECK_NAMES.credentials).message).toBe(
    'Not checked: the server did not answer as TeamSupport.',
  );
});

it('fails the reachability line when the address is not a TeamSupport API', async () => {
  h.ts.failNext(1, { status: 200, body: '<html>Welcome</html>', contentType: 'text/html' });
  const checks = await check();
  expect(lineOf(checks, CHECK_NAMES.reachable)).toMatchObject({
    ok: false,
    message: expect.stringMatching(/not JSON/) as unknown,
  });
});

it('names what is missing: action type, ticket types, statuses', async () => {
  const checks = await check({
    commentActionType: 'Jira Comment',
    ticketTypes: ['Bug', 'Incident'],
    statusNames: ['Done', 'Closed'],
  });
  expect(lineOf(checks, CHECK_NAMES.commentActionType)).toEqual({
    name: CHECK_NAMES.commentActionType,
    ok: false,
    message:
      'TeamSupport has no action type named "Jira Comment" (available: "Comment", "Email", "Internal Note", "Jira Update"). ' +
      'Create it under Admin → Customization → Action Types or choose an existing one.',
  });
  expect(lineOf(checks, CHECK_NAMES.ticketTypes)).toMatchObject({
    ok: false,
    message: 'Not found in TeamSupport: "Incident" (available: "Bug", "Question", "Feature Request").',
  });
  expect(lineOf(checks, CHECK_NAMES.statuses)).toMatchObject({
    ok: false,
    message: expect.stringMatching(/^No ticket type has the status "Done"\./) as unknown,
  });
});

it('passes with all ticket types and no status mappings or correlation field', async () => {
  const checks = await check({ ticketTypes: 'all', statusNames: [], correlationField: undefined });
  expect(checks.every((line) => line.ok)).toBe(true);
  expect(lineOf(checks, CHECK_NAMES.ticketTypes).message).toBe(
    'All 3 ticket types are synced: "Bug", "Question", "Feature Request".',
  );
  expect(lineOf(checks, CHECK_NAMES.correlationField).message).toMatch(/No correlation field is set/);
});

it('fails the correlation field on a type whose tickets lack it, and says which types it could not check', async () => {
  h.org.addTicketType({ name: 'Incident', statuses: [{ name: 'Open' }] });
  const checks = await check({ ticketTypes: 'all', correlationField: 'CustomerImpact' });
  const line = lineOf(checks, CHECK_NAMES.correlationField);
  expect(line.ok).toBe(false);
  expect(line.message).toMatch(
    /"CustomerImpact" is missing on Question \(ticket 2\), Feature Request \(ticket 3\)\./,
  );
  expect(line.message).toMatch(/Not verifiable for "Incident": no ticket of that type exists yet\./);
});

it('fails the correlation field when no ticket exists to look at', async () => {
  h.org.addTicketType({ name: 'Incident', statuses: [{ name: 'Open' }] });
  const checks = await check({ ticketTypes: ['Incident'] });
  expect(lineOf(checks, CHECK_NAMES.correlationField)).toMatchObject({
    ok: false,
    message: expect.stringMatching(
      /Could not verify "JiraIssueKey": TeamSupport cannot list custom fields/,
    ) as unknown,
  });
});

it('turns a failure in a later check into a failed line', async () => {
  h.ts.failNext(1, {
    status: 200,
    body: '{"TicketStatuses": [{"ID": "x"}]}',
    contentType: 'application/json',
    pathIncludes: 'ticketstatuses',
  });
  const checks = await check();
  expect(lineOf(checks, CHECK_NAMES.statuses)).toMatchObject({
    ok: false,
    message: expect.stringMatching(
      /^Could not check: TeamSupport sent a TicketStatuses list the app cannot read: TicketStatuses\[0\]\.ID: expected a numeric id, got "x"; /,
    ) as unknown,
  });
  expect(lineOf(checks, CHECK_NAMES.correlationField).ok).toBe(true);
});

it('never calls a host outside the egress permissions reachable, and says what to change', async () => {
  const checks = await check({}, { baseUrl: 'https://evil.example.com' });
  expect(checks.every((line) => !line.ok)).toBe(true);
  const reachable = lineOf(checks, CHECK_NAMES.reachable).message;
  // Spoken to a Jira admin: what to enter, not how to change the manifest (issue 20).
  expect(reachable).toBe(ADDRESS_NOT_CALLABLE);
  expect(reachable).not.toMatch(/manifest|answered as a TeamSupport API/);
  expect(lineOf(checks, CHECK_NAMES.credentials)).toMatchObject({
    ok: false,
    notChecked: true,
    message: 'Not checked: the app may not call this address.',
  });
});
