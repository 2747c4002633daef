// How one queue job ended, in the words every job family answers in, so that one consumer settles them all alike
// (entry/consumers.ts): done (with nothing to do, say why), to be delivered again later, at the time a remote system
// asked for when it said, or — for a job that works in steps — to go on in the next job.
import type { ItemStatus } from '../domain/item-outcome';
import { describeError, type IntegrationError } from '../lib/errors';

export type JobResult =
  | { status: 'done' }
  /** nothing to do; why, for the logs */
  | { status: 'skipped'; reason: string }
  /** the queue brings the job back; `retryAfterMs` when the remote system said how long to wait */
  | { status: 'retry'; reason: string; retryAfterMs?: number };

/**
 * A step of a job that runs in parts: on `continue` the next part goes on the queue, `next` when the job says where
 * it goes on, else the same job again (its point is in storage).
 */
export type JobStep<Next> = JobResult | { status: 'continue'; next?: Next };

export const JOB_DONE: JobResult = { status: 'done' };

/** Why a job whose items met a transient failure comes back. */
export const TRY_AGAIN_LATER = 'a ticket system or Jira asked us to try again later';

/** A retryable failure as a retry, at the time the remote system asked for (a 429's reset), when it said. */
export function retryAfter(error: IntegrationError): JobResult {
  const retryAfterMs = error.details.retryAfterMs;
  return {
    status: 'retry',
    reason: describeError(error),
    ...(retryAfterMs === undefined ? {} : { retryAfterMs }),
  };
}

/**
 * The result of a job that reached several items: it comes back as a whole when any item's failure was transient
 * (the mirror ledger keeps the retry from writing anything twice); failed items were logged with their own Retry.
 */
export function resultOfItems(statuses: readonly ItemStatus[]): JobResult {
  return statuses.includes('transient') ? { status: 'retry', reason: TRY_AGAIN_LATER } : JOB_DONE;
}
