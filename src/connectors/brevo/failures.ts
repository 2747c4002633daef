// What a Brevo error answer means, as an IntegrationError whose message an admin can act on. Brevo answers errors
// with its error model, `{ code, message }` (https://developers.brevo.com/reference), and rate limits with 429 and
// the x-sib-ratelimit-* headers (https://developers.brevo.com/docs/api-limits,
// https://developers.brevo.com/docs/limit-headers). Every answer here was refused before anything changed, except a
// 5xx or 408, which may follow a write Brevo applied: the client marks those (client.ts).
import { IntegrationError, type FailureKind } from '../../lib/errors';
import { parseRetryAfterMs } from '../../lib/retry';
import { errorDetail } from './schemas';
import { BREVO_SYSTEM } from './system';

export interface FailedExchange {
  /** e.g. `POST /v3/events`: the method and path template, never an address or the key */
  call: string;
  status: number;
  /** the answer's body, already redacted */
  body: string;
  retryAfter: string | null;
  /** `x-sib-ratelimit-reset`: seconds until the limit's window resets */
  rateLimitReset: string | null;
  /** `forge-proxy-error`: set when Forge's egress proxy answered instead of Brevo */
  proxyError: string | null;
}

export interface FailureContext {
  /** how the admin knows the account, e.g. `Brevo account "Marketing"` */
  account: string;
  nowMs: number;
}

/**
 * The header Forge's egress proxy puts on an answer it made itself, and its value for a host outside the manifest's
 * egress (https://developer.atlassian.com/platform/forge/runtime-egress-permissions/).
 */
export const FORGE_PROXY_ERROR_HEADER = 'forge-proxy-error';
export const BLOCKED_EGRESS = 'BLOCKED_EGRESS';
export const RATE_LIMIT_RESET_HEADER = 'x-sib-ratelimit-reset';

/** Where an admin makes a Brevo API key. */
const API_KEYS_PAGE = 'Brevo → SMTP & API → API keys (https://app.brevo.com/settings/keys/api)';

/**
 * How long to wait before asking again after a 429: `Retry-After` when Brevo sends it (it usually does not), else the
 * seconds until the window resets (`x-sib-ratelimit-reset`); undefined when neither says, so the caller backs off.
 */
export function rateLimitWaitMs(
  retryAfter: string | null,
  rateLimitReset: string | null,
  nowMs: number,
): number | undefined {
  const fromRetryAfter = parseRetryAfterMs(retryAfter, nowMs);
  if (fromRetryAfter !== undefined) return fromRetryAfter;
  const seconds = rateLimitReset === null ? Number.NaN : Number(rateLimitReset.trim());
  if (!Number.isFinite(seconds) || seconds < 0) return undefined;
  return Math.ceil(seconds * 1000);
}

/** Brevo's words for a refusal, cut to a readable length. */
function detailOf(exchange: FailedExchange): string {
  const detail = errorDetail(exchange.body) ?? exchange.body.trim().split(/\r?\n/)[0] ?? '';
  if (detail === '') return '(no details)';
  return detail.length > 200 ? `${detail.slice(0, 197)}...` : detail;
}

function failure(
  kind: FailureKind,
  message: string,
  status: number,
  extra: { retryAfterMs?: number; notApplied?: boolean; detail?: string } = {},
): IntegrationError {
  return new IntegrationError(kind, message, {
    system: BREVO_SYSTEM,
    status,
    ...(extra.retryAfterMs === undefined ? {} : { retryAfterMs: extra.retryAfterMs }),
    ...(extra.notApplied ? { notApplied: true } : {}),
    ...(extra.detail === undefined ? {} : { detail: extra.detail }),
  });
}

/** The egress permissions kept the request from leaving Forge: Brevo never saw it. */
export function egressBlocked(call: string, status?: number): IntegrationError {
  return new IntegrationError(
    'permission',
    `The app's egress permissions blocked ${call}: manifest.yml must allow https://api.brevo.com ` +
      '(permissions.external.fetch.backend); deploy the app again with it.',
    { system: BREVO_SYSTEM, notApplied: true, ...(status === undefined ? {} : { status }) },
  );
}

/** Classifies a non-2xx answer. */
export function failureFromResponse(exchange: FailedExchange, context: FailureContext): IntegrationError {
  const { status, call } = exchange;
  const detail = detailOf(exchange);
  const who = context.account;
  if (exchange.proxyError === BLOCKED_EGRESS || (exchange.proxyError !== null && status === 403)) {
    return egressBlocked(call, status);
  }
  if (status === 401) {
    const ipRule = /\bIP\b/.test(detail)
      ? ' Brevo also refuses calls from IP addresses the account has not authorised: turn off "Authorised IPs" ' +
        'under Brevo → Security, since Forge calls from changing addresses.'
      : '';
    return failure(
      'auth',
      `Brevo rejected the API key of ${who} (HTTP 401, ${detail}): create a key under ${API_KEYS_PAGE} and enter ` +
        `it in the account's settings on the app's page.${ipRule}`,
      status,
      { notApplied: true, detail },
    );
  }
  if (status === 429) {
    const retryAfterMs = rateLimitWaitMs(exchange.retryAfter, exchange.rateLimitReset, context.nowMs);
    const wait = retryAfterMs === undefined ? '' : ` for ${Math.ceil(retryAfterMs / 1000)} s`;
    return failure(
      'rate-limited',
      `Brevo's rate limit held back ${call} for ${who} (HTTP 429); it is sent again after waiting${wait}.`,
      status,
      { notApplied: true, detail, ...(retryAfterMs === undefined ? {} : { retryAfterMs }) },
    );
  }
  if (status === 402) {
    return failure(
      'permission',
      `Brevo refused ${call} for ${who} (HTTP 402, ${detail}): the Brevo plan has not enough credits for it.`,
      status,
      { notApplied: true, detail },
    );
  }
  if (status === 403) {
    return failure(
      'permission',
      `Brevo refused ${call} for ${who} (HTTP 403, ${detail}): the API key may not do this; check its permissions ` +
        `under ${API_KEYS_PAGE}.`,
      status,
      { notApplied: true, detail },
    );
  }
  if (status === 404) {
    return failure('not-found', `Brevo found nothing for ${call} (HTTP 404, ${detail}).`, status, {
      notApplied: true,
      detail,
    });
  }
  if (status === 425) {
    // "Too Early": the account is still being set up; nothing was done and a later attempt may pass.
    return failure('transient', `Brevo cannot take ${call} for ${who} yet (HTTP 425, ${detail}).`, status, {
      notApplied: true,
      detail,
    });
  }
  if (status === 408 || status >= 500) {
    return failure('transient', `Brevo could not answer ${call} (HTTP ${status}, ${detail}).`, status, {
      detail,
      ...(status === 503 ? rateLimitRetry(exchange, context) : {}),
    });
  }
  if (status >= 400 && status < 500) {
    return failure('validation', `Brevo refused ${call} for ${who} (HTTP ${status}, ${detail}).`, status, {
      notApplied: true,
      detail,
    });
  }
  return failure(
    'malformed',
    `Brevo answered ${call} with HTTP ${status}, which the app does not expect.`,
    status,
    {
      detail,
    },
  );
}

/** A 503 may say when to come back (Retry-After). */
function rateLimitRetry(exchange: FailedExchange, context: FailureContext): { retryAfterMs?: number } {
  const retryAfterMs = parseRetryAfterMs(exchange.retryAfter, context.nowMs);
  return retryAfterMs === undefined ? {} : { retryAfterMs };
}
