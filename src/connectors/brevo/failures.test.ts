// How Brevo's failing answers become the app's errors: Brevo's own words, 429 waits, and the egress proxy's answers.
import { mayHaveApplied } from '../../lib/errors';
import { failureFromResponse, rateLimitWaitMs, type FailedExchange } from './failures';

const context = { account: 'Brevo account "Marketing"', nowMs: Date.parse('2025-03-03T12:00:00.000Z') };

function exchange(status: number, body: string, headers: Partial<FailedExchange> = {}): FailedExchange {
  return {
    call: 'POST /v3/events',
    status,
    body,
    retryAfter: null,
    rateLimitReset: null,
    proxyError: null,
    ...headers,
  };
}

const errorModel = (code: string, message: string) => JSON.stringify({ code, message });

describe('failureFromResponse', () => {
  it.each<[string, number, string, string, RegExp]>([
    [
      'a wrong key',
      401,
      errorModel('unauthorized', 'Key not found'),
      'auth',
      /^Brevo rejected the API key of Brevo account "Marketing" \(HTTP 401, unauthorized: Key not found\): create a key under Brevo → SMTP & API → API keys .*enter it in the account's settings/,
    ],
    [
      'a request from an IP the account has not authorised',
      401,
      errorModel('unauthorized', 'We have detected you are using an unrecognised IP address 1.2.3.4.'),
      'auth',
      /turn off "Authorised IPs" under Brevo → Security/,
    ],
    [
      'a missing credit',
      402,
      errorModel('not_enough_credits', 'Not enough credits'),
      'permission',
      /HTTP 402, not_enough_credits: Not enough credits\): the Brevo plan has not enough credits/,
    ],
    [
      'a key without the permission',
      403,
      errorModel('permission_denied', 'Permission denied'),
      'permission',
      /HTTP 403, permission_denied: Permission denied\): the API key may not do this/,
    ],
    [
      'a missing contact',
      404,
      errorModel('document_not_found', 'Contact does not exist'),
      'not-found',
      /HTTP 404/,
    ],
    [
      'an invalid event',
      400,
      errorModel('invalid_parameter', 'event_name must be 1 to 255 characters long'),
      'validation',
      /^Brevo refused POST \/v3\/events for Brevo account "Marketing" \(HTTP 400, invalid_parameter: event_name must be/,
    ],
    ['an unprocessable request', 422, errorModel('unprocessable_entity', 'no'), 'validation', /HTTP 422/],
    [
      'an account being set up',
      425,
      errorModel('account_in_process', 'later'),
      'transient',
      /cannot take .* yet/,
    ],
  ])('refuses %s before anything changed', (_case, status, body, kind, message) => {
    const error = failureFromResponse(exchange(status, body), context);
    expect(error.kind).toBe(kind);
    expect(error.message).toMatch(message);
    expect(error.details).toMatchObject({ system: 'brevo', status, notApplied: true });
    expect(mayHaveApplied(error)).toBe(false);
  });

  it.each([500, 502, 503, 504, 408])('reports %s as transient, possibly applied', (status) => {
    const error = failureFromResponse(exchange(status, '<html>Bad Gateway</html>'), context);
    expect(error.kind).toBe('transient');
    expect(error.retryable).toBe(true);
    expect(error.details.notApplied).toBeUndefined();
    expect(mayHaveApplied(error)).toBe(true);
    expect(error.message).toBe(
      `Brevo could not answer POST /v3/events (HTTP ${status}, <html>Bad Gateway</html>).`,
    );
  });

  it('keeps Brevo’s own words in details, for where the input was typed', () => {
    const error = failureFromResponse(exchange(400, errorModel('invalid_parameter', 'bad listIds')), context);
    expect(error.details.detail).toBe('invalid_parameter: bad listIds');
  });

  it('cuts a long body to a readable length', () => {
    const error = failureFromResponse(exchange(400, 'x'.repeat(500)), context);
    expect(error.message).toContain(`${'x'.repeat(197)}...`);
    expect(error.message).not.toContain('x'.repeat(198));
  });

  describe('429', () => {
    const tooMany = errorModel('too_many_requests', 'The expected rate limit is exceeded.');

    it.each<[string, Partial<FailedExchange>, number | undefined]>([
      ['x-sib-ratelimit-reset seconds', { rateLimitReset: '7' }, 7_000],
      ['fractional reset seconds', { rateLimitReset: '0.25' }, 250],
      ['Retry-After seconds', { retryAfter: '3' }, 3_000],
      ['Retry-After before the reset header', { retryAfter: '3', rateLimitReset: '40' }, 3_000],
      ['a Retry-After date', { retryAfter: 'Mon, 03 Mar 2025 12:00:05 GMT' }, 5_000],
      ['no header at all', {}, undefined],
      ['an unreadable reset', { rateLimitReset: 'soon' }, undefined],
    ])('waits as %s say', (_case, headers, wait) => {
      const error = failureFromResponse(exchange(429, tooMany, headers), context);
      expect(error.kind).toBe('rate-limited');
      expect(error.retryable).toBe(true);
      expect(error.details.retryAfterMs).toBe(wait);
      expect(error.details.notApplied).toBe(true);
      expect(error.message).toMatch(
        /^Brevo's rate limit held back POST \/v3\/events for Brevo account "Marketing"/,
      );
    });
  });

  it("reports an answer of Forge's egress proxy as the manifest's doing, not Brevo's", () => {
    const error = failureFromResponse(
      exchange(403, 'Egress to https://api.brevo.com is not allowed', { proxyError: 'BLOCKED_EGRESS' }),
      context,
    );
    expect(error.kind).toBe('permission');
    expect(error.details.notApplied).toBe(true);
    expect(error.message).toMatch(/egress permissions blocked POST \/v3\/events: manifest\.yml must allow/);
  });
});

describe('rateLimitWaitMs', () => {
  it('rounds reset seconds up to whole milliseconds and ignores negative ones', () => {
    expect(rateLimitWaitMs(null, '1.0004', 0)).toBe(1001);
    expect(rateLimitWaitMs(null, '-1', 0)).toBeUndefined();
    expect(rateLimitWaitMs(null, null, 0)).toBeUndefined();
  });
});
