// Jira comment → one ticket action per linked ticket (seed 000, "Actions and Comments are kept in-sync"): re-read the
// comment, never send what is private or what the app wrote itself, claim each copy in the mirror ledger before
// writing it and complete the claim with the new action's id.
import { commentActionHtml, commentMarker } from '../../domain/attribution';
import { adfToHtml, adfToPlainText, htmlToPlainText } from '../../domain/content';
import { settleWithConcurrency } from '../../lib/concurrency';
import { isAppWrittenComment, startsWithAppHeader } from '../../domain/echo';
import type { JiraComment } from '../../domain/jira';
import { commentPrivacy } from '../../domain/privacy';
import type { CommentJob } from '../jobs';
import type { MirrorClaim } from '../ports';
import type { OutboundDeps, OutboundTarget, TargetOutcome } from './deps';
import { guardTarget, ticketTypeAllowed } from './guard';

const OPERATION = 'comment-to-action';

async function logEntry(
  deps: OutboundDeps,
  target: OutboundTarget,
  message: string,
  level: 'info' | 'warn' = 'info',
) {
  await deps.log.append({
    level,
    instanceId: target.instance.id,
    issueId: target.link.issueId,
    issueKey: target.link.issueKey,
    ticketId: target.link.ticketId,
    ticketNumber: target.link.ticketNumber,
    operation: OPERATION,
    message,
  });
}

/** Why the comment must not leave Jira, or undefined when it may. */
function reasonNotToSend(
  job: CommentJob,
  comment: JiraComment | undefined,
  securityLevel: string | null,
): string | undefined {
  if (!comment) return 'The comment was deleted before it could be synced.';
  if (job.isEdit)
    return 'The comment was edited; edits are not synced, so the ticket keeps the original text.';
  if (isAppWrittenComment(comment.properties) || startsWithAppHeader(adfToPlainText(comment.body))) {
    return 'The comment was written by this app from a ticket action, so it is not sent back.';
  }
  const privacy = commentPrivacy(comment, { securityLevel });
  return privacy.shareable ? undefined : `Not sent because ${privacy.reason}.`;
}

async function copyToTicket(
  deps: OutboundDeps,
  target: OutboundTarget,
  comment: JiraComment,
  issueKey: string,
): Promise<TargetOutcome> {
  if (!(await ticketTypeAllowed(target))) return 'skipped';
  const item = {
    kind: 'comment' as const,
    instanceId: target.instance.id,
    commentId: comment.id,
    ticketId: target.link.ticketId,
  };
  const outcome = await deps.ledger.claim(item, {
    leaseMs: deps.claimLeaseMs,
    issueId: comment.issueId,
    ticketId: target.link.ticketId,
  });
  if (outcome.status === 'done') return 'skipped';
  if (outcome.status === 'in-progress') return 'transient';
  const claim: MirrorClaim = outcome.claim;
  if (outcome.status === 'reclaimed') {
    // A previous delivery may have written the action and stopped before completing the claim.
    const marker = commentMarker(comment.id);
    const existing = (await target.tickets.listActions(target.link.ticketId)).find((action) =>
      htmlToPlainText(action.html).includes(marker),
    );
    if (existing) {
      await deps.ledger.recordOrigin(
        { kind: 'action', instanceId: target.instance.id, actionId: existing.id },
        comment.id,
      );
      await deps.ledger.complete(claim, existing.id);
      await deps.links.recordSync(target.link, { at: new Date() });
      return 'skipped';
    }
  }
  let actionId: string;
  try {
    const action = await target.tickets.createAction(target.link.ticketId, {
      actionTypeName: target.instance.commentActionType,
      visibleOnPortal: target.instance.actionsVisibleOnPortal,
      html: commentActionHtml({
        authorName: comment.authorName,
        issueKey,
        commentId: comment.id,
        bodyHtml: adfToHtml(comment.body),
      }),
    });
    actionId = action.id;
  } catch (error) {
    // Nothing was written: let the retry claim the item again at once.
    await deps.ledger.release(claim);
    throw error;
  }
  // From here on the action exists. If recording it fails, the claim is left to expire, and the delivery that takes
  // it over finds the action by its marker instead of writing it again.
  await deps.ledger.recordOrigin({ kind: 'action', instanceId: target.instance.id, actionId }, comment.id, {
    issueId: comment.issueId,
    ticketId: target.link.ticketId,
  });
  await deps.ledger.complete(claim, actionId);
  await deps.links.recordSync(target.link, { at: new Date() });
  await logEntry(
    deps,
    target,
    `Comment ${comment.id} by ${comment.authorName} added to ticket #${target.link.ticketNumber}.`,
  );
  return 'sent';
}

export async function syncComment(
  deps: OutboundDeps,
  job: CommentJob,
  targets: OutboundTarget[],
  finalAttempt: boolean,
): Promise<TargetOutcome[]> {
  // One read of the comment (visibility, properties) and one of the issue (key, security level) serve every target.
  const [comment, issue] = await Promise.all([
    deps.jira.getComment(job.issueId, job.commentId),
    deps.jira.getIssue(job.issueId),
  ]);
  const issueKey = issue?.key ?? targets[0]?.link.issueKey ?? job.issueId;
  const reason = issue
    ? reasonNotToSend(job, comment, issue.securityLevel)
    : 'The issue was deleted before the comment could be synced.';
  const results = await settleWithConcurrency(targets, deps.concurrency, async (target) => {
    if (reason !== undefined || !comment) {
      await logEntry(
        deps,
        target,
        reason ?? 'The comment is gone.',
        reason?.startsWith('Not sent') ? 'warn' : 'info',
      );
      return 'skipped' as const;
    }
    const retryJob = {
      kind: job.kind,
      issueId: job.issueId,
      commentId: job.commentId,
      isEdit: job.isEdit,
      only: { instanceId: target.instance.id, ticketId: target.link.ticketId },
    };
    return guardTarget(deps, target, { operation: OPERATION, finalAttempt, retryJob }, () =>
      copyToTicket(deps, target, comment, issueKey),
    );
  });
  // guardTarget turns failures into outcomes; a rejection here is a storage failure worth retrying.
  return results.map((result) => (result.status === 'fulfilled' ? result.value : 'transient'));
}
