// The issue panel lists an issue's tickets: details read in one round of parallel requests, cached for a minute so
// re-opening costs no ticket request, and still listed from storage (with a notice) when the ticket system is down.
import { advanceSandboxClock } from '../../../sandbox/runtime/globals';
import { TICKET_CACHE_SECONDS } from '../../../src/sync/panel/ticket-cache';
import { createWorld, dataOf, errorOf, type World } from '../world';
import { linkedTicketsSchema, ticketRequests } from './panel-harness';

const PANEL_FUNCTION = 'panel-resolver';

/**
 * Holds every request the TeamSupport emulator receives (through its latency hook) until `expected` of them wait at
 * once, then lets them all go. A caller that sent them one by one would never get there: the safety valve then lets
 * the held ones go so the test fails on `maxWaiting` instead of hanging.
 */
function requestGate() {
  let waiting: Array<() => void> = [];
  let valve: NodeJS.Timeout | undefined;
  const gate = {
    expected: Number.POSITIVE_INFINITY,
    maxWaiting: 0,
    sleep: (_ms: number) =>
      new Promise<void>((resolve) => {
        waiting.push(resolve);
        gate.maxWaiting = Math.max(gate.maxWaiting, waiting.length);
        if (waiting.length >= gate.expected) gate.open();
        else valve ??= setTimeout(() => gate.open(), 10_000);
      }),
    open: () => {
      clearTimeout(valve);
      valve = undefined;
      const released = waiting;
      waiting = [];
      released.forEach((resolve) => resolve());
    },
  };
  return gate;
}

describe('issue panel: getLinkedTickets', () => {
  let world: World;

  afterEach(async () => {
    expect(world.jira.contractViolations()).toEqual([]);
    await world.close();
  });

  async function issueWithTickets(count: number) {
    const issue = world.createIssue();
    const tickets = Array.from({ length: count }, (_, index) =>
      world.createTicket({ name: `Customer problem ${index + 1}` }),
    );
    for (const ticket of tickets) {
      // The panel lists links by link time: one millisecond apart, their order is the order of creation.
      advanceSandboxClock(1);
      await world.link(issue, ticket);
    }
    return { issue, tickets };
  }

  const open = (issue: { id: string; key: string }) => world.panel('getLinkedTickets', {}, { issue });

  function lastPanelInvocation() {
    const record = world.sandbox.accounting.invocations({ functionKey: PANEL_FUNCTION }).at(-1);
    if (!record) throw new Error('the panel resolver did not run');
    return record;
  }

  const ticketHost = () => new URL(world.ts.appUrl).host;

  it('lists nothing for an issue without links, without asking the ticket system', async () => {
    world = await createWorld();
    const issue = world.createIssue();
    world.ts.clearRequests();
    expect(dataOf(await open(issue), linkedTicketsSchema)).toEqual({ tickets: [] });
    expect(ticketRequests(world)).toEqual([]);
  });

  it('loads 20 linked tickets with one round of 20 concurrent requests, then serves a re-open from the cache', async () => {
    const gate = requestGate();
    world = await createWorld({ teamSupport: { sleep: gate.sleep } });
    const { issue, tickets } = await issueWithTickets(20);
    world.ts.clearRequests();
    gate.expected = 20;
    world.ts.setLatency(1);

    const first = dataOf(await open(issue), linkedTicketsSchema);

    world.ts.setLatency(0);
    expect(first.notice).toBeUndefined();
    expect(first.tickets.map((t) => t.name)).toEqual(
      tickets.map((_, index) => `Customer problem ${index + 1}`),
    );
    expect(first.tickets[0]).toMatchObject({
      instanceId: world.instanceId,
      instanceName: 'Acme Support',
      status: 'New',
      ticketType: 'Bug',
      customers: ['Globex Corporation'],
    });
    // All 20 were inside the server at the same moment: one round, not a sequence.
    expect(gate.maxWaiting).toBe(20);
    // One GET per ticket and nothing else: no lookups, no per-ticket extras.
    const requests = ticketRequests(world);
    expect(requests).toHaveLength(20);
    expect(requests.map((r) => `${r.method} ${r.url}`).sort()).toEqual(
      tickets.map((t) => `GET /api/json/tickets/${t.ticketId}`).sort(),
    );
    expect(lastPanelInvocation().requests[ticketHost()]?.count).toBe(20);

    world.ts.clearRequests();
    const again = dataOf(await open(issue), linkedTicketsSchema);

    expect(again).toEqual(first);
    expect(ticketRequests(world)).toEqual([]);
    expect(lastPanelInvocation().requests[ticketHost()]).toBeUndefined();
  });

  it('asks the ticket system again once the cached details are older than the cache window', async () => {
    world = await createWorld();
    const { issue, tickets } = await issueWithTickets(2);
    await open(issue);
    world.org.setStatus(tickets[0]?.ticketId ?? 0, 'In Progress');
    world.ts.clearRequests();

    // Within the window the panel shows what it read a moment ago.
    expect(dataOf(await open(issue), linkedTicketsSchema).tickets[0]?.status).toBe('New');
    expect(ticketRequests(world)).toEqual([]);

    advanceSandboxClock((TICKET_CACHE_SECONDS + 1) * 1000);
    const later = dataOf(await open(issue), linkedTicketsSchema);

    expect(later.tickets[0]?.status).toBe('In Progress');
    expect(ticketRequests(world)).toHaveLength(2);
  });

  it('still lists the links from storage, with a notice, when the ticket system is down', async () => {
    world = await createWorld();
    const { issue, tickets } = await issueWithTickets(3);
    const [first] = await world.run(() => world.store.links.listByIssue(issue.id));
    await world.run(() =>
      world.store.links.recordSync(
        { instanceId: world.instanceId, ticketId: String(tickets[0]?.ticketId), issueId: issue.id },
        { at: new Date(), error: 'TeamSupport refused the action' },
      ),
    );
    // Every request, retries included, gets a 503.
    world.ts.failNext(1_000, { status: 503, body: 'Service Unavailable' });

    const result = dataOf(await open(issue), linkedTicketsSchema);

    expect(result.notice).toMatch(/Acme Support could not be reached, so 3 tickets are shown as stored/);
    expect(result.tickets).toHaveLength(3);
    expect(result.tickets[0]).toEqual({
      instanceId: world.instanceId,
      instanceName: 'Acme Support',
      ticketId: String(tickets[0]?.ticketId),
      ticketNumber: String(tickets[0]?.ticketNumber),
      name: '',
      status: '',
      isClosed: false,
      ticketType: '',
      severity: '',
      customers: [],
      url: `${world.ts.appUrl}/Ticket.aspx?ticketid=${tickets[0]?.ticketId}`,
      linkedAt: first?.linkedAt,
      lastError: 'TeamSupport refused the action',
    });
  });

  it('lists a ticket deleted in the ticket system from storage and says so', async () => {
    world = await createWorld();
    const { issue, tickets } = await issueWithTickets(2);
    world.org.deleteTicket(tickets[1]?.ticketId ?? 0);

    const result = dataOf(await open(issue), linkedTicketsSchema);

    expect(result.tickets.map((t) => t.name)).toEqual(['Customer problem 1', '']);
    expect(result.notice).toBe(
      `Ticket #${tickets[1]?.ticketNumber} no longer exists in Acme Support: it was deleted or merged there.`,
    );
  });

  it('lists the instances a ticket can be linked on', async () => {
    world = await createWorld();
    const issue = world.createIssue();
    const result = await world.panel('listInstances', {}, { issue });
    expect(result).toEqual({
      ok: true,
      data: {
        instances: [{ id: world.instanceId, name: 'Acme Support', kind: 'teamsupport', active: true }],
      },
    });
  });

  it('answers storage trouble with UPSTREAM_ERROR, never an exception', async () => {
    world = await createWorld();
    const { issue } = await issueWithTickets(1);
    world.sandbox.kvs.handle = () => ({
      status: 503,
      body: { code: 'SERVICE_UNAVAILABLE', message: 'storage is down' },
    });

    const error = errorOf(await open(issue));

    expect(error).toEqual({
      code: 'UPSTREAM_ERROR',
      message: expect.stringContaining('Forge storage'),
      details: { system: 'forge-storage', retryable: true },
    });
  });

  it('answers a function key it does not define with an envelope', async () => {
    world = await createWorld();
    const issue = world.createIssue();
    expect(errorOf(await world.panel('dropAllLinks', {}, { issue })).code).toBe('NOT_FOUND');
  });

  it('refuses a call that does not come from an issue', async () => {
    world = await createWorld();
    const result = await world.sandbox.invokeResolver({
      moduleKey: 'linked-tickets-panel',
      functionKey: 'getLinkedTickets',
      payload: {},
      accountId: 'someone',
    });
    expect(errorOf(result)).toMatchObject({
      code: 'INVALID_INPUT',
      details: { issues: [{ path: 'context.extension.issue', message: expect.any(String) }] },
    });
  });
});
