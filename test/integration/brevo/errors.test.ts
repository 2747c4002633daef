// Every way Brevo fails, over HTTP: typed errors with admin-actionable messages, 429s waited out as Brevo's headers
// say (waits advance the emulator clock, never real time), an event whose answer was lost reported as of unknown
// outcome and never sent twice, and the API key never shown.
import { createServer } from 'node:http';
import type { AddressInfo } from 'node:net';
import { DEFAULT_ACCOUNT } from '../../../sandbox/brevo';
import { IntegrationError, mayHaveApplied } from '../../../src/lib/errors';
import { defaultRetryPolicy } from '../../../src/lib/retry';
import type { SinkEvent } from '../../../src/sync/records/sink';
import { everythingAbout, startHarness, type Harness } from './harness';

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
beforeEach(() => {
  h.reset();
  h.brevo.setRetryAfter(false);
  h.brevo.setRateLimits({ events: { perSecond: 10, perHour: 36_000 } });
  // Frozen, so that only the connector's waits move the rate-limit windows.
  h.brevo.clock.set(new Date('2025-03-03T12:00:00.250Z'));
});
afterEach(() => {
  releaseHeldRequests();
  expect(h.brevo.contractViolations()).toEqual([]);
});
afterAll(() => h.close());

const KEY = DEFAULT_ACCOUNT.apiKey;

function expectNoKey(...texts: string[]): void {
  for (const text of [...texts, ...h.logs]) {
    expect(text).not.toContain(KEY);
    expect(text).not.toContain(KEY.slice('xkeysib-'.length, 40));
  }
}

/** The IntegrationError a promise fails with, checked to show the key nowhere. */
async function failure(promise: Promise<unknown>): Promise<IntegrationError> {
  try {
    await promise;
  } catch (error) {
    expectNoKey(everythingAbout(error));
    if (error instanceof IntegrationError) return error;
    throw error;
  }
  throw new Error('expected the call to fail');
}

const event = (syncRef = 'ref-1'): SinkEvent => ({
  name: 'jira_issue_created',
  email: 'jane@example.com',
  eventDate: '2025-03-03T11:00:00.000Z',
  properties: { issue_key: 'SUP-1', sync_ref: syncRef },
});

const eventCount = () => h.account.events().length;
const statuses = () => h.apiRequests().map((entry) => entry.status);

describe('authentication', () => {
  it('reports a wrong key as an auth error with what to do, once, and without the key', async () => {
    const wrongKey = `xkeysib-${'0'.repeat(64)}-WrongWrongWrong1`;
    const error = await failure(h.run((sink) => sink.account(), { apiKey: wrongKey }));
    expect(error.kind).toBe('auth');
    expect(error.retryable).toBe(false);
    expect(error.details).toMatchObject({ system: 'brevo', status: 401, notApplied: true });
    expect(error.message).toBe(
      'Brevo rejected the API key of Brevo account "Marketing" (HTTP 401, unauthorized: Key not found): create a ' +
        'key under Brevo → SMTP & API → API keys (https://app.brevo.com/settings/keys/api) and enter it in the ' +
        "account's settings on the app's page.",
    );
    expect(everythingAbout(error)).not.toContain(wrongKey);
    expect(statuses()).toEqual([401]);
    expect(h.waits).toEqual([]);
  });

  it('never sends an event with a refused key, and says it was not applied', async () => {
    h.account.update({ keyEnabled: false });
    const error = await failure(h.run((sink) => sink.sendEvent(event())));
    expect(error.kind).toBe('auth');
    expect(error.message).toMatch(/HTTP 401, unauthorized: API Key is not enabled/);
    expect(mayHaveApplied(error)).toBe(false);
    expect(eventCount()).toBe(0);
  });

  it('sends the key in the api-key header only (the emulator answers 401 to anything else)', async () => {
    await expect(h.run((sink) => sink.account())).resolves.toMatchObject({ companyName: 'Acme Corp' });
  });
});

describe('rate limits (429)', () => {
  it("waits out Brevo's own limit of 10 events per second by x-sib-ratelimit-reset, and sends each event once", async () => {
    await h.run(async (sink) => {
      for (let n = 0; n < 12; n++) await sink.sendEvent(event(`ref-${n}`));
    });
    expect(eventCount()).toBe(12);
    expect(statuses()).toEqual([...Array<number>(10).fill(204), 429, 204, 204]);
    // The window ends 750 ms later; Brevo rounds the reset up to whole seconds.
    expect(h.waits).toEqual([1_000]);
    expect(h.logs).toEqual([
      expect.stringMatching(
        /^Brevo POST \/v3\/events: attempt 1 failed \(rate-limited\): Brevo's rate limit held back POST \/v3\/events .* Retrying in 1000 ms\.$/,
      ),
    ]);
  });

  it.each<[string, { resetSeconds?: number | null; retryAfterSeconds?: number }, number]>([
    ['x-sib-ratelimit-reset', { resetSeconds: 7 }, 7_000],
    ['Retry-After', { resetSeconds: null, retryAfterSeconds: 3 }, 3_000],
    ['Retry-After over x-sib-ratelimit-reset', { resetSeconds: 40, retryAfterSeconds: 2 }, 2_000],
  ])('waits as %s says and then succeeds', async (_case, headers, wait) => {
    h.brevo.rateLimitNext(1, headers);
    await h.run((sink) => sink.sendEvent(event()));
    expect(h.waits).toEqual([wait]);
    expect(statuses()).toEqual([429, 204]);
    expect(eventCount()).toBe(1);
  });

  it.each<[string, { resetSeconds?: number | null; retryAfterSeconds?: number }, number | undefined]>([
    ['x-sib-ratelimit-reset', { resetSeconds: 30 }, 30_000],
    ['Retry-After', { resetSeconds: null, retryAfterSeconds: 45 }, 45_000],
    ['neither header', { resetSeconds: null }, undefined],
  ])(
    'hands a 429 back with retryAfterMs from %s when it cannot wait here',
    async (_case, headers, retryAfterMs) => {
      h.brevo.rateLimitNext(1, headers);
      const error = await failure(
        h.run((sink) => sink.sendEvent(event()), {
          options: { retryPolicy: { ...defaultRetryPolicy, maxAttempts: 1 } },
        }),
      );
      expect(error.kind).toBe('rate-limited');
      expect(error.retryable).toBe(true);
      expect(error.details.retryAfterMs).toBe(retryAfterMs);
      // Refused before anything happened: the queue may simply send it again later.
      expect(mayHaveApplied(error)).toBe(false);
      expect(error.details.outcomeUnknown).toBeUndefined();
      expect(eventCount()).toBe(0);
    },
  );

  it('gives a wait that does not fit the invocation back to the caller at once', async () => {
    h.brevo.rateLimitNext(1, { resetSeconds: 3_600 });
    const error = await failure(h.run((sink) => sink.listLists(), { budgetMs: 20_000 }));
    expect([error.kind, error.details.retryAfterMs]).toEqual(['rate-limited', 3_600_000]);
    expect(h.waits).toEqual([]);
  });
});

describe('an event whose answer is lost', () => {
  it.each([502, 503, 504] as const)(
    'after a %s from the gateway, is of unknown outcome, not sent again, and on the timeline once',
    async (as) => {
      h.brevo.loseAnswerNext(1, { as, method: 'POST', pathIncludes: '/events' });
      const error = await failure(h.run((sink) => sink.sendEvent(event())));
      expect(error.kind).toBe('transient');
      expect(error.details.outcomeUnknown).toBe(true);
      expect(mayHaveApplied(error)).toBe(true);
      expect(error.message).toMatch(
        new RegExp(`^Brevo may have carried out POST /v3/events without a usable answer: .*HTTP ${as}`),
      );
      expect(statuses()).toEqual([as]);
      expect(h.waits).toEqual([]);
      expect(eventCount()).toBe(1);
      // What the copy-once step does next: look for it instead of sending it again.
      expect(
        await h.run((sink) =>
          sink.findEvent('jane@example.com', 'jira_issue_created', 'ref-1', new Date('2025-03-03T10:00:00Z')),
        ),
      ).toBe(true);
    },
  );

  it('after a cut connection, is of unknown outcome and not sent again', async () => {
    h.brevo.loseAnswerNext(1, { as: 'reset', pathIncludes: '/events' });
    const error = await failure(h.run((sink) => sink.sendEvent(event())));
    expect([error.kind, error.details.outcomeUnknown]).toEqual(['transient', true]);
    expect(h.apiRequests()).toHaveLength(1);
    expect(eventCount()).toBe(1);
  });

  it('after a 500 that Brevo answered itself, is of unknown outcome too (the client cannot tell)', async () => {
    h.brevo.failNext(1, {
      status: 500,
      body: '{"code":"bad_request","message":"Internal error"}',
      method: 'POST',
    });
    const error = await failure(h.run((sink) => sink.sendEvent(event())));
    expect(error.details.outcomeUnknown).toBe(true);
    expect(h.apiRequests()).toHaveLength(1);
    expect(eventCount()).toBe(0);
  });

  it('after a timeout, is of unknown outcome and not sent again', async () => {
    h.brevo.setLatency(1);
    const error = await failure(
      h.run((sink) => sink.sendEvent(event()), { options: { requestTimeoutMs: 1_000 } }),
    );
    expect(error.kind).toBe('transient');
    expect(error.details.outcomeUnknown).toBe(true);
    expect(error.message).toMatch(
      /^Brevo may have carried out POST \/v3\/events .*did not answer POST \/v3\/events within 1 s/,
    );
    h.brevo.setLatency(0);
    releaseHeldRequests();
  });

  it('after a success that cannot be read (no 204), is of unknown outcome: looked for, not sent again', async () => {
    h.brevo.unreadableSuccessNext(1, { pathIncludes: '/events' });
    const error = await failure(h.run((sink) => sink.sendEvent(event())));
    expect([error.kind, error.details.outcomeUnknown]).toEqual(['transient', true]);
    expect(error.message).toMatch(/answered POST \/v3\/events with a body that is not JSON/);
    expect(statuses()).toEqual([200]);
    expect(eventCount()).toBe(1);
  });
});

describe('other transient failures', () => {
  it('retries a read after a 503 and succeeds', async () => {
    h.brevo.failNext(1, { status: 503, body: 'Service Unavailable', method: 'GET' });
    await expect(h.run((sink) => sink.listAttributes())).resolves.toHaveLength(3);
    expect(statuses()).toEqual([503, 200]);
    expect(h.waits).toHaveLength(1);
  });

  it('reports a read that keeps failing as transient and not applied', async () => {
    h.brevo.failNext(10, { status: 502, body: 'Bad Gateway' });
    const error = await failure(
      h.run((sink) => sink.account(), {
        options: { retryPolicy: { ...defaultRetryPolicy, maxAttempts: 2 } },
      }),
    );
    expect([error.kind, error.details.notApplied, mayHaveApplied(error)]).toEqual(['transient', true, false]);
    expect(error.message).toBe('Brevo could not answer GET /v3/account (HTTP 502, Bad Gateway).');
    h.brevo.clearFaults();
  });

  it('sends a contact upsert again after a lost answer: updateEnabled makes a repeat harmless', async () => {
    h.brevo.loseAnswerNext(1, { as: 504, pathIncludes: '/contacts' });
    await h.run((sink) =>
      sink.upsertContact({ email: 'jane@example.com', attributes: { FIRSTNAME: 'Jane' }, listIds: [3] }),
    );
    expect(statuses()).toEqual([504, 204]);
    expect(h.account.contacts()).toEqual([
      expect.objectContaining({ email: 'jane@example.com', listIds: [3] }),
    ]);
  });

  it('reports an upsert that may have been applied and kept failing as of unknown outcome', async () => {
    h.brevo.loseAnswerNext(3, { as: 502, pathIncludes: '/contacts' });
    const error = await failure(
      h.run((sink) => sink.upsertContact({ email: 'jane@example.com', attributes: {}, listIds: [] }), {
        options: { retryPolicy: { ...defaultRetryPolicy, maxAttempts: 3 } },
      }),
    );
    expect([error.kind, error.details.outcomeUnknown]).toEqual(['transient', true]);
  });

  it('looks for an attribute whose creation lost its answer instead of creating it again', async () => {
    h.brevo.loseAnswerNext(1, { as: 504, pathIncludes: '/contacts/attributes/normal' });
    await h.run((sink) => sink.createAttribute({ name: 'LAST_TICKET_KEY', type: 'text' }));
    expect(h.apiRequests().map((entry) => [entry.method, entry.url, entry.status])).toEqual([
      ['POST', '/v3/contacts/attributes/normal/LAST_TICKET_KEY', 504],
      ['GET', '/v3/contacts/attributes', 200],
    ]);
    expect(h.account.hasAttribute('LAST_TICKET_KEY')).toBe(true);
  });

  it('reports a 200 whose body is not JSON on a read as malformed, naming the call', async () => {
    h.brevo.unreadableSuccessNext(1, { method: 'GET', body: '<html><title>Sign in</title></html>' });
    const error = await failure(h.run((sink) => sink.account()));
    expect(error.kind).toBe('malformed');
    expect(error.message).toBe(
      'Brevo answered GET /v3/account with a body that is not JSON (it starts with "<html><title>Sign in</title></html>").',
    );
    expect(mayHaveApplied(error)).toBe(false);
  });

  it('names the field an answer got wrong', async () => {
    h.brevo.failNext(1, {
      status: 200,
      body: JSON.stringify({ count: 1, lists: [{ id: 'two', name: 'x' }] }),
    });
    const error = await failure(h.run((sink) => sink.listLists()));
    expect(error.kind).toBe('malformed');
    expect(error.message).toBe(
      'Brevo sent a page of contact lists the app cannot read: lists.0.id: Invalid input: expected number, ' +
        'received string. (GET /v3/contacts/lists)',
    );
  });
});

describe('network', () => {
  async function closedPort(): Promise<number> {
    const server = createServer();
    await new Promise<void>((resolve) => server.listen(0, '127.0.0.1', resolve));
    const { port } = z_address(server.address());
    await new Promise<void>((resolve) => server.close(() => resolve()));
    return port;
  }

  function z_address(address: string | AddressInfo | null): AddressInfo {
    if (address === null || typeof address === 'string') throw new Error('no TCP address');
    return address;
  }

  it('retries an event that never reached Brevo (connection refused): it cannot have been applied', async () => {
    h.sandbox.routeEgress(h.brevo.appUrl, `http://127.0.0.1:${await closedPort()}`);
    try {
      const error = await failure(h.run((sink) => sink.sendEvent(event())));
      expect(error.kind).toBe('transient');
      expect(error.details.notApplied).toBe(true);
      expect(error.details.outcomeUnknown).toBeUndefined();
      expect(error.message).toMatch(/^Could not reach Brevo for POST \/v3\/events: .*ECONNREFUSED/);
      expect(h.waits).toHaveLength(defaultRetryPolicy.maxAttempts - 1);
    } finally {
      h.sandbox.routeEgress(h.brevo.appUrl, h.brevo.baseUrl);
    }
  });

  it('reports a host outside the egress as blocked by the manifest, without sending anything', async () => {
    const error = await failure(
      h.run((sink) => sink.account(), { options: { baseUrl: 'https://api.sendinblue.com' } }),
    );
    expect(error.kind).toBe('permission');
    expect(error.details.notApplied).toBe(true);
    expect(error.message).toMatch(
      /^The app's egress permissions blocked GET \/v3\/account: manifest\.yml must allow/,
    );
    expect(h.apiRequests()).toEqual([]);
  });
});

it('keeps the key out of every retry log line', async () => {
  h.brevo.failNext(2, { status: 502, body: `echo ${KEY}` });
  await h.run((sink) => sink.listLists());
  expect(h.logs).toHaveLength(2);
  expect(h.logs[0]).toContain('echo ***');
  expectNoKey();
});
