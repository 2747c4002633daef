// Every queue push of the app goes through here: the JobQueues port (sync/ports/job-queues.ts) over @forge/events,
// and the one place that decides, by the kind of job, the queue it goes on and the concurrency key it holds (one job
// at a time per key: https://developer.atlassian.com/platform/forge/runtime-reference/async-events-api/).
import { Queue, type PushEvent } from '@forge/events';
import { describeError } from '../lib/errors';
import { logger } from '../lib/logger';
import type { JobResult, JobStep } from '../sync/job-result';
import { INBOUND_QUEUE, OUTBOUND_QUEUE, type QueueJob } from '../sync/jobs/queue';
import type { JobQueues } from '../sync/ports/job-queues';

type QueueKey = typeof OUTBOUND_QUEUE | typeof INBOUND_QUEUE;

const queues: Record<QueueKey, Queue> = {
  [OUTBOUND_QUEUE]: new Queue({ key: OUTBOUND_QUEUE }),
  [INBOUND_QUEUE]: new Queue({ key: INBOUND_QUEUE }),
};

/** Where a job goes, and the key of the jobs it runs one at a time with (none: it runs beside any other). */
export function placementOf(job: QueueJob): { queue: QueueKey; key?: string } {
  switch (job.kind) {
    // Writes to an issue's tickets in order and within Jira's per-issue limits, retries and release notes included.
    case 'comment':
    case 'issue-updated':
    case 'issue-deleted':
    case 'release-note':
      return { queue: OUTBOUND_QUEUE, key: `issue-${job.issueId}` };
    // All of a Brevo account's traffic, event by event or for the whole account, one job at a time: a burst of
    // events stays within Brevo's request rate.
    case 'brevo':
    case 'brevo-capacity':
    case 'brevo-backfill':
    case 'milestone-brevo':
      return { queue: OUTBOUND_QUEUE, key: `brevo-${job.accountId}` };
    // A release's pages, and a repair walk's, follow one another.
    case 'release-tickets':
      return { queue: OUTBOUND_QUEUE, key: `release-${job.version.id}` };
    case 'links-property-repair':
      return { queue: OUTBOUND_QUEUE, key: `links-repair-${job.walk}` };
    // A pull's pages are done in order, from its cursor: one continuation at a time per instance.
    case 'pull':
      return { queue: INBOUND_QUEUE, key: `pull-${job.instanceId}` };
    // One ticket or action, or a hot ticket's check: the mirror ledger keeps them exact in any order.
    case 'retry-ticket':
    case 'retry-action':
    case 'check-ticket':
      return { queue: INBOUND_QUEUE };
  }
}

/** Puts jobs on their queues, one push per queue; `delaySeconds` holds them back. */
export async function pushJobs(jobs: readonly QueueJob[], delaySeconds?: number): Promise<void> {
  const byQueue = new Map<QueueKey, PushEvent[]>();
  for (const job of jobs) {
    const { queue, key } = placementOf(job);
    const events = byQueue.get(queue) ?? [];
    events.push({
      body: job,
      ...(key === undefined ? {} : { concurrency: { key, limit: 1 } }),
      ...(delaySeconds === undefined ? {} : { delayInSeconds: delaySeconds }),
    });
    byQueue.set(queue, events);
  }
  for (const [queue, events] of byQueue) await queues[queue].push(events);
}

/**
 * Puts a step's next part on the queue: the job it names, or this same job again (its point is in storage). A part
 * that cannot be queued makes this job come back instead, and it goes on from the same point.
 */
export async function continueJob(job: QueueJob, step: JobStep<QueueJob>): Promise<JobResult> {
  if (step.status !== 'continue') return step;
  try {
    await pushJobs([step.next ?? job]);
  } catch (error) {
    const reason = `the next part could not be queued: ${describeError(error)}`;
    logger.warn('A queue job could not hand over to the next one', { kind: job.kind, reason });
    return { status: 'retry', reason };
  }
  logger.info('A queue job continues in the next one', { kind: job.kind });
  return { status: 'done' };
}

export const forgeJobQueues: JobQueues = {
  pushOutbound: (...jobs) => pushJobs(jobs),
  pushAccountJob: (job) => pushJobs([job]),
  pushMilestoneJobs: (...jobs) => pushJobs(jobs),
  pushRepairJob: (job) => pushJobs([job]),
  pushInbound: (job, options = {}) => pushJobs([job], options.delaySeconds),
  continuePull: (instanceId) => pushJobs([{ kind: 'pull', instanceId }]),
  pushRetry: (retry) => pushJobs([retry.payload]),
};
