// Queue consumers: parse the async event, run one use case, and ask the platform for a retry when the use case
// says so. Retries back off up to 15 minutes; after MAX_RETRIES the use case logs what could not be done instead.
import { InvocationError, InvocationErrorCode } from '@forge/events';
import { z } from 'zod';
import { logger } from '../lib/logger';
import { brevoAccountJobSchema, inboundJobSchema, outboundJobSchema } from '../sync/jobs';
import { executeInbound } from '../sync/inbound/execute';
import { executeOutbound } from '../sync/outbound/execute';
import { sendBrevoEvents } from '../sync/brevo/send-events';
import { ACCOUNT_JOB_MAX_RETRIES, runBrevoAccountJob, type AccountJobResult } from './brevo-account-jobs';
import { brevoDeps, flushUsage, inboundDeps, outboundDeps } from './compose';
import { forgeJobQueues } from './job-queues';
import { milestoneJobSchema } from '../sync/milestones/jobs';
import { milestoneWorker, runReleaseNote } from './milestone-jobs';
import { linksRepairJobSchema } from '../sync/links-repair/jobs';
import { linksRepairWorker } from './links-repair';

const asyncEventSchema = z.looseObject({
  body: z.unknown(),
  eventId: z.string().optional(),
  retryContext: z.looseObject({ retryCount: z.number().int().min(0) }).optional(),
});

// About 6 hours of back-off (30 s doubling to 15 min); the platform would keep an event for 24 h.
const MAX_RETRIES = 28;
// A ticket or action retried on its own is given up (with an error and Retry) sooner: about 45 minutes.
const MAX_ITEM_RETRIES = 7;

export function retryAfterSeconds(retryCount: number): number {
  return Math.min(900, 30 * 2 ** Math.min(retryCount, 5));
}

/** Team capacity and backfill: work for a whole Brevo account, on the same queue as its issue jobs. */
async function brevoAccountWorker(
  result: (finalAttempt: boolean) => Promise<AccountJobResult>,
  retryCount: number,
): Promise<InvocationError | undefined> {
  const finalAttempt = retryCount >= ACCOUNT_JOB_MAX_RETRIES;
  const outcome = await result(finalAttempt);
  if (outcome.status === 'done' || finalAttempt) return undefined;
  const waitSeconds = outcome.retryAfterMs === undefined ? 0 : outcome.retryAfterMs / 1000;
  return new InvocationError({
    retryAfter: Math.min(900, Math.max(retryAfterSeconds(retryCount), Math.ceil(waitSeconds))),
    retryReason:
      waitSeconds > 0
        ? InvocationErrorCode.FUNCTION_UPSTREAM_RATE_LIMITED
        : InvocationErrorCode.FUNCTION_RETRY_REQUEST,
  });
}

async function runOutbound(rawEvent: unknown): Promise<InvocationError | undefined> {
  const event = asyncEventSchema.safeParse(rawEvent);
  const accountJob = brevoAccountJobSchema.safeParse(event.success ? event.data.body : undefined);
  if (event.success && accountJob.success) {
    return brevoAccountWorker(
      (finalAttempt) => runBrevoAccountJob(accountJob.data, { finalAttempt }),
      event.data.retryContext?.retryCount ?? 0,
    );
  }
  // The links-property repair: pages of issues and links, each job resuming from the run's stored point.
  const repairJob = linksRepairJobSchema.safeParse(event.success ? event.data.body : undefined);
  if (event.success && repairJob.success) {
    return linksRepairWorker(repairJob.data, event.data.retryContext?.retryCount ?? 0);
  }
  // Releases and sprints: pages of a milestone's issues, for tickets or a Brevo account (sync/milestones).
  const milestoneJob = milestoneJobSchema.safeParse(event.success ? event.data.body : undefined);
  if (event.success && milestoneJob.success) {
    return milestoneWorker(milestoneJob.data, event.data.retryContext?.retryCount ?? 0);
  }
  const job = outboundJobSchema.safeParse(event.success ? event.data.body : undefined);
  if (!event.success || !job.success) {
    logger.error('Dropped an outbound queue event the app cannot read', { eventId: event.data?.eventId });
    return undefined;
  }
  const retryCount = event.data.retryContext?.retryCount ?? 0;
  const finalAttempt = retryCount >= MAX_RETRIES;
  const result =
    job.data.kind === 'brevo'
      ? await sendBrevoEvents(brevoDeps(), job.data, { finalAttempt })
      : job.data.kind === 'release-note'
        ? await runReleaseNote(job.data, { finalAttempt })
        : await executeOutbound(outboundDeps(), job.data, { finalAttempt });
  // On the last attempt every target has been logged with Retry: nothing is left for a dead letter.
  if (result.status === 'done' || finalAttempt) return undefined;
  logger.info('Outbound job will be retried', {
    issueId: job.data.issueId,
    reason: result.reason,
    retryCount,
  });
  // A sink's own wait (e.g. Brevo's rate-limit reset) is honoured when it is longer than the back-off.
  const waitSeconds =
    'retryAfterMs' in result && result.retryAfterMs !== undefined ? result.retryAfterMs / 1000 : 0;
  const rateLimited = waitSeconds > 0;
  return new InvocationError({
    retryAfter: Math.min(900, Math.max(retryAfterSeconds(retryCount), Math.ceil(waitSeconds))),
    retryReason: rateLimited
      ? InvocationErrorCode.FUNCTION_UPSTREAM_RATE_LIMITED
      : InvocationErrorCode.FUNCTION_RETRY_REQUEST,
  });
}

async function runInbound(rawEvent: unknown): Promise<InvocationError | undefined> {
  const event = asyncEventSchema.safeParse(rawEvent);
  const job = inboundJobSchema.safeParse(event.success ? event.data.body : undefined);
  if (!event.success || !job.success) {
    logger.error('Dropped an inbound queue event the app cannot read', { eventId: event.data?.eventId });
    return undefined;
  }
  const retryCount = event.data.retryContext?.retryCount ?? 0;
  const finalAttempt = retryCount >= MAX_ITEM_RETRIES;
  const result = await executeInbound(inboundDeps(), job.data, { finalAttempt });
  if (result.status === 'handover') await forgeJobQueues.continuePull(job.data.instanceId);
  // A pull that meets a transient failure resumes from its cursor in the next scheduled cycle; single items retry here
  // and log themselves as given up on their final attempt.
  if (result.status !== 'retry' || job.data.kind === 'pull' || finalAttempt) return undefined;
  return new InvocationError({
    retryAfter: retryAfterSeconds(retryCount),
    retryReason: InvocationErrorCode.FUNCTION_RETRY_REQUEST,
  });
}

// Each job's TeamSupport requests count towards the instance's daily limit: one record write per instance used, when
// the job ends however it ends (entry/compose.ts).
export async function outboundWorker(rawEvent: unknown): Promise<InvocationError | undefined> {
  try {
    return await runOutbound(rawEvent);
  } finally {
    await flushUsage();
  }
}

export async function inboundWorker(rawEvent: unknown): Promise<InvocationError | undefined> {
  try {
    return await runInbound(rawEvent);
  } finally {
    await flushUsage();
  }
}
