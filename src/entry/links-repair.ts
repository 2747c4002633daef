// The links-property repair's entry points (sync/links-repair/step.ts): the daily scheduled trigger that starts a run
// over everything (manifest.yml `links-property-repair`), the start of a run for one deleted instance (the admin page),
// and the outbound-queue consumer's part, which runs a job and puts it back on the queue while the run goes on.
//
// Daily, not hourly: every change the app makes writes the property at once (sync/links-property.ts), so the repair
// only catches up with a write that failed (logged as a warning), a renamed instance, and links older than the
// property; a day's delay for those costs 1/24 of the reads an hourly run would (about 10,000 storage queries and 200
// Jira searches per run at 10,000 linked issues).
import { randomUUID } from 'node:crypto';
import { InvocationError, InvocationErrorCode, Queue } from '@forge/events';
import { logger } from '../lib/logger';
import { describeError } from '../lib/errors';
import { OUTBOUND_QUEUE } from '../sync/jobs';
import type { LinksRepairJob } from '../sync/links-repair/jobs';
import type { RepairScope } from '../sync/links-repair/run';
import { startRepair } from '../sync/links-repair/start';
import { runRepairStep, type RepairDeps } from '../sync/links-repair/step';
import { KvsLinkWalk } from '../store/link-walk';
import { KvsRepairRunStore } from '../store/links-repair-runs';
import { platform, type Platform } from './compose';

const outbound = new Queue({ key: OUTBOUND_QUEUE });
const log = logger.child({ module: 'links-repair' });

/** About 45 minutes of back-off (as an account job's): after that the run gives up and the next day's starts afresh. */
const MAX_RETRIES = 7;

/** One job at a time per walk: its pages follow each other from the stored point. */
async function queueRepairJob(job: LinksRepairJob): Promise<void> {
  await outbound.push([{ body: job, concurrency: { key: `links-repair-${job.walk}`, limit: 1 } }]);
}

function repairDeps(p: Platform): RepairDeps {
  return {
    jira: p.jira,
    links: p.store.links,
    walk: new KvsLinkWalk(log),
    runs: new KvsRepairRunStore(log),
    config: p.store.config,
    budget: p.budget,
    now: () => new Date(),
    logger: log,
    // One search per 100 issues; 4 issues at a time keeps Jira's per-tenant burst limit far away.
    pageSize: 100,
    concurrency: 4,
    // A page (a search, up to 100 link reads and writes) fits well within this.
    handoverMarginMs: 30_000,
  };
}

/** Starts a run of the repair now: every issue (`all`), or the issues whose property names one instance. */
export async function startLinksRepair(scope: RepairScope): Promise<void> {
  await startRepair(
    {
      runs: new KvsRepairRunStore(log),
      queue: queueRepairJob,
      newRunId: () => randomUUID(),
      now: () => new Date(),
    },
    scope,
  );
  log.info('Started a repair of the JQL fields of linked issues', { scope: scope.kind });
}

/** The daily scheduled trigger. Scheduled runs are not retried by the platform, so nothing here throws. */
export async function repairLinksProperty(): Promise<{ statusCode: number }> {
  try {
    await startLinksRepair({ kind: 'all' });
  } catch (error) {
    log.error('The daily repair of the JQL fields of linked issues could not start', {
      reason: describeError(error),
    });
  }
  return { statusCode: 204 };
}

/** Runs one repair job from the outbound queue (entry/consumers.ts). */
export async function linksRepairWorker(
  job: LinksRepairJob,
  retryCount: number,
): Promise<InvocationError | undefined> {
  const finalAttempt = retryCount >= MAX_RETRIES;
  const step = await runRepairStep(repairDeps(platform()), job, { finalAttempt });
  if (step.status === 'done') return undefined;
  if (step.status === 'continue') {
    try {
      await queueRepairJob(job);
      return undefined;
    } catch (error) {
      // This job is tried again instead, from the same stored point.
      log.warn('The next part of the repair could not be queued', { reason: describeError(error) });
    }
  }
  const waitMs = step.status === 'retry' ? (step.retryAfterMs ?? 0) : 0;
  return new InvocationError({
    retryAfter: Math.min(900, Math.max(30 * 2 ** Math.min(retryCount, 5), Math.ceil(waitMs / 1000))),
    retryReason:
      waitMs > 0
        ? InvocationErrorCode.FUNCTION_UPSTREAM_RATE_LIMITED
        : InvocationErrorCode.FUNCTION_RETRY_REQUEST,
  });
}
