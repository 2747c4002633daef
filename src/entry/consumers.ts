// Queue consumers: parse the async event and its job — one union of every job family of both queues
// (sync/jobs/queue.ts) — run the job's use case, and settle what it answers (sync/job-result.ts) alike for every
// family: done, or a retry with back-off. After a family's last attempt the use case logs what could not be done
// instead of retrying (invariant 4). A job that parses as nothing can never succeed: it is logged and acknowledged.
import { InvocationError, InvocationErrorCode } from '@forge/events';
import { z } from 'zod';
import { logger } from '../lib/logger';
import { sendBrevoEvents } from '../sync/brevo/send-events';
import { executeInbound } from '../sync/inbound/execute';
import type { JobResult } from '../sync/job-result';
import { INBOUND_QUEUE, OUTBOUND_QUEUE, type QueueJob, queueJobSchema } from '../sync/jobs/queue';
import { executeOutbound } from '../sync/outbound/execute';
import { runBrevoAccountJob } from './brevo-account-jobs';
import { brevoDeps, flushUsage, inboundDeps, outboundDeps } from './compose';
import { continueJob } from './job-queues';
import { runLinksRepairStep } from './links-repair';
import { runMilestoneJob, runReleaseNote } from './milestone-jobs';

const asyncEventSchema = z.looseObject({
  body: z.unknown(),
  eventId: z.string().optional(),
  retryContext: z.looseObject({ retryCount: z.number().int().min(0) }).optional(),
});

/**
 * About 6 hours of back-off (30 s doubling to 15 min): an issue's jobs and a milestone's pages. The platform would keep
 * an event for 24 h.
 */
const LONG_RETRIES = 28;
/**
 * About 45 minutes: a ticket or action retried on its own (then given up with an error and Retry), work for a whole
 * Brevo account (a backfill is marked failed for the admin to resume; a day's capacity is computed afresh the next
 * day) and a repair run (the next day's starts afresh).
 */
const SHORT_RETRIES = 7;
/** A pull is never retried: a transient failure resumes from its cursor in the next scheduled cycle. */
const NO_RETRIES = 0;

/** The platform's wait before the next delivery: 30 s doubling to 15 minutes, or longer when a remote system asked. */
function retryLater(retryCount: number, waitMs = 0): InvocationError {
  const backOff = Math.min(900, 30 * 2 ** Math.min(retryCount, 5));
  return new InvocationError({
    retryAfter: Math.min(900, Math.max(backOff, Math.ceil(waitMs / 1000))),
    retryReason:
      waitMs > 0
        ? InvocationErrorCode.FUNCTION_UPSTREAM_RATE_LIMITED
        : InvocationErrorCode.FUNCTION_RETRY_REQUEST,
  });
}

/**
 * Runs a job's use case and settles its answer: a retry comes back with back-off until the family's last attempt, on
 * which every failure has been logged and nothing is left for a dead letter.
 */
async function settle(
  job: QueueJob,
  retryCount: number,
  maxRetries: number,
  run: (finalAttempt: boolean) => Promise<JobResult>,
): Promise<InvocationError | undefined> {
  const finalAttempt = retryCount >= maxRetries;
  const result = await run(finalAttempt);
  if (result.status !== 'retry' || finalAttempt) return undefined;
  logger.info('A queue job will be retried', { kind: job.kind, reason: result.reason, retryCount });
  return retryLater(retryCount, result.retryAfterMs);
}

/** One job, by its kind. */
function runJob(job: QueueJob, retryCount: number): Promise<InvocationError | undefined> {
  switch (job.kind) {
    case 'comment':
    case 'issue-updated':
    case 'issue-deleted':
      return settle(job, retryCount, LONG_RETRIES, (finalAttempt) =>
        executeOutbound(outboundDeps(), job, { finalAttempt }),
      );
    case 'brevo':
      return settle(job, retryCount, LONG_RETRIES, (finalAttempt) =>
        sendBrevoEvents(brevoDeps(), job, { finalAttempt }),
      );
    case 'release-note':
      return settle(job, retryCount, LONG_RETRIES, (finalAttempt) => runReleaseNote(job, { finalAttempt }));
    case 'release-tickets':
    case 'milestone-brevo':
      return settle(job, retryCount, LONG_RETRIES, (finalAttempt) => runMilestoneJob(job, { finalAttempt }));
    case 'brevo-capacity':
    case 'brevo-backfill':
      return settle(job, retryCount, SHORT_RETRIES, (finalAttempt) =>
        runBrevoAccountJob(job, { finalAttempt }),
      );
    case 'links-property-repair':
      return settle(job, retryCount, SHORT_RETRIES, (finalAttempt) =>
        runLinksRepairStep(job, { finalAttempt }),
      );
    case 'pull':
      return settle(job, retryCount, NO_RETRIES, async () =>
        continueJob(job, await executeInbound(inboundDeps(), job)),
      );
    case 'retry-ticket':
    case 'retry-action':
    case 'check-ticket':
      return settle(job, retryCount, SHORT_RETRIES, async (finalAttempt) =>
        continueJob(job, await executeInbound(inboundDeps(), job, { finalAttempt })),
      );
  }
}

// Each job's TeamSupport requests count towards the instance's daily limit: one record write per instance used, when
// the job ends however it ends (entry/compose.ts).
async function consume(queue: string, rawEvent: unknown): Promise<InvocationError | undefined> {
  try {
    const event = asyncEventSchema.safeParse(rawEvent);
    const job = queueJobSchema.safeParse(event.success ? event.data.body : undefined);
    if (!event.success || !job.success) {
      logger.error(`Dropped an event of the ${queue} queue the app cannot read`, {
        eventId: event.data?.eventId,
      });
      return undefined;
    }
    return await runJob(job.data, event.data.retryContext?.retryCount ?? 0);
  } finally {
    await flushUsage();
  }
}

export function outboundWorker(rawEvent: unknown): Promise<InvocationError | undefined> {
  return consume(OUTBOUND_QUEUE, rawEvent);
}

export function inboundWorker(rawEvent: unknown): Promise<InvocationError | undefined> {
  return consume(INBOUND_QUEUE, rawEvent);
}
