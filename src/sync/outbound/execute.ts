// The outbound use case: one queued job, every linked ticket it concerns. Transient failures make the job retry as a
// whole; the mirror ledger and read-before-write make the retry add nothing that was already added.
import type { ItemStatus } from '../../domain/item-outcome';
import { resultOfItems, type JobResult } from '../job-result';
import type { TicketJob } from '../jobs/outbound';
import { syncComment } from './comment-to-action';
import type { OutboundDeps } from './deps';
import { syncIssueDeleted } from './issue-deleted';
import { syncIssueUpdate } from './issue-updated';
import { onTargets } from './targets';

export async function executeOutbound(
  deps: OutboundDeps,
  job: TicketJob,
  options: { finalAttempt: boolean },
): Promise<JobResult> {
  return onTargets(deps, job, async (targets) => {
    if (targets.length === 0) {
      if (job.kind === 'issue-deleted' && !job.only) await deps.links.removeByIssue(job.issueId);
      return { status: 'done' };
    }
    let statuses: ItemStatus[];
    switch (job.kind) {
      case 'comment':
        statuses = await syncComment(deps, job, targets, options.finalAttempt);
        break;
      case 'issue-updated':
        statuses = await syncIssueUpdate(deps, job, targets, options.finalAttempt);
        break;
      case 'issue-deleted':
        statuses = await syncIssueDeleted(deps, job, targets, options.finalAttempt);
        // Links on inactive instances were not targets; they point at nothing now either.
        if (!job.only && statuses.every((status) => status === 'sent' || status === 'skipped'))
          await deps.links.removeByIssue(job.issueId);
        break;
    }
    return resultOfItems(statuses);
  });
}
