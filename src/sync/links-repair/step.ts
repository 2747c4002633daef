// The links-property repair (README "Find issues with customer tickets"): brings every issue's JQL-searchable links
// (sync/links-property.ts) in line with the stored links, for what the live flows could not do: a property write that
// failed (logged as a warning where it happened), an instance deleted or renamed, and links made before the property
// existed. Two phases, page by page, each page's end saved as the run's resume point (run.ts):
// 1. `properties`: the issues that carry the property, by JQL in id order (`id > last ORDER BY id`, which stays right
//    while properties are removed behind it), each compared with its links and rewritten or removed only when it
//    differs. A run for one instance searches only the issues whose property names it.
// 2. `links` (daily run only): each configured instance's links in the order they were made; the issues of a page that
//    have no property yet (one search for the page) get one.
// Cost of the daily run at 10,000 links on 10,000 issues, when nothing drifted: 100 searches and 10,000 by-issue link
// queries for phase 1, 100 link pages and 100 searches for phase 2, no Jira write (measured by
// test/integration/links-property/repair.test.ts on a smaller set: one by-issue query per issue, one search per 100).
import {
  HAS_LINKS_PROPERTY_JQL,
  LACKS_LINKS_PROPERTY_JQL,
  LINKS_PROPERTY_KEY,
  namesInstanceJql,
} from '../../domain/links-property';
import type { Budget } from '../../lib/budget';
import { settleWithConcurrency } from '../../lib/concurrency';
import { describeError, IntegrationError } from '../../lib/errors';
import { redactText, type Logger } from '../../lib/logger';
import { retryAfter, type JobStep } from '../job-result';
import { instanceNames, writeLinksProperty, type LinksPropertyChange } from '../links-property';
import type { ConfigRepository } from '../ports/config-repository';
import type { IssuePropertyPort } from '../ports/issue-properties';
import type { LinkRepository } from '../ports/link-repository';
import type { LinksRepairJob } from '../jobs/links-repair';
import type { LinkWalk, RepairProgress, RepairRunStore } from './run';

export interface RepairDeps {
  jira: Pick<
    IssuePropertyPort,
    'getIssueProperty' | 'setIssueProperty' | 'deleteIssueProperty' | 'searchIssuesWithProperty'
  >;
  links: Pick<LinkRepository, 'listByIssue'>;
  walk: LinkWalk;
  runs: RepairRunStore;
  config: Pick<ConfigRepository, 'read'>;
  budget: Budget;
  now(): Date;
  logger: Logger;
  /** issues per search page (at most 100: a page's ids go into one `id in (…)` search) */
  pageSize: number;
  /** issues repaired at once */
  concurrency: number;
  /** below this much remaining time the run saves its point and continues in a new job */
  handoverMarginMs: number;
}

/**
 * Done: the run finished, gave up, or is not the walk's current run. Continue: time is short, the same job goes on the
 * queue again and resumes from the stored point. Retry: a transient failure; the point is saved.
 */
export type RepairStep = JobStep<LinksRepairJob>;

const NUMERIC_ID = /^\d{1,18}$/;

interface Context {
  deps: RepairDeps;
  walk: string;
  names: ReadonlyMap<string, string>;
  progress: RepairProgress;
}

/** Repairs each issue; counts what changed; a transient failure is thrown (the page is done again), others logged. */
async function repairIssues(
  context: Context,
  issues: ReadonlyArray<{ id: string; current: { value: unknown } }>,
): Promise<void> {
  const { deps, names } = context;
  const results = await settleWithConcurrency(issues, deps.concurrency, (issue) =>
    writeLinksProperty(deps, issue.id, names, { current: issue.current }),
  );
  const tally: Record<LinksPropertyChange | 'failed', number> = {
    unchanged: 0,
    written: 0,
    removed: 0,
    'issue-gone': 0,
    failed: 0,
  };
  results.forEach((result, index) => {
    if (result.status === 'fulfilled') {
      tally[result.value] += 1;
      return;
    }
    const error: unknown = result.reason;
    if (error instanceof IntegrationError && error.retryable) throw error;
    tally.failed += 1;
    deps.logger.warn('Could not repair the JQL fields of an issue', {
      issueId: issues[index]?.id,
      reason: redactText(describeError(error)),
    });
  });
  const progress = context.progress;
  context.progress = {
    ...progress,
    checked: progress.checked + issues.length,
    written: progress.written + tally.written,
    removed: progress.removed + tally.removed,
    failed: progress.failed + tally.failed,
  };
}

async function save(context: Context, change: Partial<RepairProgress>): Promise<void> {
  context.progress = { ...context.progress, ...change, updatedAt: context.deps.now().toISOString() };
  await context.deps.runs.save(context.walk, context.progress);
}

/** One page of phase 1; true when the phase is done. */
async function propertiesPage(context: Context): Promise<boolean> {
  const { deps, progress } = context;
  const scoped =
    progress.scope.kind === 'all' ? HAS_LINKS_PROPERTY_JQL : namesInstanceJql(progress.scope.instanceName);
  const after = progress.afterIssueId === null ? '' : ` AND id > ${progress.afterIssueId}`;
  const page = await deps.jira.searchIssuesWithProperty(
    `${scoped}${after} ORDER BY id ASC`,
    LINKS_PROPERTY_KEY,
    { maxResults: deps.pageSize },
  );
  await repairIssues(
    context,
    page.issues.map((issue) => ({ id: issue.id, current: { value: issue.property } })),
  );
  const last = page.issues.at(-1)?.id;
  await save(context, last !== undefined && NUMERIC_ID.test(last) ? { afterIssueId: last } : {});
  return page.issues.length < deps.pageSize || page.nextPageToken === undefined || last === undefined;
}

/**
 * The issues of `ids` without the property: one search for the page. An issue that no longer exists makes Jira refuse
 * the whole `id in (…)` search, so the page is then read issue by issue (a deleted issue reads as no property, and
 * its repair finds it gone).
 */
async function lackingProperty(deps: RepairDeps, ids: readonly string[]): Promise<string[]> {
  const numeric = ids.filter((id) => NUMERIC_ID.test(id));
  if (numeric.length === ids.length && ids.length > 0) {
    try {
      const found = await deps.jira.searchIssuesWithProperty(
        `${LACKS_LINKS_PROPERTY_JQL} AND id in (${numeric.join(', ')})`,
        LINKS_PROPERTY_KEY,
        { maxResults: numeric.length },
      );
      return found.issues.map((issue) => issue.id);
    } catch (error) {
      if (!(error instanceof IntegrationError && error.kind === 'validation')) throw error;
    }
  }
  const lacking: string[] = [];
  for (const id of ids) {
    if ((await deps.jira.getIssueProperty(id, LINKS_PROPERTY_KEY)) === undefined) lacking.push(id);
  }
  return lacking;
}

/** The configured instance after `instanceId` in id order (the first when null); undefined after the last. */
function nextInstance(names: ReadonlyMap<string, string>, instanceId: string | null): string | undefined {
  return [...names.keys()].sort().find((id) => instanceId === null || id > instanceId);
}

/** One page of phase 2; true when every instance is done. */
async function linksPage(context: Context): Promise<boolean> {
  const { deps, names } = context;
  const instanceId = context.progress.instanceId ?? nextInstance(names, null);
  if (instanceId === undefined) return true;
  const page = await deps.walk.page(instanceId, context.progress.after);
  const ids = [...new Set(page.issueIds)];
  const lacking = ids.length === 0 ? [] : await lackingProperty(deps, ids);
  await repairIssues(
    context,
    lacking.map((id) => ({ id, current: { value: undefined } })),
  );
  // The issues that had their property already were looked at too (by the search).
  context.progress = { ...context.progress, checked: context.progress.checked + ids.length - lacking.length };
  if (!page.done) {
    await save(context, { instanceId, after: page.next ?? context.progress.after });
    return false;
  }
  const next = nextInstance(names, instanceId);
  await save(context, { instanceId: next ?? instanceId, after: null });
  return next === undefined;
}

async function finish(context: Context): Promise<RepairStep> {
  const { deps, progress } = context;
  deps.logger.info('The repair of the JQL fields of linked issues finished', {
    scope: progress.scope.kind,
    checked: progress.checked,
    written: progress.written,
    removed: progress.removed,
    failed: progress.failed,
  });
  await deps.runs.remove(context.walk);
  return { status: 'done' };
}

export async function runRepairStep(
  deps: RepairDeps,
  job: LinksRepairJob,
  options: { finalAttempt: boolean },
): Promise<RepairStep> {
  const stored = await deps.runs.load(job.walk);
  // A job of a run that finished or was replaced by a newer one (a duplicate, yesterday's) has nothing to do.
  if (stored?.runId !== job.runId) return { status: 'done' };
  const names = await instanceNames(deps.config);
  if (names === undefined) return { status: 'retry', reason: 'the settings cannot be read' };
  const context: Context = { deps, walk: job.walk, names, progress: stored };
  try {
    for (;;) {
      if (deps.budget.remainingMs() < deps.handoverMarginMs) return { status: 'continue' };
      if (context.progress.phase === 'properties') {
        if (!(await propertiesPage(context))) continue;
        if (context.progress.scope.kind !== 'all') return await finish(context);
        await save(context, { phase: 'links', instanceId: null, after: null });
      } else if (await linksPage(context)) {
        return await finish(context);
      }
    }
  } catch (error) {
    const transient = error instanceof IntegrationError && error.retryable;
    if (transient && !options.finalAttempt) return retryAfter(error);
    // The next daily run starts afresh; nothing is lost but time.
    deps.logger.error('The repair of the JQL fields of linked issues stopped', {
      scope: context.progress.scope.kind,
      reason: redactText(describeError(error)),
    });
    await deps.runs.remove(job.walk);
    return { status: 'done' };
  }
}
