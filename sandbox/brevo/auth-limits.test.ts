// The api-key header (401 in Brevo's error model) and the rate limits per account and endpoint group, with the
// x-sib-ratelimit-* headers and 429.
import type { BrevoEmulator } from './emulator';
import { DEFAULT_ACCOUNT } from './seed';
import { ApiClient, FROZEN_NOW, startFrozen, summary } from './brevo.test-support';

let brevo: BrevoEmulator;
let api: ApiClient;

beforeAll(async () => {
  brevo = await startFrozen();
  api = ApiClient.for(brevo);
});
beforeEach(() => {
  brevo.reset();
  brevo.setRetryAfter(false);
  brevo.setRateLimits({
    events: { perSecond: 10, perHour: 36_000 },
    contacts: { perSecond: 10, perHour: 36_000 },
    other: { perSecond: null, perHour: 100 },
  });
  brevo.clock.set(new Date(FROZEN_NOW.getTime() + 250));
});
afterEach(() => expect(brevo.contractViolations()).toEqual([]));
afterAll(() => brevo.close());

const limitHeaders = (headers: Headers) => [
  headers.get('x-sib-ratelimit-limit'),
  headers.get('x-sib-ratelimit-remaining'),
  headers.get('x-sib-ratelimit-reset'),
];

const sendEvent = (client: ApiClient = api) =>
  client.post('/events', { event_name: 'ping', identifiers: { email_id: 'jane@example.com' } });

describe('api-key', () => {
  it('accepts the seeded key', async () => {
    expect((await api.get('/account')).status).toBe(200);
    expect(brevo.account().apiKey).toBe(DEFAULT_ACCOUNT.apiKey);
  });

  it.each([
    ['a wrong key', 'xkeysib-wrong'],
    ['no key', undefined],
  ])('answers 401 unauthorized for %s, and applies nothing', async (_case, key) => {
    const reply = await sendEvent(new ApiClient(brevo.apiUrl, key));
    expect(summary(reply)).toEqual([401, { code: 'unauthorized', message: 'Key not found' }]);
    expect(brevo.account().events()).toEqual([]);
    expect(brevo.requests().at(-1)).toMatchObject({ status: 401, accountId: null });
  });

  it('answers 401 for a key switched off in Brevo', async () => {
    brevo.account().update({ keyEnabled: false });
    expect(summary(await api.get('/account'))).toEqual([
      401,
      { code: 'unauthorized', message: 'API Key is not enabled' },
    ]);
  });

  it("keeps each account's data to its own key", async () => {
    const other = brevo.createAccount({ companyName: 'Globex' });
    const globex = new ApiClient(brevo.apiUrl, other.apiKey);
    expect(other.apiKey).toMatch(/^xkeysib-[0-9a-f]{64}-[0-9a-f]{16}$/);
    await sendEvent(globex);
    expect(other.events()).toHaveLength(1);
    expect(brevo.account().events()).toEqual([]);
    // The request log never keeps a key.
    expect(JSON.stringify(brevo.requests())).not.toContain(other.apiKey);
  });
});

describe('rate limits', () => {
  it('lets 10 event requests through per second with the limit headers, then answers 429', async () => {
    for (let n = 1; n <= 10; n++) {
      const reply = await sendEvent();
      expect([reply.status, ...limitHeaders(reply.headers)]).toEqual([204, '10', String(10 - n), '1']);
    }
    const refused = await sendEvent();
    expect(summary(refused)).toEqual([
      429,
      { code: 'too_many_requests', message: 'The expected rate limit is exceeded.' },
    ]);
    expect(limitHeaders(refused.headers)).toEqual(['10', '0', '1']);
    expect(refused.headers.get('retry-after')).toBeNull();
    expect(brevo.account().events()).toHaveLength(10);
    expect(brevo.account().counters().events).toEqual({ second: 10, hour: 10, total: 10, refused: 1 });
  });

  it('opens the next second, and counts events and contacts apart', async () => {
    for (let n = 0; n < 10; n++) await sendEvent();
    expect((await api.get('/contacts/attributes')).status).toBe(200);
    expect((await sendEvent()).status).toBe(429);
    brevo.clock.advance(750);
    expect((await sendEvent()).status).toBe(204);
  });

  it('sends Retry-After when set to', async () => {
    brevo.setRetryAfter(true);
    brevo.setRateLimits({ contacts: { perSecond: 1, perHour: null } });
    await api.get('/contacts/lists');
    const refused = await api.get('/contacts/lists');
    expect([refused.status, refused.headers.get('retry-after')]).toEqual([429, '1']);
  });

  it('applies the hourly limit of the other endpoints (100/h) and says when the hour ends', async () => {
    brevo.setRateLimits({ other: { perSecond: null, perHour: 2 } });
    brevo.clock.set(new Date('2025-03-03T12:59:00.000Z'));
    expect(limitHeaders((await api.get('/account')).headers)).toEqual(['2', '1', '60']);
    await api.get('/account');
    const refused = await api.get('/account');
    expect([refused.status, ...limitHeaders(refused.headers)]).toEqual([429, '2', '0', '60']);
    brevo.clock.advance(60_000);
    expect((await api.get('/account')).status).toBe(200);
  });

  it('describes the window closest to running out when both apply', async () => {
    brevo.setRateLimits({ events: { perSecond: 10, perHour: 3 } });
    const reply = await sendEvent();
    expect(limitHeaders(reply.headers)).toEqual(['3', '2', String(Math.ceil((3_600_000 - 250) / 1000))]);
  });

  it('counts per account', async () => {
    brevo.setRateLimits({ events: { perSecond: 1, perHour: null } });
    const other = new ApiClient(brevo.apiUrl, brevo.createAccount().apiKey);
    expect((await sendEvent()).status).toBe(204);
    expect((await sendEvent(other)).status).toBe(204);
    expect((await sendEvent()).status).toBe(429);
  });
});
