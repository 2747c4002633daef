// A deleted Jira issue: tell each linked ticket, then remove the links (remote links went with the issue).
import { issueDeletedNote } from '../../domain/attribution';
import type { ItemStatus } from '../../domain/item-outcome';
import type { IssueDeletedJob } from '../jobs/outbound';
import type { OutboundDeps, OutboundTarget } from './deps';
import { guardEachTarget, onlyTarget } from './guard';
import { logForTarget } from './log-entry';
import { addNoteOnce } from './notes';

const OPERATION = 'issue-deleted';

export async function syncIssueDeleted(
  deps: OutboundDeps,
  job: IssueDeletedJob,
  targets: OutboundTarget[],
  finalAttempt: boolean,
): Promise<ItemStatus[]> {
  const context = { operation: OPERATION, finalAttempt, retryJob: onlyTarget(job) };
  return guardEachTarget(deps, targets, context, async (target) => {
    const noted = await addNoteOnce(
      deps,
      target,
      `issue-deleted:${job.issueId}`,
      issueDeletedNote(job.issueKey),
    );
    if (noted === 'transient') return 'transient';
    await deps.links.remove(target.link);
    await logForTarget(
      deps,
      target,
      OPERATION,
      'info',
      `Jira issue ${job.issueKey} was deleted; the link was removed.`,
    );
    return 'sent';
  });
}
