// Retries transient and rate-limited failures with exponential back-off and full jitter, honouring the other side's
// Retry-After, but only while the invocation's time budget allows the wait plus a safety margin. When it does not, the
// failure is rethrown so the caller can hand the work over (InvocationError, next cycle) instead of being killed mid-write.
import type { Budget } from './budget';
import { IntegrationError } from './errors';

export interface RetryPolicy {
  maxAttempts: number;
  baseDelayMs: number;
  maxDelayMs: number;
  /** time kept in reserve after a wait for the retried call itself and the work after it */
  safetyMarginMs: number;
}

export const defaultRetryPolicy: RetryPolicy = {
  maxAttempts: 5,
  baseDelayMs: 250,
  maxDelayMs: 20_000,
  safetyMarginMs: 3_000,
};

export interface RetryOptions {
  policy?: RetryPolicy;
  budget: Budget;
  sleep?: (ms: number) => Promise<void>;
  random?: () => number;
  onRetry?: (error: IntegrationError, attempt: number, delayMs: number) => void;
  /** a further filter on retryable failures, e.g. a write whose outcome is unknown must not be repeated blindly */
  shouldRetry?: (error: IntegrationError) => boolean;
}

const realSleep = (ms: number): Promise<void> => new Promise((resolve) => setTimeout(resolve, ms));

export function backoffDelay(attempt: number, policy: RetryPolicy, random: () => number): number {
  const ceiling = Math.min(policy.maxDelayMs, policy.baseDelayMs * 2 ** (attempt - 1));
  return Math.round(random() * ceiling);
}

export async function withRetry<T>(
  operation: (attempt: number) => Promise<T>,
  options: RetryOptions,
): Promise<T> {
  const policy = options.policy ?? defaultRetryPolicy;
  const sleep = options.sleep ?? realSleep;
  const random = options.random ?? Math.random;
  for (let attempt = 1; ; attempt++) {
    try {
      return await operation(attempt);
    } catch (error) {
      if (!(error instanceof IntegrationError) || !error.retryable || attempt >= policy.maxAttempts)
        throw error;
      if (options.shouldRetry && !options.shouldRetry(error)) throw error;
      const delayMs = error.details.retryAfterMs ?? backoffDelay(attempt, policy, random);
      if (delayMs + policy.safetyMarginMs > options.budget.remainingMs()) throw error;
      options.onRetry?.(error, attempt, delayMs);
      await sleep(delayMs);
    }
  }
}

/** Retry-After as milliseconds: delta-seconds or an HTTP date (RFC 9110 §10.2.3); undefined when absent or unreadable. */
export function parseRetryAfterMs(header: string | null, now: number = Date.now()): number | undefined {
  if (!header) return undefined;
  const trimmed = header.trim();
  if (/^\d+$/.test(trimmed)) return Number(trimmed) * 1000;
  const date = Date.parse(trimmed);
  return Number.isNaN(date) ? undefined : Math.max(0, date - now);
}
