// Every way TeamSupport fails, over HTTP: typed errors with admin-actionable messages, retries that recover within
// the invocation's budget (waits advance the emulator clock, never real time), and the token never shown.
import { createServer } from 'node:http';
import type { AddressInfo } from 'node:net';
import { EgressBlockedError, MissingTicketError } from '../../../src/connectors/teamsupport';
import { IntegrationError } from '../../../src/lib/errors';
import { defaultRetryPolicy } from '../../../src/lib/retry';
import { everythingAbout, rejection, startHarness, type Harness } from './harness';

let h: Harness;
/** Injected latency waits on this gate, so a test decides when the emulator answers a held request. */
let releaseHeldRequests: () => void = () => undefined;

beforeAll(async () => {
  h = await startHarness({
    sleep: () =>
      new Promise<void>((resolve) => {
        releaseHeldRequests = resolve;
      }),
  });
});
beforeEach(() => h.reset());
afterEach(() => releaseHeldRequests());
afterAll(() => h.close());

function expectNoSecret(...texts: string[]): void {
  const token = h.org.apiToken;
  const basic = Buffer.from(`${h.org.organizationId}:${token}`).toString('base64');
  for (const text of [...texts, ...h.logs]) {
    expect(text).not.toContain(token);
    expect(text).not.toContain(token.replace(/-/g, ''));
    expect(text).not.toContain(basic);
  }
}

async function failure(promise: Promise<unknown>): Promise<IntegrationError> {
  const error = await rejection(promise);
  if (!(error instanceof IntegrationError)) throw error;
  expectNoSecret(everythingAbout(error));
  return error;
}

/** Freezes the emulator clock `seconds` into a minute. */
function freezeAtSecond(seconds: number): number {
  const minute = Math.ceil(h.ts.clock.now().getTime() / 60_000) * 60_000 + 60_000;
  h.ts.clock.set(new Date(minute + seconds * 1000));
  return minute;
}

describe('authentication', () => {
  it.each([
    ['a wrong token', { token: '00000000-0000-0000-0000-000000000000' }],
    ['a token that is not a GUID', { token: 'not-a-guid' }],
    ['an unknown organization', { organizationId: '999' }],
  ])('refuses %s with an auth error, without retrying', async (_case, run) => {
    h.ts.clearRequests();
    const error = await failure(h.run((ts) => ts.listTicketTypes(), run));
    expect(error.kind).toBe('auth');
    expect(error.retryable).toBe(false);
    expect(error.details.status).toBe(401);
    expect(error.message).toMatch(
      /rejected the credentials for organization \d+: check the Organization ID .*API token \(Admin → Integration → TeamSupport API\)/,
    );
    expect(h.apiRequests()).toHaveLength(1);
    expect(h.waits).toEqual([]);
  });

  it('refuses an organization whose API access is switched off', async () => {
    h.org.updateSettings({ apiEnabled: false });
    const error = await failure(h.run((ts) => ts.getTicket('1')));
    expect(error.kind).toBe('auth');
  });

  it('sends Basic OrganizationID:token and Accept: application/json', async () => {
    // The emulator authenticates exactly this header; any other would answer 401.
    await expect(h.run((ts) => ts.listTicketTypes())).resolves.toHaveLength(3);
  });
});

describe('rate limits (403 "exceeded your")', () => {
  it('waits for the next minute on the minute limit and retries within the budget', async () => {
    h.org.updateSettings({ minuteLimit: 2 });
    freezeAtSecond(45);
    const lists = await h.run(async (ts) => [
      await ts.listTicketTypes(),
      await ts.listActionTypes(),
      await ts.listProducts(),
    ]);
    expect(lists.map((list) => list.length)).toEqual([3, 4, 2]);
    // 15 s to the minute boundary + 250 ms + half of the 2 s jitter (random() = 0.5).
    expect(h.waits).toEqual([16_250]);
    expect(h.logs).toHaveLength(1);
    expect(h.logs[0]).toMatch(
      /GET \/products: attempt 1 failed \(rate-limited\).*per-minute API request limit of 2 requests.*Retrying in 16250 ms/,
    );
    expectNoSecret();
  });

  it('gives up at once when the invocation cannot wait for the next minute', async () => {
    h.org.updateSettings({ minuteLimit: 1 });
    freezeAtSecond(10);
    const error = await failure(
      h.run(async (ts) => [await ts.listTicketTypes(), await ts.listActionTypes()], { budgetMs: 20_000 }),
    );
    expect(error.kind).toBe('rate-limited');
    expect(error.retryable).toBe(true);
    expect(error.details.retryAfterMs).toBe(51_250);
    expect(error.message).toMatch(/reached its per-minute API request limit of 1 requests/);
    expect(h.waits).toEqual([]);
  });

  it('does not retry the 24-hour limit and tells the admin', async () => {
    h.org.updateSettings({ dailyLimit: 1 });
    h.ts.clearRequests();
    const error = await failure(
      h.run(async (ts) => [await ts.listTicketTypes(), await ts.listActionTypes()]),
    );
    expect(error.kind).toBe('auth');
    expect(error.retryable).toBe(false);
    expect(error.message).toMatch(
      /has used up its 24-hour API request limit of 1 requests\. Synchronization stops/,
    );
    expect(h.apiRequests()).toHaveLength(2);
    expect(h.waits).toEqual([]);
  });
});

describe('server failures', () => {
  it('reports an unknown route (404) as not-found naming the server address, without retrying', async () => {
    h.ts.failNext(1, { status: 404, body: 'Error Code: NotFound' });
    const error = await failure(h.run((ts) => ts.listUsers()));
    expect(error.kind).toBe('not-found');
    expect(error).not.toBeInstanceOf(MissingTicketError);
    expect(error.message).toMatch(
      /has no TeamSupport API route GET \/users \(HTTP 404\): check the server address/,
    );
    expect(h.waits).toEqual([]);
  });

  it.each([
    [400, 'Error Code: BadRequest'],
    [405, 'Error Code: MethodNotAllowed'],
    [406, 'Invalid TicketTypeID to filter.'],
  ])('reports a %s as a validation error, without retrying', async (status, body) => {
    h.ts.failNext(1, { status, body });
    const error = await failure(h.run((ts) => ts.listTicketTypes()));
    expect(error.kind).toBe('validation');
    expect(error.message).toBe(`TeamSupport refused GET /properties/tickettypes (HTTP ${status}): ${body}`);
    expect(h.waits).toEqual([]);
  });

  it('refuses an instance whose time zone is unknown', async () => {
    const error = await failure(h.run((ts) => ts.listTicketTypes(), { timeZone: 'Mars/Olympus_Mons' }));
    expect(error).toMatchObject({
      kind: 'validation',
      message: expect.stringMatching(/time zone "Mars\/Olympus_Mons"/) as unknown,
    });
  });

  it('recovers from 5xx answers with back-off', async () => {
    h.ts.failNext(2, { status: 503, body: 'Service Unavailable', pathIncludes: '/properties/actiontypes' });
    const types = await h.run((ts) => ts.listActionTypes());
    expect(types).toHaveLength(4);
    // Full jitter with random() = 0.5 over 250 ms, then 500 ms.
    expect(h.waits).toEqual([125, 250]);
    expect(h.logs.map((line) => line.replace(/:.*/, ''))).toEqual([
      'TeamSupport GET /properties/actiontypes',
      'TeamSupport GET /properties/actiontypes',
    ]);
  });

  it('retries a 500 on an existing ticket after checking that the ticket is there', async () => {
    const { ticketId } = h.org.ticket(1);
    h.ts.failNext(1, {
      status: 500,
      body: 'Internal Server Error: deadlock victim',
      method: 'GET',
      pathIncludes: `/tickets/${ticketId}/actions`,
    });
    h.ts.clearRequests();
    const actions = await h.run((ts) => ts.listActions(String(ticketId)));
    expect(actions).toHaveLength(3);
    expect(h.apiRequests().map((entry) => `${entry.url} ${entry.status}`)).toEqual([
      `/api/json/tickets/${ticketId}/actions 500`,
      `/api/json/tickets/${ticketId} 200`,
      `/api/json/tickets/${ticketId}/actions 200`,
    ]);
  });

  it('gives up on a persistent 5xx after the retry policy’s attempts, as a transient error', async () => {
    h.ts.failNext(10, { status: 502, body: '<html>Bad Gateway</html>', pathIncludes: '/users' });
    const error = await failure(h.run((ts) => ts.listUsers()));
    expect(error.kind).toBe('transient');
    expect(error.message).toMatch(/could not answer GET \/users \(HTTP 502\)/);
    expect(h.waits).toHaveLength(defaultRetryPolicy.maxAttempts - 1);
  });

  it('does not call a ticket missing while the whole API fails', async () => {
    h.ts.failNext(6, { status: 500, body: 'Internal Server Error: database offline' });
    const error = await failure(
      h.run((ts) => ts.getTicket('1'), {
        options: { retryPolicy: { ...defaultRetryPolicy, maxAttempts: 2 } },
      }),
    );
    expect(error.kind).toBe('transient');
    expect(error).not.toBeInstanceOf(MissingTicketError);
  });
});

describe('missing tickets (500 on /tickets/{id})', () => {
  it('reports not-found for every operation on a deleted ticket', async () => {
    const bug = await h.run((ts) => ts.getTicket('1'));
    if (!bug) throw new Error('seeded ticket 1 missing');
    h.org.deleteTicket(1);
    expect(await h.run((ts) => ts.getTicket(bug.id))).toBeUndefined();
    const operations = [
      () => h.run((ts) => ts.listActions(bug.id)),
      () =>
        h.run((ts) =>
          ts.createAction(bug.id, { actionTypeName: 'Comment', html: '<p>x</p>', visibleOnPortal: false }),
        ),
      () => h.run((ts) => ts.setStatus(bug, 'Needs Repro')),
      () => h.run((ts) => ts.updateFields(bug, [{ field: 'JiraIssueKey', value: 'PROJ-1' }])),
    ];
    for (const operation of operations) {
      const error = await failure(operation());
      expect(error).toBeInstanceOf(MissingTicketError);
      expect(error.kind).toBe('not-found');
      expect(error.message).toMatch(/organization 1100001 has no ticket \d+: it was deleted or merged/);
    }
    expect(h.waits).toEqual([]);
  });
});

describe('malformed answers', () => {
  it('reports a 200 that is not JSON, without retrying', async () => {
    h.ts.failNext(1, { status: 200, body: '<html><title>Sign in</title></html>', contentType: 'text/html' });
    const error = await failure(h.run((ts) => ts.listTicketTypes()));
    expect(error.kind).toBe('malformed');
    expect(error.message).toMatch(
      /answered GET \/properties\/tickettypes with a body that is not JSON \(it starts with "<html><title>Sign in/,
    );
    expect(h.waits).toEqual([]);
  });

  it('names the field a response got wrong', async () => {
    h.ts.failNext(1, {
      status: 200,
      contentType: 'application/json',
      body: JSON.stringify({
        Tickets: [
          {
            ID: '1',
            TicketNumber: 'one',
            TicketStatusID: '1',
            TicketTypeID: '1',
            DateCreated: '1/1/2024 1:00 PM',
            DateModified: '1/1/2024 1:00 PM',
          },
        ],
        TotalRecords: '1',
      }),
    });
    const error = await failure(
      h.run((ts) => ts.listTicketsModifiedSince(new Date(0), { pageNumber: 1, pageSize: 10 })),
    );
    expect(error.kind).toBe('malformed');
    expect(error.message).toBe(
      'TeamSupport sent a page of tickets the app cannot read: Tickets[0].TicketNumber: expected a numeric id, got "one".',
    );
  });
});

describe('network', () => {
  it('retries an unreachable host and then reports it as transient', async () => {
    const server = createServer();
    await new Promise<void>((resolve) => server.listen(0, '127.0.0.1', resolve));
    const { port } = server.address() as AddressInfo;
    await new Promise<void>((resolve) => server.close(() => resolve()));
    // A TeamSupport name of the sandbox's own, routed to the closed port.
    h.sandbox.routeEgress('https://closed.teamsupport.com', `http://127.0.0.1:${port}`);
    const error = await failure(
      h.run((ts) => ts.listTicketTypes(), { baseUrl: 'https://closed.teamsupport.com' }),
    );
    expect(error.kind).toBe('transient');
    expect(error.message).toMatch(
      /Could not reach TeamSupport at closed\.teamsupport\.com for GET \/properties\/tickettypes/,
    );
    expect(h.waits).toHaveLength(defaultRetryPolicy.maxAttempts - 1);
  });

  it.each(['https://evil.example.com', 'http://127.0.0.1:4022'])(
    'reports %s, outside the egress permissions, as blocked by them and not as TeamSupport refusing',
    async (baseUrl) => {
      h.ts.clearRequests();
      const error = await failure(h.run((ts) => ts.listTicketTypes(), { baseUrl }));
      expect(error).toBeInstanceOf(EgressBlockedError);
      expect(error.kind).toBe('permission');
      expect(error.message).toMatch(/^The request to .* was blocked by the app's egress permissions: /);
      expect(error.message).not.toMatch(/TeamSupport refused|manifest/);
      expect(h.waits).toEqual([]);
      expect(h.ts.requests()).toEqual([]);
    },
  );

  it('times a request out and never waits past the budget', async () => {
    h.ts.setLatency(1);
    const error = await failure(
      h.run((ts) => ts.listTicketTypes(), {
        options: { requestTimeoutMs: 1_000, retryPolicy: { ...defaultRetryPolicy, maxAttempts: 1 } },
      }),
    );
    expect(error.kind).toBe('transient');
    expect(error.message).toMatch(/did not answer GET \/properties\/tickettypes within 1 s/);
  });

  it('does not start a request the invocation has no time left for', async () => {
    h.ts.clearRequests();
    const error = await failure(h.run((ts) => ts.listTicketTypes(), { budgetMs: 1_200 }));
    expect(error.kind).toBe('transient');
    expect(error.message).toMatch(/was not sent: the invocation has only \d+ ms left/);
    expect(h.apiRequests()).toHaveLength(0);
  });
});

describe('creating an action exactly once', () => {
  it('re-posts after a 500 that stored nothing', async () => {
    const { ticketId } = h.org.ticket(2);
    const before = h.org.actions(ticketId).length;
    h.ts.failNext(1, {
      status: 500,
      body: 'Internal Server Error: timeout',
      method: 'POST',
      pathIncludes: '/actions',
    });
    h.ts.clearRequests();
    const created = await h.run((ts) =>
      ts.createAction(String(ticketId), {
        actionTypeName: 'Comment',
        html: '<p>Once</p>',
        visibleOnPortal: false,
      }),
    );
    expect(h.org.actions(ticketId)).toHaveLength(before + 1);
    expect(h.org.actions(ticketId).map((action) => String(action.actionId))).toContain(created.id);
    expect(h.apiRequests().map((entry) => `${entry.method} ${entry.url} ${entry.status}`)).toEqual([
      'GET /api/json/properties/actiontypes 200',
      `POST /api/json/tickets/${ticketId}/actions 500`,
      `GET /api/json/tickets/${ticketId} 200`,
      `GET /api/json/tickets/${ticketId}/actions 200`,
      `POST /api/json/tickets/${ticketId}/actions 200`,
    ]);
  });

  it('does not post again when the first POST was stored but its answer was lost', async () => {
    const { ticketId } = h.org.ticket(2);
    const before = h.org.actions(ticketId).length;
    const created = await h.run(
      async (ts) => {
        await ts.listActionTypes();
        // The next request is held by the emulator until the connector, having timed out, waits to retry.
        h.ts.setLatency(1);
        return ts.createAction(String(ticketId), {
          actionTypeName: 'Comment',
          html: '<p>Only once</p>',
          visibleOnPortal: false,
        });
      },
      {
        options: {
          requestTimeoutMs: 1_000,
          sleep: async (ms) => {
            h.waits.push(ms);
            h.ts.setLatency(0);
            releaseHeldRequests();
            // Let the emulator store the held POST before the connector looks for it.
            while (h.org.actions(ticketId).length === before)
              await new Promise((resolve) => setImmediate(resolve));
          },
        },
      },
    );
    const actions = h.org.actions(ticketId);
    expect(actions).toHaveLength(before + 1);
    expect(actions.map((action) => String(action.actionId))).toContain(created.id);
    expect(created.html).toBe('<p>Only once</p>');
    expect(h.apiRequests().filter((entry) => entry.method === 'POST')).toHaveLength(1);
    expect(h.waits).toHaveLength(1);
  });
});

describe('the API token', () => {
  it('is removed from server text quoted in errors and logs', async () => {
    const token = h.org.apiToken;
    const basic = Buffer.from(`${h.org.organizationId}:${token}`).toString('base64');
    h.ts.failNext(10, {
      status: 500,
      body: `Internal Server Error: login ${token} / ${basic} failed`,
      pathIncludes: '/users',
    });
    const error = await failure(h.run((ts) => ts.listUsers()));
    expect(error.message).toContain('login *** / *** failed');
    expect(h.logs.length).toBeGreaterThan(0);
    expectNoSecret(...h.logs);
  });
});
