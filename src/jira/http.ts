// One way to call Jira: as the app or as the calling user, with every failure classified (lib/errors) and transient
// ones retried within the invocation's time budget, honouring Retry-After and RateLimit-Reason
// (https://developer.atlassian.com/cloud/jira/platform/rate-limiting/). A write that is not idempotent (creating a
// comment or an issue) is never repeated once it may have reached Jira: the caller looks for it first (sync/copy-once).
import api, { NeedsAuthenticationError, type APIResponse, type Route } from '@forge/api';
import type { Budget } from '../lib/budget';
import { IntegrationError, mayHaveApplied, type FailureKind } from '../lib/errors';
import { parseRetryAfterMs, withRetry, type RetryPolicy } from '../lib/retry';

export type JiraActor = 'app' | 'user';

export interface JiraHttpOptions {
  budget: Budget;
  policy?: RetryPolicy;
}

interface JiraErrorBody {
  errorMessages?: unknown;
  errors?: unknown;
}

function jiraErrorText(body: JiraErrorBody | undefined): string {
  if (!body) return '';
  const messages = Array.isArray(body.errorMessages)
    ? body.errorMessages.filter((m) => typeof m === 'string')
    : [];
  const fieldErrors =
    typeof body.errors === 'object' && body.errors !== null
      ? Object.entries(body.errors).map(([field, message]) => `${field}: ${String(message)}`)
      : [];
  return [...messages, ...fieldErrors].join('; ');
}

function kindForStatus(status: number): FailureKind {
  if (status === 401) return 'auth';
  if (status === 403) return 'permission';
  if (status === 404) return 'not-found';
  if (status === 409) return 'conflict';
  if (status === 429) return 'rate-limited';
  if (status >= 500) return 'transient';
  return 'validation';
}

async function readErrorBody(response: APIResponse): Promise<JiraErrorBody | undefined> {
  try {
    const parsed: unknown = JSON.parse(await response.text());
    return typeof parsed === 'object' && parsed !== null ? parsed : undefined;
  } catch {
    return undefined;
  }
}

export class JiraHttp {
  constructor(private readonly options: JiraHttpOptions) {}

  /**
   * Sends one request and returns the parsed JSON body (undefined for 204 / empty bodies). POST is taken as a write
   * that must not happen twice unless `idempotent` says otherwise (searches, upserts by a global id): it is retried
   * only when Jira provably did not apply it (429, or not sent at all).
   */
  async request(
    actor: JiraActor,
    path: Route,
    init: { method?: string; body?: unknown; idempotent?: boolean } = {},
  ): Promise<unknown> {
    const idempotent = init.idempotent ?? (init.method ?? 'GET').toUpperCase() !== 'POST';
    return withRetry(() => this.once(actor, path, init), {
      budget: this.options.budget,
      ...(this.options.policy ? { policy: this.options.policy } : {}),
      ...(idempotent ? {} : { shouldRetry: (error: IntegrationError) => !mayHaveApplied(error) }),
    });
  }

  private async once(
    actor: JiraActor,
    path: Route,
    init: { method?: string; body?: unknown },
  ): Promise<unknown> {
    const method = (init.method ?? 'GET').toUpperCase();
    // A read changes nothing, so whatever happened to it, nothing needs to be looked for.
    const isRead = method === 'GET';
    const requester = actor === 'app' ? api.asApp() : api.asUser();
    let response: APIResponse;
    try {
      response = await requester.requestJira(path, {
        method: init.method ?? 'GET',
        headers: {
          Accept: 'application/json',
          ...(init.body !== undefined ? { 'Content-Type': 'application/json' } : {}),
        },
        ...(init.body !== undefined ? { body: JSON.stringify(init.body) } : {}),
      });
    } catch (error) {
      if (error instanceof NeedsAuthenticationError) {
        throw new IntegrationError('auth', 'There is no Jira user to act for in this invocation', {
          system: 'jira',
        });
      }
      throw new IntegrationError(
        'transient',
        `Jira could not be reached: ${error instanceof Error ? error.message : 'network error'}`,
        { system: 'jira', ...(isRead ? { notApplied: true } : {}) },
      );
    }
    if (response.ok) {
      const text = await response.text();
      if (text.length === 0) return undefined;
      try {
        return JSON.parse(text);
      } catch {
        // An unreadable success: a write behind it happened, so its outcome is unknown rather than failed.
        throw new IntegrationError(
          'malformed',
          `Jira answered ${method} ${path.value.split('?')[0] ?? ''} with a body that is not JSON`,
          { system: 'jira', status: response.status, ...(isRead ? { notApplied: true } : {}) },
        );
      }
    }
    const kind = kindForStatus(response.status);
    const reason = response.headers.get('RateLimit-Reason');
    const retryAfterMs = parseRetryAfterMs(response.headers.get('Retry-After'));
    const detail = jiraErrorText(await readErrorBody(response));
    const message = `Jira answered ${method} ${path.value.split('?')[0] ?? ''} with ${response.status}${reason ? ` (${reason})` : ''}${detail ? `: ${detail}` : ''}`;
    throw new IntegrationError(kind, message, {
      system: 'jira',
      status: response.status,
      ...(detail ? { detail } : {}),
      ...(retryAfterMs !== undefined ? { retryAfterMs } : {}),
      ...(isRead ? { notApplied: true } : {}),
    });
  }
}
