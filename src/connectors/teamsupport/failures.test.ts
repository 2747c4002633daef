// How TeamSupport's failing answers become the app's errors: minute and daily limits, Forge's egress proxy, and
// Retry-After.
import { bodyExcerpt, EgressBlockedError, failureFromResponse, type FailedExchange } from './failures';
import { MINUTE_JITTER_MS, minuteLimitWaitMs, readRateLimit } from './rate-limit';

const context = {
  organizationId: '1100001',
  baseUrl: 'https://app.na2.teamsupport.com',
  nowMs: Date.parse('2024-05-01T12:00:45.000Z'),
  random: () => 0.5,
};

function exchange(status: number, body: string, retryAfter: string | null = null): FailedExchange {
  return { method: 'GET', path: '/tickets/745895', status, body, retryAfter };
}

describe('failureFromResponse', () => {
  it.each<[string, number, string, string, boolean, RegExp]>([
    [
      'bad credentials',
      401,
      '401 Access Denied',
      'auth',
      false,
      /rejected the credentials for organization 1100001: check the Organization ID.*API token/,
    ],
    [
      'another organization’s object',
      401,
      'Error Code: Unauthorized',
      'permission',
      false,
      /belongs to another organization than 1100001/,
    ],
    [
      'the minute limit',
      403,
      '{ "Error": "You have exceeded your minute API request limit of 1200."}',
      'rate-limited',
      true,
      /per-minute API request limit of 1200 requests/,
    ],
    [
      'the 24-hour limit',
      403,
      '{ "Error": "You have exceeded your 24 hour API request limit of 5000."}',
      'auth',
      false,
      /24-hour API request limit of 5000 requests.*Synchronization stops/,
    ],
    [
      'another 403',
      403,
      'Forbidden',
      'permission',
      false,
      /refused GET \/tickets\/745895 for organization 1100001 \(HTTP 403\): Forbidden/,
    ],
    [
      'API not accessible',
      400,
      '{ "Error": "This resource is not accessible at this time."}',
      'permission',
      false,
      /API is not accessible for organization 1100001/,
    ],
    [
      'an unknown route',
      404,
      'Error Code: NotFound',
      'not-found',
      false,
      /has no TeamSupport API route GET \/tickets\/745895 \(HTTP 404\): check the server address/,
    ],
    [
      'a refused verb',
      405,
      'Error Code: MethodNotAllowed',
      'validation',
      false,
      /HTTP 405\): Error Code: MethodNotAllowed/,
    ],
    [
      'an invalid type filter',
      406,
      'Invalid TicketTypeID to filter.',
      'validation',
      false,
      /HTTP 406\): Invalid TicketTypeID to filter\./,
    ],
    ['a bad request', 400, 'Error Code: BadRequest', 'validation', false, /HTTP 400/],
    [
      'a server error',
      500,
      'Internal Server Error: Timeout expired.   at TeamSupport.Api.RestProcessor.Process()',
      'transient',
      true,
      /HTTP 500\): Internal Server Error: Timeout expired\.$/,
    ],
    ['a gateway error', 502, '<html>Bad gateway</html>', 'transient', true, /HTTP 502/],
    ['a 429 from a proxy', 429, 'slow down', 'rate-limited', true, /HTTP 429/],
  ])('%s → %s', (_case, status, body, kind, retryable, message) => {
    const error = failureFromResponse(exchange(status, body), context);
    expect(error.kind).toBe(kind);
    expect(error.retryable).toBe(retryable);
    expect(error.details).toMatchObject({ system: 'teamsupport', status });
    expect(error.message).toMatch(message);
  });

  it('waits for the minute limit until just past the next minute boundary', () => {
    const error = failureFromResponse(
      exchange(403, '{ "Error": "You have exceeded your minute API request limit of 1200."}'),
      context,
    );
    // 12:00:45 → 12:01:00 is 15 s, plus the jitter.
    expect(error.details.retryAfterMs).toBe(15_000 + MINUTE_JITTER_MS.min + MINUTE_JITTER_MS.spread / 2);
  });

  describe("an answer from Forge's egress proxy, not from TeamSupport", () => {
    const blocked = (status: number, proxyError: string): FailedExchange => ({
      ...exchange(status, 'Forbidden'),
      proxyError,
    });

    it.each<[string, FailedExchange]>([
      ['a 403 with forge-proxy-error: BLOCKED_EGRESS', blocked(403, 'BLOCKED_EGRESS')],
      ['any 403 the proxy made', blocked(403, 'EGRESS_NOT_ALLOWED')],
    ])('reports %s as blocked by the egress permissions', (_case, answer) => {
      const error = failureFromResponse(answer, context);
      expect(error).toBeInstanceOf(EgressBlockedError);
      expect(error.kind).toBe('permission');
      expect(error.retryable).toBe(false);
      expect(error.message).toMatch(
        /^The request to app\.na2\.teamsupport\.com was blocked by the app's egress permissions: .*\.teamsupport\.com/,
      );
      expect(error.message).not.toMatch(/TeamSupport refused|manifest/);
    });

    it('still reads a 403 without the header as TeamSupport refusing', () => {
      const error = failureFromResponse({ ...exchange(403, 'Forbidden'), proxyError: null }, context);
      expect(error).not.toBeInstanceOf(EgressBlockedError);
      expect(error.message).toMatch(/^TeamSupport refused/);
    });
  });

  it('honours Retry-After when a proxy sends one', () => {
    expect(failureFromResponse(exchange(503, 'busy', '7'), context).details.retryAfterMs).toBe(7000);
    expect(failureFromResponse(exchange(503, 'busy'), context).details.retryAfterMs).toBeUndefined();
  });
});

describe('readRateLimit', () => {
  it.each<[number, string, ReturnType<typeof readRateLimit>]>([
    [
      403,
      '{ "Error": "You have exceeded your minute API request limit of 1200."}',
      { kind: 'minute', limit: 1200 },
    ],
    [
      403,
      '{ "Error": "You have exceeded your 24 hour API request limit of 5,000."}',
      { kind: 'day', limit: 5000 },
    ],
    [403, 'You have exceeded your daily limit', { kind: 'day', limit: undefined }],
    [403, 'Forbidden', undefined],
    [500, 'You have exceeded your minute API request limit of 1.', undefined],
  ])('%s %j', (status, body, expected) => {
    expect(readRateLimit(status, body)).toEqual(expected);
  });
});

describe('minuteLimitWaitMs', () => {
  it.each<[string, number, number]>([
    ['2024-05-01T12:00:00.000Z', 0, 60_000 + MINUTE_JITTER_MS.min],
    ['2024-05-01T12:00:59.900Z', 0, 100 + MINUTE_JITTER_MS.min],
    ['2024-05-01T12:00:30.000Z', 1, 30_000 + MINUTE_JITTER_MS.min + MINUTE_JITTER_MS.spread],
  ])('at %s with random %s → %s ms', (at, random, expected) => {
    expect(minuteLimitWaitMs(Date.parse(at), () => random)).toBe(expected);
  });
});

describe('bodyExcerpt', () => {
  it.each([
    ['', '(empty body)'],
    ['Internal Server Error: boom\r\n   at X.Y()', 'Internal Server Error: boom'],
    ['x'.repeat(300), `${'x'.repeat(197)}...`],
  ])('%j → %j', (body, expected) => {
    expect(bodyExcerpt(body)).toBe(expected);
  });
});
