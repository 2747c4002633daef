// What the connectors' HTTP clients (connectors/teamsupport/client.ts, connectors/brevo/client.ts) share: how a
// request is run within the invocation — its timeout never outlasts the time left, and a request with too little time
// is not sent at all — how it is retried (lib/retry), how a failed fetch reads, and how secrets leave messages. What
// differs per system (authentication, wrapping, the wording of failures) stays in each client.
import { z } from 'zod';
import type { Budget } from '../lib/budget';
import { defaultRetryPolicy, type RetryPolicy } from '../lib/retry';

/** How a client runs its requests; tests replace the waits, the randomness and the clock. */
export interface RequestRunOptions {
  budget: Budget;
  /** upper bound of one request; the remaining invocation time lowers it */
  requestTimeoutMs?: number;
  retryPolicy?: RetryPolicy;
  /** how retries wait (tests pass one that advances the emulator's clock) */
  sleep?: (ms: number) => Promise<void>;
  random?: () => number;
  /** the clock the client reads answers' waits and windows on */
  now?: () => number;
  /** receives one line per retry; lines never hold a secret */
  log?: (line: string) => void;
}

export type QueryParam = readonly [name: string, value: string];

/** kept back when a request times out, so the caller can still record the failure */
const TIME_RESERVE_MS = 500;
const MIN_REQUEST_MS = 1_000;
/** Network error codes raised before a connection exists: a request that failed so was never sent. */
const NEVER_CONNECTED = new Set(['ECONNREFUSED', 'ENOTFOUND', 'EAI_AGAIN', 'EHOSTUNREACH', 'ENETUNREACH']);

/**
 * The timeout of the next request: the client's own (or `defaultMs`), cut to what the invocation has left. Too little
 * left to send one: how much was left, for the message that says it was not sent.
 */
export function requestTimeout(
  options: RequestRunOptions,
  defaultMs: number,
): { ok: true; timeoutMs: number } | { ok: false; remainingMs: number } {
  const remainingMs = options.budget.remainingMs();
  const timeoutMs = Math.min(options.requestTimeoutMs ?? defaultMs, remainingMs - TIME_RESERVE_MS);
  return timeoutMs < MIN_REQUEST_MS
    ? { ok: false, remainingMs: Math.max(0, Math.round(remainingMs)) }
    : { ok: true, timeoutMs };
}

/** The retry settings of a client (lib/retry withRetry): its budget, policy, and what tests replace. */
export function retrySettings(options: RequestRunOptions) {
  return {
    budget: options.budget,
    policy: options.retryPolicy ?? defaultRetryPolicy,
    ...(options.sleep ? { sleep: options.sleep } : {}),
    ...(options.random ? { random: options.random } : {}),
  };
}

const networkFailureSchema = z.object({
  name: z.string(),
  message: z.string(),
  cause: z.object({ code: z.string().optional(), message: z.string().optional() }).optional(),
});

/** A failed fetch as the runtime throws it; `neverSent` when no connection was made. Undefined for anything else. */
export function networkFailureOf(
  error: unknown,
):
  | (z.infer<typeof networkFailureSchema> & { timedOut: boolean; neverSent: boolean; reason: string })
  | undefined {
  const parsed = networkFailureSchema.safeParse(error);
  if (!parsed.success) return undefined;
  const { name, message, cause } = parsed.data;
  return {
    ...parsed.data,
    timedOut: name === 'TimeoutError' || name === 'AbortError',
    neverSent: cause?.code !== undefined && NEVER_CONNECTED.has(cause.code),
    reason: [message, cause?.code ?? cause?.message].filter(Boolean).join(': '),
  };
}

/** A timeout in seconds, to a tenth. */
export function timeoutSeconds(timeoutMs: number): number {
  return Math.round(timeoutMs / 100) / 10;
}

/** Removes every secret (of at least 4 characters) from a text: messages quote answers and network errors. */
export function redactSecrets(secrets: readonly string[], text: string): string {
  return secrets
    .filter((secret) => secret.length >= 4)
    .reduce((out, secret) => out.split(secret).join('***'), text);
}

/** `?a=1&b=2` (nothing for no parameters); `encodeKey` encodes the names, where a system wants some characters kept. */
export function encodeQuery(
  query: readonly QueryParam[],
  encodeKey: (key: string) => string = encodeURIComponent,
): string {
  const pairs = query.map(([key, value]) => `${encodeKey(key)}=${encodeURIComponent(value)}`);
  return pairs.length === 0 ? '' : `?${pairs.join('&')}`;
}
