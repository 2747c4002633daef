// The queue side of work for a whole Brevo account (team capacity, backfill): the ports its steps run with, and the
// admin page's ports for starting and resuming a backfill. Its jobs go on the outbound queue one at a time per account
// (entry/job-queues.ts); a step that runs short of time continues in the next job.
import { randomUUID } from 'node:crypto';
import type { BackfillAdminDeps } from '../sync/admin/brevo-backfill';
import type { AdminDeps } from '../sync/admin/deps';
import { runBackfillStep } from '../sync/brevo/backfill';
import { runCapacityStep } from '../sync/brevo/capacity';
import type { JobResult } from '../sync/job-result';
import type { BrevoAccountJob } from '../sync/jobs/brevo-account';
import { brevoDeps, platform } from './compose';
import { continueJob } from './job-queues';

export async function runBrevoAccountJob(
  job: BrevoAccountJob,
  options: { finalAttempt: boolean },
): Promise<JobResult> {
  const p = platform();
  const deps = { ...brevoDeps(p), budget: p.budget, now: () => new Date() };
  const step =
    job.kind === 'brevo-capacity'
      ? await runCapacityStep(deps, job, options)
      : await runBackfillStep({ ...deps, backfills: p.store.backfills }, job, options);
  return continueJob(job, step);
}

/** The admin page's ports for the backfill resolvers, beside the page's own. */
export function withBackfill(deps: AdminDeps): BackfillAdminDeps {
  return {
    ...deps,
    backfills: platform().store.backfills,
    newRunId: () => randomUUID(),
  };
}
