// How every Brevo job of an account runs (issue activity, milestones, capacity): open the account's event sink, do
// the work, record the success for the admin's status; a transient failure comes back as a retry at the time Brevo
// asked for (Retry-After or x-sib-ratelimit-reset), and on the final attempt — like any other failure — it is handed
// to the flow to log in its own words (invariant 4, docs/architecture.md), never dropped.
import { IntegrationError } from '../../lib/errors';
import { JOB_DONE, retryAfter, type JobResult } from '../job-result';
import type { BrevoStatsStore } from '../ports/brevo-stats-store';
import type { EventSink } from '../ports/event-sink';
import type { BrevoAccountSettings } from './deps';
import { recordBrevoSuccess } from './stats';

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
): Promise<T | JobResult> {
  try {
    const sink = await deps.openEventSink(account);
    if (!sink) {
      await steps.noKey();
      return JOB_DONE;
    }
    const result = await steps.work(sink);
    // Once per job, for the admin's status: this job succeeded, and the quota Brevo reported to it.
    await recordBrevoSuccess(deps, account.id, sink);
    return result;
  } catch (error) {
    const transient = error instanceof IntegrationError && error.retryable;
    if (transient && !finalAttempt) return retryAfter(error);
    await steps.failed(error, transient);
    return JOB_DONE;
  }
}
