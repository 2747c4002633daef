// The queue side of milestones (docs/product.md, "Releases and sprints"): how their jobs go on the outbound queue
// (one at a time per version for tickets, per account for Brevo), the ports their use cases get, and how the consumer
// runs them and asks the platform for a retry.
import { InvocationError, InvocationErrorCode, Queue } from '@forge/events';
import { logger } from '../lib/logger';
import { runMilestoneBrevo } from '../sync/milestones/brevo-milestone';
import type {
  MilestoneBrevoDeps,
  MilestoneQueue,
  MilestoneResult,
  ReleaseDeps,
} from '../sync/milestones/deps';
import { milestoneConcurrencyKey, type MilestoneJob, type ReleaseNoteJob } from '../sync/milestones/jobs';
import { announceReleaseNote, announceReleasePage } from '../sync/milestones/release-tickets';
import { OUTBOUND_QUEUE } from '../sync/jobs';
import { brevoDeps, outboundDeps, platform, type Platform } from './compose';

const outbound = new Queue({ key: OUTBOUND_QUEUE });

/** About 6 hours of back-off, as for issue jobs (entry/consumers.ts): a page stuck on a failure holds up the rest. */
export const MILESTONE_JOB_MAX_RETRIES = 28;
// 50 issues per page (Jira's default page of the enhanced search); a page's notes are written 8 at a time per issue.
const PAGE_SIZE = 50;
// An issue's work (a note and a status move on each of its tickets) or a contact's (a user read, an upsert, an event)
// finishes well within this; with less time left the job hands over to a new one.
const HANDOVER_MARGIN_MS = 30_000;

export async function queueMilestoneJobs(jobs: readonly MilestoneJob[]): Promise<void> {
  if (jobs.length === 0) return;
  await outbound.push(
    jobs.map((job) => ({ body: job, concurrency: { key: milestoneConcurrencyKey(job), limit: 1 } })),
  );
}

const milestoneQueue: MilestoneQueue = { push: (job) => queueMilestoneJobs([job]) };

function releaseDeps(p: Platform): ReleaseDeps {
  return {
    ...outboundDeps(p),
    budget: p.budget,
    queue: milestoneQueue,
    pageSize: PAGE_SIZE,
    handoverMarginMs: HANDOVER_MARGIN_MS,
  };
}

function milestoneBrevoDeps(p: Platform): MilestoneBrevoDeps {
  return {
    ...brevoDeps(p),
    budget: p.budget,
    queue: milestoneQueue,
    config: p.store.config,
    contacts: p.store.milestoneContacts,
    pageSize: PAGE_SIZE,
    handoverMarginMs: HANDOVER_MARGIN_MS,
  };
}

function retryAfterSeconds(retryCount: number, waitMs: number | undefined): number {
  const backOff = Math.min(900, 30 * 2 ** Math.min(retryCount, 5));
  return Math.min(900, Math.max(backOff, Math.ceil((waitMs ?? 0) / 1000)));
}

async function settle(
  run: (finalAttempt: boolean) => Promise<MilestoneResult>,
  retryCount: number,
  what: Record<string, string>,
): Promise<InvocationError | undefined> {
  const finalAttempt = retryCount >= MILESTONE_JOB_MAX_RETRIES;
  const result = await run(finalAttempt);
  // On the last attempt every failure has been logged: nothing is left for a dead letter.
  if (result.status === 'done' || finalAttempt) return undefined;
  logger.info('Milestone job will be retried', { ...what, reason: result.reason, retryCount });
  const waitMs = 'retryAfterMs' in result ? result.retryAfterMs : undefined;
  return new InvocationError({
    retryAfter: retryAfterSeconds(retryCount, waitMs),
    retryReason:
      waitMs !== undefined && waitMs > 0
        ? InvocationErrorCode.FUNCTION_UPSTREAM_RATE_LIMITED
        : InvocationErrorCode.FUNCTION_RETRY_REQUEST,
  });
}

/** Runs one milestone job from the outbound queue. */
export async function milestoneWorker(
  job: MilestoneJob,
  retryCount: number,
): Promise<InvocationError | undefined> {
  const p = platform();
  if (job.kind === 'release-tickets') {
    return settle((finalAttempt) => announceReleasePage(releaseDeps(p), job, { finalAttempt }), retryCount, {
      versionId: job.version.id,
      page: String(job.page),
    });
  }
  return settle(
    (finalAttempt) => runMilestoneBrevo(milestoneBrevoDeps(p), job, { finalAttempt }),
    retryCount,
    {
      accountId: job.accountId,
      milestone: `${job.milestone.type}-${job.milestone.id}`,
    },
  );
}

/** The admin's "Retry" of one link's release note, run as an outbound job (entry/consumers.ts). */
export function runReleaseNote(
  job: ReleaseNoteJob,
  options: { finalAttempt: boolean },
): Promise<MilestoneResult> {
  return announceReleaseNote(outboundDeps(), job, options);
}
