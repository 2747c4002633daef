// Injected faults: before the request (nothing applied, nothing counted), after it (applied, then the answer is lost,
// cut or unreadable), a forced 429 with either header style, latency, and the request log.
import { platformFetch } from '../runtime/globals';
import type { BrevoEmulator } from './emulator';
import { ApiClient, startFrozen, summary } from './brevo.test-support';

let brevo: BrevoEmulator;
let api: ApiClient;
/** Injected latency waits on this gate. */
let release: () => void = () => undefined;
const waited: number[] = [];

beforeAll(async () => {
  brevo = await startFrozen({
    sleep: (ms) => {
      waited.push(ms);
      return new Promise<void>((resolve) => {
        release = resolve;
      });
    },
  });
  api = ApiClient.for(brevo);
});
beforeEach(() => {
  brevo.reset();
  waited.length = 0;
});
afterEach(() => {
  release();
  expect(brevo.contractViolations()).toEqual([]);
});
afterAll(() => brevo.close());

const sendEvent = (name = 'ping') =>
  api.post('/events', { event_name: name, identifiers: { email_id: 'jane@example.com' } });
const eventNames = () =>
  brevo
    .account()
    .events()
    .map((event) => event.name);

it("phase 'before' answers instead of Brevo: nothing applied, nothing counted", async () => {
  brevo.failNext(1, { status: 503, body: '{"code":"bad_request","message":"busy"}', method: 'POST' });
  const reply = await sendEvent();
  expect(summary(reply)).toEqual([503, { code: 'bad_request', message: 'busy' }]);
  expect(eventNames()).toEqual([]);
  expect(brevo.account().counters().events.total).toBe(0);
  expect(brevo.requests().at(-1)).toMatchObject({ status: 503, fault: 'before', accountId: null });
  expect((await sendEvent()).status).toBe(204);
});

it.each([502, 503, 504] as const)(
  'loseAnswerNext as %s: the event is recorded, the client gets a gateway error',
  async (as) => {
    brevo.loseAnswerNext(1, { as, pathIncludes: '/events' });
    const reply = await sendEvent('lost');
    expect(reply.status).toBe(as);
    expect(reply.text).toMatch(/^<html>/);
    expect(eventNames()).toEqual(['lost']);
    expect(brevo.requests().at(-1)).toMatchObject({ status: as, appliedStatus: 204, fault: 'after' });
  },
);

it('loseAnswerNext as reset: the event is recorded and the connection is cut', async () => {
  brevo.loseAnswerNext(1, { as: 'reset' });
  await expect(sendEvent('cut')).rejects.toThrow();
  expect(eventNames()).toEqual(['cut']);
  expect(brevo.requests().at(-1)).toMatchObject({ status: 0, appliedStatus: 204, fault: 'after' });
});

it('unreadableSuccessNext: applied, and a 204 comes back as 200 with a body that is not JSON', async () => {
  brevo.unreadableSuccessNext(1, { method: 'POST' });
  const reply = await sendEvent('garbled');
  expect([reply.status, reply.headers.get('content-type'), reply.text]).toEqual([
    200,
    'text/html',
    '<html><body>gateway</body></html>',
  ]);
  expect(eventNames()).toEqual(['garbled']);
});

it('unreadableSuccessNext leaves a failed request alone and waits for a success', async () => {
  brevo.unreadableSuccessNext(1);
  expect(
    (await api.post('/events', { event_name: 'bad name', identifiers: { email_id: 'a@b.c' } })).status,
  ).toBe(400);
  expect(brevo.pendingFaults()).toBe(0);
});

it('rateLimitNext: 429 with x-sib-ratelimit-reset, or with Retry-After alone', async () => {
  brevo.rateLimitNext(1, { resetSeconds: 7 });
  brevo.rateLimitNext(1, { resetSeconds: null, retryAfterSeconds: 3 });
  const first = await sendEvent();
  expect([
    first.status,
    first.headers.get('x-sib-ratelimit-reset'),
    first.headers.get('retry-after'),
  ]).toEqual([429, '7', null]);
  const second = await sendEvent();
  expect([
    second.status,
    second.headers.get('x-sib-ratelimit-reset'),
    second.headers.get('retry-after'),
  ]).toEqual([429, null, '3']);
  expect(eventNames()).toEqual([]);
});

it('delays requests by the latency, through the sleep it was given', async () => {
  brevo.setLatency(2_000);
  const pending = sendEvent('slow');
  await new Promise((resolve) => setTimeout(resolve, 50));
  expect(eventNames()).toEqual([]);
  release();
  expect((await pending).status).toBe(204);
  expect(waited).toEqual([2_000]);
  brevo.clearFaults();
});

it('logs every request with what it answered, and answers paths outside /v3 with 404', async () => {
  await sendEvent();
  const outside = await platformFetch()(`${brevo.baseUrl}/health`);
  expect(outside.status).toBe(404);
  expect(brevo.requests().map((entry) => [entry.method, entry.url, entry.status, entry.operationId])).toEqual(
    [
      ['POST', '/v3/events', 204, 'createEvent'],
      ['GET', '/health', 404, null],
    ],
  );
  brevo.clearRequests();
  expect(brevo.requests()).toEqual([]);
});
