// How every Brevo job of an account runs (issue activity, milestones, capacity): open the account's event sink, do
// the work, record the success for the admin's status; a transient failure comes back as a retry at the time Brevo
// asked for (Retry-After or x-sib-ratelimit-reset), and on the final attempt — like any other failure — it is handed
// to the flow to log in its own words (invariant 4, docs/architecture.md), never dropped.
import { describeError, IntegrationError } from '../../lib/errors';
import type { BrevoStatsStore, EventSink } from '../ports';
import type { BrevoAccountSettings } from './deps';
import { recordBrevoSuccess } from './stats';

export interface SinkRetry {
  status: 'retry';
  reason: string;
  retryAfterMs?: number;
}

export interface SinkSteps<T> {
  work(sink: EventSink): Promise<T>;
  /** the account has no API key: log it (nothing is retried, the admin must act) */
  noKey(): Promise<unknown>;
  /** the work failed for good (`gaveUp`: it was transient, but this was the last attempt) */
  failed(error: unknown, gaveUp: boolean): Promise<unknown>;
}

export async function withSink<T>(
  deps: {
    stats: BrevoStatsStore;
    openEventSink(account: BrevoAccountSettings): Promise<EventSink | undefined>;
  },
  account: BrevoAccountSettings,
  finalAttempt: boolean,
  steps: SinkSteps<T>,
): Promise<T | { status: 'done' } | SinkRetry> {
  try {
    const sink = await deps.openEventSink(account);
    if (!sink) {
      await steps.noKey();
      return { status: 'done' };
    }
    const result = await steps.work(sink);
    // Once per job, for the admin's status: this job succeeded, and the quota Brevo reported to it.
    await recordBrevoSuccess(deps, account.id, sink);
    return result;
  } catch (error) {
    const transient = error instanceof IntegrationError && error.retryable;
    if (transient && !finalAttempt) {
      const retryAfterMs = error.details.retryAfterMs;
      return {
        status: 'retry',
        reason: describeError(error),
        ...(retryAfterMs === undefined ? {} : { retryAfterMs }),
      };
    }
    await steps.failed(error, transient);
    return { status: 'done' };
  }
}
