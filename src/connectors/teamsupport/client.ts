// HTTP to one TeamSupport organization (docs/teamsupport-api.md §1–§3, §12, §13): Basic auth with OrganizationID:token,
// JSON wrapped in the object's root key, every value a string. Each request has a timeout that never outlasts the
// invocation, and is retried through lib/retry on transient failures and the per-minute rate limit while the
// invocation's time allows. The token appears in no message, log line or thrown value.
import { fetch } from '@forge/api';
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
  EGRESS_ALLOWLIST_ERROR_NAME,
  EgressBlockedError,
  failureFromResponse,
  FORGE_PROXY_ERROR_HEADER,
  MissingTicketError,
} from './failures';

/** The request timeout defaults to 20 s; `now` is the clock the minute rate-limit boundary is computed on. */
export interface TeamSupportClientOptions extends RequestRunOptions {
  baseUrl: string;
  organizationId: string;
  apiToken: string;
}

export interface RequestOptions<T> {
  query?: readonly QueryParam[];
  /** the wrapped body of a POST or PUT, e.g. { Ticket: { TicketStatusID: "735122" } } */
  body?: Readonly<Record<string, Readonly<Record<string, string>>>>;
  parse: (json: unknown) => T;
  /**
   * For writes that must not happen twice: called before repeating a request whose earlier attempt may have
   * reached the server (5xx, network error, timeout); a value it returns is taken as the result.
   */
  recover?: () => Promise<T | undefined>;
}

type Attempt =
  | { ok: true; json: unknown }
  | { ok: false; error: IntegrationError; status: number | undefined; sent: boolean };

const DEFAULT_REQUEST_TIMEOUT_MS = 20_000;
const SYSTEM = 'teamsupport';
const TICKET_PATH = /^\/tickets\/([^/?]+)/i;

// Brackets stay literal, as in TeamSupport's own examples (`DateModified[gt]=…`).
const encodeKey = (key: string) => encodeURIComponent(key).replace(/%5B/gi, '[').replace(/%5D/gi, ']');

export class TeamSupportClient {
  readonly baseUrl: string;
  readonly organizationId: string;
  private readonly authorization: string;
  private readonly secrets: readonly string[];
  /** requests that reached (or may have reached) TeamSupport: its 24-hour limit counts each one (§12) */
  private sent = 0;

  constructor(private readonly options: TeamSupportClientOptions) {
    this.baseUrl = options.baseUrl.replace(/\/+$/, '');
    this.organizationId = options.organizationId.trim();
    const credentials = `${this.organizationId}:${options.apiToken}`;
    const encoded = Buffer.from(credentials, 'utf8').toString('base64');
    this.authorization = `Basic ${encoded}`;
    this.secrets = [encoded, options.apiToken, options.apiToken.trim()];
  }

  get<T>(path: string, options: RequestOptions<T>): Promise<T> {
    return this.request('GET', path, options);
  }

  put<T>(path: string, options: RequestOptions<T>): Promise<T> {
    return this.request('PUT', path, options);
  }

  post<T>(path: string, options: RequestOptions<T>): Promise<T> {
    return this.request('POST', path, options);
  }

  /**
   * How many requests this client has sent, every retry and probe included: TeamSupport counts each one against the
   * organization's 24-hour limit (docs/teamsupport-api.md §12). A request refused before it left (no time left), or
   * that never connected, or that the egress proxy stopped, is not counted: TeamSupport never saw it.
   */
  requestsSent(): number {
    return this.sent;
  }

  /** Removes the credentials from any text (messages quote server bodies and network errors). */
  redact(text: string): string {
    return redactSecrets(this.secrets, text);
  }

  private async request<T>(method: string, path: string, options: RequestOptions<T>): Promise<T> {
    const state = { mayHaveApplied: false };
    try {
      return await this.requestWithRetry(method, path, options, state);
    } catch (error) {
      // What a caller that must not write twice needs to know (sync/copy-once): a read changed nothing; a write that
      // was sent once without a usable answer has an unknown outcome, whatever failed after it.
      if (method === 'GET' && error instanceof IntegrationError) error.details.notApplied = true;
      if (method !== 'GET' && state.mayHaveApplied) {
        const reason = error instanceof Error ? error.message : 'no usable answer';
        throw new IntegrationError(
          'transient',
          `TeamSupport may have carried out ${method} ${path} without a usable answer: ${reason}`,
          { system: SYSTEM, outcomeUnknown: true },
        );
      }
      throw error;
    }
  }

  private async requestWithRetry<T>(
    method: string,
    path: string,
    options: RequestOptions<T>,
    state: { mayHaveApplied: boolean },
  ): Promise<T> {
    let ticketExists = false;
    return withRetry(
      async () => {
        if (state.mayHaveApplied && options.recover) {
          const recovered = await options.recover();
          if (recovered !== undefined) return recovered;
        }
        const attempt = await this.attempt(method, path, options.query ?? [], options.body);
        if (attempt.ok) return options.parse(attempt.json);
        const ticketRef = TICKET_PATH.exec(path)?.[1];
        // A missing ticket answers 500 (docs/teamsupport-api.md §13): tell it apart from a real server failure before
        // retrying.
        if (attempt.status === 500 && ticketRef !== undefined && !ticketExists) {
          if ((await this.probeTicket(ticketRef)) === 'missing') {
            throw new MissingTicketError(ticketRef, this.organizationId);
          }
          ticketExists = true;
        }
        if (attempt.sent && attempt.error.kind === 'transient' && method !== 'GET')
          state.mayHaveApplied = true;
        throw attempt.error;
      },
      {
        ...retrySettings(this.options),
        onRetry: (error, attempt, delayMs) =>
          this.options.log?.(
            this.redact(
              `TeamSupport ${method} ${path}: attempt ${attempt} failed (${error.kind}): ` +
                `${error.message} Retrying in ${delayMs} ms.`,
            ),
          ),
      },
    );
  }

  /** 'missing' when the ticket lookup fails while the API otherwise answers; throws when the API is unwell. */
  private async probeTicket(ticketRef: string): Promise<'exists' | 'missing'> {
    const probe = await this.attempt('GET', `/tickets/${ticketRef}`, [], undefined);
    if (probe.ok) return 'exists';
    if (probe.status !== 500) throw probe.error;
    const health = await this.attempt('GET', '/properties/tickettypes', [], undefined);
    if (health.ok) return 'missing';
    throw health.error;
  }

  private async attempt(
    method: string,
    path: string,
    query: readonly QueryParam[],
    body: RequestOptions<unknown>['body'],
  ): Promise<Attempt> {
    const call = `${method} ${path}${encodeQuery(query, encodeKey)}`;
    const window = requestTimeout(this.options, DEFAULT_REQUEST_TIMEOUT_MS);
    if (!window.ok) {
      const message = `TeamSupport ${call} was not sent: the invocation has only ${window.remainingMs} ms left.`;
      return {
        ok: false,
        status: undefined,
        sent: false,
        error: new IntegrationError('transient', message, { system: SYSTEM, notApplied: true }),
      };
    }
    const { timeoutMs } = window;
    const headers: Record<string, string> = { Authorization: this.authorization, Accept: 'application/json' };
    if (body !== undefined) headers['Content-Type'] = 'application/json';
    let status: number;
    let text: string;
    let retryAfter: string | null;
    let proxyError: string | null;
    let answered = false;
    try {
      const response = await fetch(`${this.baseUrl}/api/json${path}${encodeQuery(query, encodeKey)}`, {
        method,
        headers,
        ...(body === undefined ? {} : { body: JSON.stringify(body) }),
        signal: AbortSignal.timeout(timeoutMs),
      });
      status = response.status;
      retryAfter = response.headers.get('Retry-After');
      proxyError = response.headers.get(FORGE_PROXY_ERROR_HEADER);
      answered = true;
      if (proxyError === null) this.sent += 1;
      text = await response.text();
    } catch (error) {
      const failure = this.networkError(error, call, timeoutMs);
      if (!answered && !failure.details.notApplied && !(failure instanceof EgressBlockedError))
        this.sent += 1;
      return { ok: false, status: undefined, sent: !failure.details.notApplied, error: failure };
    }
    if (status >= 200 && status < 300) return this.parseJson(text, call, status);
    const error = failureFromResponse(
      {
        method,
        path: `${path}${encodeQuery(query, encodeKey)}`,
        status,
        body: this.redact(text),
        retryAfter,
        proxyError,
      },
      {
        organizationId: this.organizationId,
        baseUrl: this.baseUrl,
        nowMs: (this.options.now ?? Date.now)(),
        random: this.options.random ?? Math.random,
      },
    );
    return { ok: false, status, sent: true, error };
  }

  private parseJson(text: string, call: string, status: number): Attempt {
    if (text.trim() === '') return { ok: true, json: null };
    try {
      const json: unknown = JSON.parse(text);
      return { ok: true, json };
    } catch {
      const start = this.redact(text.trim().slice(0, 80));
      const message =
        `TeamSupport answered ${call} with a body that is not JSON (it starts with ${JSON.stringify(start)}): ` +
        `check that ${this.baseUrl} is the TeamSupport server address.`;
      return {
        ok: false,
        status,
        sent: true,
        error: new IntegrationError('malformed', message, { system: SYSTEM, status }),
      };
    }
  }

  private networkError(error: unknown, call: string, timeoutMs: number): IntegrationError {
    const host = new URL(this.baseUrl).host;
    const failure = networkFailureOf(error);
    if (!failure) {
      return new IntegrationError('transient', `Could not reach TeamSupport at ${host} for ${call}.`, {
        system: SYSTEM,
      });
    }
    if (failure.name === EGRESS_ALLOWLIST_ERROR_NAME) return new EgressBlockedError(host);
    if (failure.timedOut) {
      return new IntegrationError(
        'transient',
        `TeamSupport at ${host} did not answer ${call} within ${timeoutSeconds(timeoutMs)} s.`,
        { system: SYSTEM },
      );
    }
    // Only network-level failures are worth retrying; anything else (e.g. egress not permitted) needs an admin.
    const kind = failure.name === 'TypeError' || failure.cause !== undefined ? 'transient' : 'permission';
    return new IntegrationError(
      kind,
      `Could not reach TeamSupport at ${host} for ${call}: ${this.redact(failure.reason)}`,
      {
        system: SYSTEM,
        // No connection was made, so the request never reached TeamSupport.
        ...(failure.neverSent ? { notApplied: true } : {}),
      },
    );
  }
}
