// The ticket side of a released version (docs/product.md, "Releases and sprints"): its issues, one search page per
// invocation in a stable order, continued on the queue with Jira's page token, so a release of thousands of issues
// runs as many short invocations; every linked ticket on an instance that announces releases gets the note once
// (sync/milestones/announce-release). A page that runs short of time hands over from the issue it reached.
import type { StoredInstance } from '../../domain/config';
import { milestoneJql } from '../../domain/milestone';
import { settleWithConcurrency } from '../../lib/concurrency';
import type { ItemStatus } from '../../domain/item-outcome';
import { describeError, IntegrationError } from '../../lib/errors';
import { JOB_DONE, resultOfItems, TRY_AGAIN_LATER, type JobResult } from '../job-result';
import type { ReleaseNoteJob } from '../jobs/outbound';
import type { OutboundDeps } from '../outbound/deps';
import { onTargets, targetsOfLinks } from '../outbound/targets';
import type { TicketSystem } from '../ports/ticket-system';
import type { Link } from '../records/link';
import { announceRelease, RELEASE_OPERATION } from './announce-release';
import { continueOnce } from './continue-once';
import type { ReleaseDeps } from './deps';
import type { ReleasePageJob } from '../jobs/milestone';

const LINK_READS_AT_ONCE = 8;

/** The links of each issue of the page (storage reads, a few at a time). */
async function linksOf(deps: ReleaseDeps, issueIds: readonly string[]): Promise<Link[][]> {
  const results = await settleWithConcurrency(issueIds, LINK_READS_AT_ONCE, (id) =>
    deps.links.listByIssue(id),
  );
  return results.map((result) => {
    if (result.status === 'rejected') throw result.reason;
    return result.value;
  });
}

/** Announces the release on the linked tickets of one page of its issues, then queues the next page. */
async function announcePage(
  deps: ReleaseDeps,
  job: ReleasePageJob,
  instances: ReadonlyMap<string, StoredInstance>,
  finalAttempt: boolean,
): Promise<JobResult> {
  const release = { version: job.version, releasedAt: job.releasedAt };
  const page = await deps.jira.searchIssues(milestoneJql(job.version), [], {
    maxResults: deps.pageSize,
    ...(job.nextPageToken === undefined ? {} : { nextPageToken: job.nextPageToken }),
  });
  const issues = page.issues.slice(job.skip);
  const links = await linksOf(
    deps,
    issues.map((issue) => issue.id),
  );
  const clients = new Map<string, Promise<TicketSystem | undefined>>();
  const statuses: ItemStatus[] = [];
  for (const [offset, issue] of issues.entries()) {
    const issueLinks = (links[offset] ?? []).filter((link) => instances.has(link.instanceId));
    if (issueLinks.length === 0) continue;
    if (deps.budget.remainingMs() < deps.handoverMarginMs) {
      // A retry starts the page again from where this job started; a handover goes on from this issue.
      if (statuses.includes('transient')) break;
      await continueOnce(deps, { ...job, skip: job.skip + offset });
      return JOB_DONE;
    }
    const targets = await targetsOfLinks(deps, issueLinks, instances, RELEASE_OPERATION, clients);
    statuses.push(
      ...(await announceRelease(deps, release, issue, Promise.resolve(issue), targets, finalAttempt)),
    );
  }
  if (statuses.includes('transient')) return { status: 'retry', reason: TRY_AGAIN_LATER };
  if (page.nextPageToken !== undefined) {
    await continueOnce(deps, {
      kind: 'release-tickets',
      version: job.version,
      releasedAt: job.releasedAt,
      page: job.page + 1,
      nextPageToken: page.nextPageToken,
      skip: 0,
    });
  }
  return JOB_DONE;
}

export async function announceReleasePage(
  deps: ReleaseDeps,
  job: ReleasePageJob,
  options: { finalAttempt: boolean },
): Promise<JobResult> {
  const config = await deps.config.read();
  if (!config.ok)
    return { status: 'retry', reason: `the configuration cannot be read: ${config.error.message}` };
  // Inactive instances and those that do not announce releases do nothing: the admin turned it off.
  const instances = new Map(
    config.document.instances
      .filter((instance) => instance.active && instance.announceReleases)
      .map((instance) => [instance.id, instance]),
  );
  if (instances.size === 0) return JOB_DONE;
  try {
    return await announcePage(deps, job, instances, options.finalAttempt);
  } catch (error) {
    // The search, the link reads or the queue failed: nothing of this page is known to be done.
    const transient = error instanceof IntegrationError && error.retryable;
    if (transient && !options.finalAttempt) return { status: 'retry', reason: describeError(error) };
    for (const instance of instances.values()) {
      await deps.log.append({
        level: 'error',
        instanceId: instance.id,
        operation: RELEASE_OPERATION,
        message:
          `Release ${job.version.name} was not announced on every linked ticket (issues ${job.page * deps.pageSize + job.skip + 1} ` +
          `and later): ${describeError(error)} Notes written already stay; to write the others, unrelease the ` +
          'version in Jira and release it again.',
      });
    }
    return JOB_DONE;
  }
}

/** The admin's "Retry" of one link whose release note failed: the same work for that link alone. */
export async function announceReleaseNote(
  deps: OutboundDeps,
  job: ReleaseNoteJob,
  options: { finalAttempt: boolean },
): Promise<JobResult> {
  return onTargets(deps, job, async (linked) => {
    const targets = linked.filter((target) => target.instance.announceReleases);
    if (targets.length === 0) return JOB_DONE;
    const statuses = await announceRelease(
      deps,
      { version: job.version, releasedAt: job.releasedAt },
      { id: job.issueId, key: job.issueKey },
      deps.jira.getIssue(job.issueId),
      targets,
      options.finalAttempt,
    );
    return resultOfItems(statuses);
  });
}
