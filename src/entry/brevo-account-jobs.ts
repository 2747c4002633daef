// The queue side of work for a whole Brevo account (team capacity, backfill): how its jobs go on the outbound queue,
// one at a time per account, and how the consumer runs them, putting a long job's continuation back on the queue.
import { randomUUID } from 'node:crypto';
import { Queue } from '@forge/events';
import { describeError } from '../lib/errors';
import { logger } from '../lib/logger';
import type { BackfillAdminDeps } from '../sync/admin/brevo-backfill';
import type { AdminDeps } from '../sync/admin/deps';
import { runBackfillStep } from '../sync/brevo/backfill';
import { runCapacityStep } from '../sync/brevo/capacity';
import { OUTBOUND_QUEUE, type BrevoAccountJob } from '../sync/jobs';
import { brevoDeps, platform } from './compose';

const outbound = new Queue({ key: OUTBOUND_QUEUE });

/**
 * A job of an account is given up sooner than an issue's (about 45 minutes of back-off): a backfill is then marked
 * failed for the admin to resume, and a day's capacity is computed afresh the next day.
 */
export const ACCOUNT_JOB_MAX_RETRIES = 7;

/** The same concurrency key as the account's issue jobs (entry/triggers.ts): one Brevo job at a time per account. */
export async function queueBrevoAccountJob(job: BrevoAccountJob): Promise<void> {
  await outbound.push([{ body: job, concurrency: { key: `brevo-${job.accountId}`, limit: 1 } }]);
}

export type AccountJobResult =
  { status: 'done' } | { status: 'retry'; reason: string; retryAfterMs?: number };

export async function runBrevoAccountJob(
  job: BrevoAccountJob,
  options: { finalAttempt: boolean },
): Promise<AccountJobResult> {
  const p = platform();
  const deps = { ...brevoDeps(p), budget: p.budget, now: () => new Date() };
  let next: BrevoAccountJob;
  if (job.kind === 'brevo-capacity') {
    const step = await runCapacityStep(deps, job, options);
    if (step.status !== 'continue') return step;
    next = step.job;
  } else {
    const step = await runBackfillStep({ ...deps, backfills: p.store.backfills }, job, options);
    if (step.status !== 'continue') return step;
    // The resume point is in storage: the next job is this same job.
    next = job;
  }
  try {
    await queueBrevoAccountJob(next);
  } catch (error) {
    // This job is tried again instead: a backfill goes on from its resume point, capacity repeats its reads.
    return { status: 'retry', reason: `the next part could not be queued: ${describeError(error)}` };
  }
  logger.info('A Brevo account job continues in the next queue job', {
    accountId: job.accountId,
    kind: job.kind,
  });
  return { status: 'done' };
}

/** The admin page's ports for the backfill resolvers, beside the page's own. */
export function withBackfill(deps: AdminDeps): BackfillAdminDeps {
  return {
    ...deps,
    backfills: platform().store.backfills,
    queueBackfill: queueBrevoAccountJob,
    newRunId: () => randomUUID(),
  };
}
