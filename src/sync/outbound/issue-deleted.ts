// A deleted Jira issue: tell each linked ticket, then remove the links (remote links went with the issue).
import { issueDeletedNote } from '../../domain/attribution';
import type { IssueDeletedJob } from '../jobs';
import type { OutboundDeps, OutboundTarget, TargetOutcome } from './deps';
import { forEachTarget, guardTarget } from './guard';
import { logForTarget } from './log-entry';
import { addNoteOnce } from './notes';

const OPERATION = 'issue-deleted';

export async function syncIssueDeleted(
  deps: OutboundDeps,
  job: IssueDeletedJob,
  targets: OutboundTarget[],
  finalAttempt: boolean,
): Promise<TargetOutcome[]> {
  return forEachTarget(deps, targets, (target) => {
    const retryJob = {
      kind: job.kind,
      issueId: job.issueId,
      issueKey: job.issueKey,
      only: { instanceId: target.instance.id, ticketId: target.link.ticketId },
    };
    return guardTarget(deps, target, { operation: OPERATION, finalAttempt, retryJob }, async () => {
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
  });
}
