// The links-property repair's entry points (sync/links-repair/step.ts): the daily scheduled trigger that starts a run
// over everything (manifest.yml `links-property-repair`), the start of a run for one deleted instance (the admin page),
// and the outbound-queue consumer's part: one job, which goes on in the next while the run goes on (entry/consumers.ts).
//
// Daily, not hourly: every change the app makes writes the property at once (sync/links-property.ts), so the repair
// only catches up with a write that failed (logged as a warning), a renamed instance, and links older than the
// property; a day's delay for those costs 1/24 of the reads an hourly run would (about 10,000 storage queries and 200
// Jira searches per run at 10,000 linked issues).
import { randomUUID } from 'node:crypto';
import { logger } from '../lib/logger';
import { describeError } from '../lib/errors';
import type { JobResult } from '../sync/job-result';
import type { LinksRepairJob } from '../sync/jobs/links-repair';
import type { RepairScope } from '../sync/links-repair/run';
import { startRepair } from '../sync/links-repair/start';
import { runRepairStep, type RepairDeps } from '../sync/links-repair/step';
import { KvsLinkWalk } from '../store/link-walk';
import { KvsRepairRunStore } from '../store/links-repair-runs';
import { platform, type Platform } from './compose';
import { continueJob } from './job-queues';

const log = logger.child({ module: 'links-repair' });

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
      queue: (job) => platform().queues.pushRepairJob(job),
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

/** Runs one repair job from the outbound queue; the walk's pages follow one another, one job at a time. */
export async function runLinksRepairStep(
  job: LinksRepairJob,
  options: { finalAttempt: boolean },
): Promise<JobResult> {
  return continueJob(job, await runRepairStep(repairDeps(platform()), job, options));
}
