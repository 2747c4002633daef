// HTTP to Brevo's API v3 over @forge/api fetch, authenticated with the `api-key` header
// (https://developers.brevo.com/docs/authentication-schemes). Each request has a timeout that never outlasts the
// invocation, and is retried through lib/retry on 429s and transient failures while the invocation's time allows,
// except a write that must not happen twice: once it may have reached Brevo without a usable answer it is never
// repeated here, and comes out with `outcomeUnknown` for the copy-once step to look for (docs/reliability.md, rule 4).
// The API key appears in no message, log line or thrown value.
import { fetch } from '@forge/api';
import type { SinkRateLimit } from '../../sync/records/sink';
import { IntegrationError } from '../../lib/errors';
import { withRetry } from '../../lib/retry';
import {
  encodeQuery,
  networkFailureOf,
  redactSecrets,
  requestTimeout,
  retrySettings,
  timeoutSeconds,
  type QueryParam,
  type RequestRunOptions,
} from '../http-request';
import {
  egressBlocked,
  failureFromResponse,
  FORGE_PROXY_ERROR_HEADER,
  RATE_LIMIT_RESET_HEADER,
} from './failures';
import { BREVO_API_URL, BREVO_SYSTEM } from './system';

/** The request timeout defaults to 15 s; `now` is the clock Retry-After dates and event look-ups are read on. */
export interface BrevoClientOptions extends RequestRunOptions {
  apiKey: string;
  /** how messages name the account, e.g. `Brevo account "Marketing"` */
  accountLabel: string;
  /** default https://api.brevo.com (the only Brevo host the manifest's egress allows) */
  baseUrl?: string;
}

export interface RequestOptions<T> {
  /** below /v3, e.g. `/contacts/jane%40example.com` */
  path: string;
  /** how messages name the request: the path template, so that no contact's address lands in a log */
  label: string;
  query?: readonly QueryParam[];
  body?: Readonly<Record<string, unknown>>;
  /** reads the answer's JSON (undefined for an answer without a body, e.g. 204) */
  parse: (json: unknown) => T;
  /** a write Brevo does not deduplicate: never sent again here once it may have been applied */
  once?: boolean;
  /**
   * For an idempotent-looking write that may have been applied: called before repeating it; a value it returns is
   * taken as the result.
   */
  recover?: () => Promise<T | undefined>;
}

type Attempt = { ok: true; json: unknown } | { ok: false; error: IntegrationError; sent: boolean };

const DEFAULT_REQUEST_TIMEOUT_MS = 15_000;
/**
 * The quota headers Brevo puts on answers of rate-limited endpoints (https://developers.brevo.com/docs/api-limits,
 * https://developers.brevo.com/docs/limit-headers); the reset header is failures.ts's RATE_LIMIT_RESET_HEADER.
 */
const RATE_LIMIT_LIMIT_HEADER = 'x-sib-ratelimit-limit';
const RATE_LIMIT_REMAINING_HEADER = 'x-sib-ratelimit-remaining';
/** The legacy Forge runtime's error for a host outside the egress (@forge/api's ExternalEndpointNotAllowedError). */
const EGRESS_ALLOWLIST_ERROR_NAME = 'REQUEST_EGRESS_ALLOWLIST_ERR';

/** A header holding a non-negative number, or undefined (absent, or not a number). */
function headerNumber(value: string | null): number | undefined {
  // Read as failures.ts reads the reset header: a blank or non-numeric value is no value.
  if (value === null || value.trim() === '') return undefined;
  const parsed = Number(value.trim());
  return Number.isFinite(parsed) && parsed >= 0 ? parsed : undefined;
}

export class BrevoClient {
  private readonly baseUrl: string;
  private readonly secrets: readonly string[];
  private lastRateLimit: SinkRateLimit | undefined;

  constructor(private readonly options: BrevoClientOptions) {
    this.baseUrl = (options.baseUrl ?? BREVO_API_URL).replace(/\/+$/, '');
    this.secrets = [...new Set([options.apiKey, options.apiKey.trim()])];
  }

  /** Removes the API key from any text (messages quote answers and network errors). */
  redact(text: string): string {
    return redactSecrets(this.secrets, text);
  }

  now(): number {
    return (this.options.now ?? Date.now)();
  }

  /** The quota the newest answer of this client reported (a 429's included); undefined before one did. */
  rateLimit(): SinkRateLimit | undefined {
    return this.lastRateLimit;
  }

  get<T>(request: RequestOptions<T>): Promise<T> {
    return this.request('GET', request);
  }

  post<T>(request: RequestOptions<T>): Promise<T> {
    return this.request('POST', request);
  }

  private async request<T>(method: string, request: RequestOptions<T>): Promise<T> {
    const call = `${method} ${request.label}`;
    const state = { mayHaveApplied: false };
    try {
      return await withRetry(
        async () => {
          if (state.mayHaveApplied && request.recover) {
            const recovered = await request.recover();
            if (recovered !== undefined) return recovered;
          }
          const attempt = await this.attempt(method, request, call);
          if (attempt.ok) return this.parse(request, attempt.json, method, call);
          if (method !== 'GET' && attempt.sent && mayHaveBeenApplied(attempt.error))
            state.mayHaveApplied = true;
          throw attempt.error;
        },
        {
          ...retrySettings(this.options),
          // A write Brevo would record twice is never repeated once it may have arrived.
          shouldRetry: () => !(request.once === true && state.mayHaveApplied),
          onRetry: (error, attempt, delayMs) =>
            this.options.log?.(
              this.redact(
                `Brevo ${call}: attempt ${attempt} failed (${error.kind}): ${error.message} Retrying in ${delayMs} ms.`,
              ),
            ),
        },
      );
    } catch (error) {
      throw this.settle(error, method, call, state.mayHaveApplied);
    }
  }

  /** What a caller that must not write twice needs to know (sync/copy-once): whether the request may have applied. */
  private settle(error: unknown, method: string, call: string, mayHaveApplied: boolean): unknown {
    if (!(error instanceof IntegrationError)) return error;
    if (method === 'GET') {
      // A read changes nothing, whatever failed.
      error.details.notApplied = true;
      return error;
    }
    if (!mayHaveApplied) return error;
    return new IntegrationError(
      'transient',
      this.redact(`Brevo may have carried out ${call} without a usable answer: ${error.message}`),
      {
        system: BREVO_SYSTEM,
        outcomeUnknown: true,
        ...(error.details.status === undefined ? {} : { status: error.details.status }),
        ...(error.details.retryAfterMs === undefined ? {} : { retryAfterMs: error.details.retryAfterMs }),
      },
    );
  }

  private parse<T>(request: RequestOptions<T>, json: unknown, method: string, call: string): T {
    try {
      return request.parse(json);
    } catch (error) {
      if (!(error instanceof IntegrationError)) throw error;
      // A write that Brevo answered with 2xx was applied, however its answer reads.
      if (method !== 'GET') error.details.outcomeUnknown = true;
      throw new IntegrationError(error.kind, this.redact(`${error.message} (${call})`), error.details);
    }
  }

  private async attempt<T>(method: string, request: RequestOptions<T>, call: string): Promise<Attempt> {
    const window = requestTimeout(this.options, DEFAULT_REQUEST_TIMEOUT_MS);
    if (!window.ok) {
      const message = `Brevo ${call} was not sent: the invocation has only ${window.remainingMs} ms left.`;
      return {
        ok: false,
        sent: false,
        error: new IntegrationError('transient', message, { system: BREVO_SYSTEM, notApplied: true }),
      };
    }
    const { timeoutMs } = window;
    const headers: Record<string, string> = { 'api-key': this.options.apiKey, Accept: 'application/json' };
    if (request.body !== undefined) headers['Content-Type'] = 'application/json';
    let status: number;
    let text: string;
    let answered: { retryAfter: string | null; rateLimitReset: string | null; proxyError: string | null };
    try {
      const response = await fetch(`${this.baseUrl}/v3${request.path}${encodeQuery(request.query ?? [])}`, {
        method,
        headers,
        ...(request.body === undefined ? {} : { body: JSON.stringify(request.body) }),
        signal: AbortSignal.timeout(timeoutMs),
      });
      status = response.status;
      answered = {
        retryAfter: response.headers.get('Retry-After'),
        rateLimitReset: response.headers.get(RATE_LIMIT_RESET_HEADER),
        proxyError: response.headers.get(FORGE_PROXY_ERROR_HEADER),
      };
      this.noteRateLimit(response.headers, answered.rateLimitReset);
      text = await response.text();
    } catch (error) {
      const failure = this.networkError(error, call, timeoutMs);
      return { ok: false, sent: !failure.details.notApplied, error: failure };
    }
    if (status >= 200 && status < 300) return this.readJson(text, method, call, status);
    const error = failureFromResponse(
      { call, status, body: this.redact(text), ...answered },
      { account: this.options.accountLabel, nowMs: this.now() },
    );
    return { ok: false, sent: true, error };
  }

  /** Keeps the quota an answer reports, for the admin's status (recorded once per job, sync/brevo/stats.ts). */
  private noteRateLimit(headers: { get(name: string): string | null }, reset: string | null): void {
    const limit = headerNumber(headers.get(RATE_LIMIT_LIMIT_HEADER));
    const remaining = headerNumber(headers.get(RATE_LIMIT_REMAINING_HEADER));
    if (limit === undefined || remaining === undefined) return;
    this.lastRateLimit = {
      limit: Math.round(limit),
      remaining: Math.round(remaining),
      resetSeconds: headerNumber(reset) ?? null,
      at: new Date(this.now()).toISOString(),
    };
  }

  private readJson(text: string, method: string, call: string, status: number): Attempt {
    if (text.trim() === '') return { ok: true, json: undefined };
    try {
      const json: unknown = JSON.parse(text);
      return { ok: true, json };
    } catch {
      const start = this.redact(text.trim().slice(0, 60));
      const message = `Brevo answered ${call} with a body that is not JSON (it starts with ${JSON.stringify(start)}).`;
      return {
        ok: false,
        sent: true,
        // Applied (a 2xx), but unreadable: for a write, its outcome is unknown to the caller.
        error: new IntegrationError('malformed', message, {
          system: BREVO_SYSTEM,
          status,
          ...(method === 'GET' ? {} : { outcomeUnknown: true }),
        }),
      };
    }
  }

  private networkError(error: unknown, call: string, timeoutMs: number): IntegrationError {
    const failure = networkFailureOf(error);
    if (!failure) {
      return new IntegrationError('transient', `Could not reach Brevo for ${call}.`, {
        system: BREVO_SYSTEM,
      });
    }
    if (failure.name === EGRESS_ALLOWLIST_ERROR_NAME) return egressBlocked(call);
    if (failure.timedOut) {
      return new IntegrationError(
        'transient',
        `Brevo did not answer ${call} within ${timeoutSeconds(timeoutMs)} s.`,
        { system: BREVO_SYSTEM },
      );
    }
    return new IntegrationError(
      'transient',
      `Could not reach Brevo for ${call}: ${this.redact(failure.reason)}`,
      {
        system: BREVO_SYSTEM,
        // No connection was made, so the request never reached Brevo.
        ...(failure.neverSent ? { notApplied: true } : {}),
      },
    );
  }
}

/** Whether a failed attempt of a write may have reached Brevo and been applied (a 5xx, a timeout, a cut line). */
function mayHaveBeenApplied(error: IntegrationError): boolean {
  if (error.details.outcomeUnknown) return true;
  if (error.details.notApplied) return false;
  return error.kind === 'transient';
}
