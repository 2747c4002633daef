// What a TeamSupport error answer means (docs/teamsupport-api.md §2, §12, §13), as an IntegrationError whose message an
// admin can act on. Error bodies are text/plain and may carry a .NET stack trace; only their first line is quoted.
import { TEAMSUPPORT_DOMAIN } from '../../domain/config';
import { IntegrationError, type FailureKind } from '../../lib/errors';
import { parseRetryAfterMs } from '../../lib/retry';
import { minuteLimitWaitMs, readRateLimit } from './rate-limit';

export interface FailedExchange {
  method: string;
  /** path below /api/json, with the query */
  path: string;
  status: number;
  body: string;
  retryAfter: string | null;
  /** the `forge-proxy-error` header: set when Forge's egress proxy answered instead of TeamSupport */
  proxyError?: string | null;
}

export interface FailureContext {
  organizationId: string;
  baseUrl: string;
  nowMs: number;
  random: () => number;
}

const SYSTEM = 'teamsupport';

/** A ticket the server could not find (it answers 500 for those, §13); still a 'not-found' IntegrationError. */
export class MissingTicketError extends IntegrationError {
  constructor(
    readonly ticketRef: string,
    organizationId: string,
  ) {
    super(
      'not-found',
      `TeamSupport organization ${organizationId} has no ticket ${ticketRef}: it was deleted or merged, or the ` +
        'number is wrong.',
      { system: SYSTEM, status: 500 },
    );
  }
}

/**
 * The header Forge's proxy puts on an answer it made itself instead of passing the request on (@forge/api reads it
 * for product calls: `getForgeProxyError` in @forge/api/out/api/fetch.js), and its value for a host outside the
 * manifest's `permissions.external.fetch.backend`. On the Node.js runtime a blocked fetch does not throw: it comes
 * back as HTTP 403 with `forge-proxy-error: BLOCKED_EGRESS`
 * (https://developer.atlassian.com/platform/forge/runtime-egress-permissions/,
 * https://dev.to/mihai_leanzero/forge-egress-backend-ignores-your-url-path-client-enforces-it-2mhk).
 */
export const FORGE_PROXY_ERROR_HEADER = 'forge-proxy-error';
export const BLOCKED_EGRESS = 'BLOCKED_EGRESS';
/**
 * What the legacy Forge runtime throws instead (`REQUEST_EGRESS_ALLOWLIST_ERR`, @forge/api's
 * ExternalEndpointNotAllowedError).
 */
export const EGRESS_ALLOWLIST_ERROR_NAME = 'REQUEST_EGRESS_ALLOWLIST_ERR';

/**
 * The app's egress permissions kept the request from leaving Forge: TeamSupport never saw it. Only a server address
 * outside `*.teamsupport.com` gets here (one saved before the address rule, or a changed manifest), so the fix is the
 * address, not the token or TeamSupport's settings.
 */
export class EgressBlockedError extends IntegrationError {
  constructor(
    readonly host: string,
    status?: number,
  ) {
    super(
      'permission',
      `The request to ${host} was blocked by the app's egress permissions: the app may only call TeamSupport ` +
        `addresses that end in .${TEAMSUPPORT_DOMAIN} (https://app.teamsupport.com, https://app.na2.teamsupport.com …). ` +
        "Edit the instance and enter your organization's TeamSupport address.",
      // The egress proxy stopped the request: it never reached TeamSupport.
      { system: SYSTEM, notApplied: true, ...(status === undefined ? {} : { status }) },
    );
  }
}

/** The first line of an error body, without the stack trace and cut to a readable length. */
export function bodyExcerpt(body: string): string {
  const firstLine = body.split(/\r?\n|\s{2,}at\s/)[0]?.trim() ?? '';
  if (firstLine === '') return '(empty body)';
  return firstLine.length > 200 ? `${firstLine.slice(0, 197)}...` : firstLine;
}

function hostOf(baseUrl: string): string {
  try {
    return new URL(baseUrl).host;
  } catch {
    return baseUrl;
  }
}

function error(kind: FailureKind, message: string, status: number, retryAfterMs?: number): IntegrationError {
  return new IntegrationError(kind, message, {
    system: SYSTEM,
    status,
    ...(retryAfterMs === undefined ? {} : { retryAfterMs }),
  });
}

function rateLimitFailure(exchange: FailedExchange, context: FailureContext): IntegrationError | undefined {
  const hit = readRateLimit(exchange.status, exchange.body);
  if (!hit) return undefined;
  const limit = hit.limit === undefined ? '' : ` of ${hit.limit} requests`;
  if (hit.kind === 'day') {
    // Waiting cannot help within an invocation: the instance needs the admin (or TeamSupport) to act.
    return error(
      'auth',
      `TeamSupport organization ${context.organizationId} has used up its 24-hour API request limit${limit}. ` +
        'Synchronization stops until the limit resets: reduce other integrations using this API token or ask ' +
        'TeamSupport support to raise the limit.',
      exchange.status,
    );
  }
  return error(
    'rate-limited',
    `TeamSupport organization ${context.organizationId} reached its per-minute API request limit${limit}; ` +
      'the request is retried after the next minute starts.',
    exchange.status,
    minuteLimitWaitMs(context.nowMs, context.random),
  );
}

/** Classifies a non-2xx answer. */
export function failureFromResponse(exchange: FailedExchange, context: FailureContext): IntegrationError {
  const { status, method, path } = exchange;
  const excerpt = bodyExcerpt(exchange.body);
  const call = `${method} ${path}`;
  const org = context.organizationId;
  const proxyError = exchange.proxyError ?? null;
  if (proxyError === BLOCKED_EGRESS || (proxyError !== null && status === 403)) {
    return new EgressBlockedError(hostOf(context.baseUrl), status);
  }
  if (status === 401) {
    if (/Unauthorized/i.test(exchange.body) && !/Access Denied/i.test(exchange.body)) {
      return error(
        'permission',
        `TeamSupport refused ${call}: the object belongs to another organization than ${org}.`,
        status,
      );
    }
    return error(
      'auth',
      `TeamSupport rejected the credentials for organization ${org}: check the Organization ID (Admin → My Company) ` +
        'and the API token (Admin → Integration → TeamSupport API), and that API access is enabled.',
      status,
    );
  }
  const rateLimit = rateLimitFailure(exchange, context);
  if (rateLimit) return rateLimit;
  if (status === 403) {
    return error(
      'permission',
      `TeamSupport refused ${call} for organization ${org} (HTTP 403): ${excerpt}`,
      status,
    );
  }
  if (status === 400 && /not accessible/i.test(exchange.body)) {
    return error(
      'permission',
      `TeamSupport says the API is not accessible for organization ${org} at this time: check that API access is ` +
        'enabled under Admin → Integration and included in the TeamSupport plan.',
      status,
    );
  }
  if (status === 404) {
    return error(
      'not-found',
      `The server at ${context.baseUrl} has no TeamSupport API route ${call} (HTTP 404): check the server address, ` +
        'e.g. https://app.na2.teamsupport.com.',
      status,
    );
  }
  if (status === 429 || status === 408 || status >= 500) {
    const kind = status === 429 ? 'rate-limited' : 'transient';
    return error(
      kind,
      `TeamSupport could not answer ${call} (HTTP ${status}): ${excerpt}`,
      status,
      parseRetryAfterMs(exchange.retryAfter, context.nowMs),
    );
  }
  return error('validation', `TeamSupport refused ${call} (HTTP ${status}): ${excerpt}`, status);
}
