// What a TeamSupport error answer means (teamsupport-api.md §2, §12, §13), as an IntegrationError whose message an
// admin can act on. Error bodies are text/plain and may carry a .NET stack trace; only their first line is quoted.
import { IntegrationError, type FailureKind } from '../../lib/errors';
import { parseRetryAfterMs } from '../../lib/retry';
import { minuteLimitWaitMs, readRateLimit } from './rateLimit';

export interface FailedExchange {
  method: string;
  /** path below /api/json, with the query */
  path: string;
  status: number;
  body: string;
  retryAfter: string | null;
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

/** The first line of an error body, without the stack trace and cut to a readable length. */
export function bodyExcerpt(body: string): string {
  const firstLine = body.split(/\r?\n|\s{2,}at\s/)[0]?.trim() ?? '';
  if (firstLine === '') return '(empty body)';
  return firstLine.length > 200 ? `${firstLine.slice(0, 197)}...` : firstLine;
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
