// Jira comment → one ticket action per linked ticket (docs/product.md, "Actions and comments are kept in step"):
// re-read the comment with its issue in one Jira read (JiraPort.getCommentForSync), never send what is private or what
// the app wrote itself, and copy it to each ticket through the copy-once step, marked with the comment id so that a
// retry finds a copy whose answer was lost.
import { commentActionHtml } from '../../domain/attribution';
import { adfToHtml, adfToPlainText, htmlToPlainText } from '../../domain/content';
import { appActionOrigin, isAppWrittenComment, startsWithAppHeader } from '../../domain/echo';
import type { ItemStatus } from '../../domain/item-outcome';
import type { JiraComment } from '../../domain/jira';
import { commentPrivacy } from '../../domain/privacy';
import { whenAndWho } from '../../domain/sync-words';
import { copyOnce } from '../copy-once';
import type { CommentJob } from '../jobs/outbound';
import type { CommentForSync } from '../records/jira';
import type { OutboundDeps, OutboundTarget } from './deps';
import { guardEachTarget, onlyTarget, ticketTypeAllowed } from './guard';
import { copiedToTarget, logForTarget } from './log-entry';

const OPERATION = 'comment-to-action';

/** Why the comment must not leave Jira, or undefined when it may. */
function reasonNotToSend(
  job: CommentJob,
  read: CommentForSync | undefined,
): { level: 'info' | 'warn'; message: string } | undefined {
  if (!read) {
    // Jira answers 404 both for a deleted issue and for one the app may no longer browse.
    return {
      level: 'warn',
      message:
        `Jira issue ${job.issueId} no longer exists, or the app can no longer browse it (check the project's ` +
        'permissions), so the comment was not synced.',
    };
  }
  const { comment, issue } = read;
  if (!comment) return { level: 'info', message: 'The comment was deleted before it could be synced.' };
  if (job.isEdit) {
    return {
      level: 'info',
      message: 'The comment was edited; edits are not synced, so the ticket keeps the original text.',
    };
  }
  if (isAppWrittenComment(comment.properties) || startsWithAppHeader(adfToPlainText(comment.body))) {
    return {
      level: 'info',
      message: 'The comment was written by this app from a ticket action, so it is not sent back.',
    };
  }
  const privacy = commentPrivacy(comment, { securityLevel: issue.securityLevel });
  return privacy.shareable ? undefined : { level: 'warn', message: `Not sent because ${privacy.reason}.` };
}

async function copyToTicket(
  deps: OutboundDeps,
  target: OutboundTarget,
  comment: JiraComment,
  issueKey: string,
): Promise<ItemStatus> {
  if (!(await ticketTypeAllowed(target))) return 'skipped';
  const { instance, link, tickets } = target;
  const done = () =>
    copiedToTarget(
      deps,
      target,
      OPERATION,
      `Comment ${whenAndWho(comment.created, comment.authorName, instance.timeZone)} added to ticket #${link.ticketNumber}.`,
    );
  const result = await copyOnce(
    deps.ledger,
    {
      item: { kind: 'comment', instanceId: instance.id, commentId: comment.id, ticketId: link.ticketId },
      context: { issueId: comment.issueId, ticketId: link.ticketId },
      describe: `the comment ${whenAndWho(comment.created, comment.authorName, instance.timeZone)} on ticket #${link.ticketNumber}`,
      find: async () =>
        (await tickets.listActions(link.ticketId)).find((action) => {
          const origin = appActionOrigin(htmlToPlainText(action.html));
          return origin?.kind === 'comment' && origin.commentId === comment.id;
        })?.id,
      write: async () =>
        (
          await tickets.createAction(link.ticketId, {
            actionTypeName: instance.commentActionType,
            visibleOnPortal: instance.actionsVisibleOnPortal,
            html: commentActionHtml({
              authorName: comment.authorName,
              issueKey,
              commentId: comment.id,
              bodyHtml: adfToHtml(comment.body),
            }),
          })
        ).id,
      origin: (actionId) => ({
        item: { kind: 'action', instanceId: instance.id, actionId },
        sourceId: comment.id,
      }),
      alongside: done,
    },
    deps.copy,
  );
  if (result.status === 'busy') return 'transient';
  if (result.status === 'done') return 'skipped';
  // Stored with the completion, unless that could not be written (then they are written now).
  if (result.status === 'written' && !result.recorded) for (const write of done()) await write.apply();
  // The panel's copy of the ticket needs no forgetting: a comment changes none of the ticket fields it shows, and the
  // link's last sync (written with the completion) makes the panel read the ticket afresh (sync/ticket-view-cache).
  return 'sent';
}

export async function syncComment(
  deps: OutboundDeps,
  job: CommentJob,
  targets: OutboundTarget[],
  finalAttempt: boolean,
): Promise<ItemStatus[]> {
  // One Jira read (the comment's visibility and properties, the issue's key and security level) serves every target.
  // A failed read fails each target inside its guard, so it is retried, and logged with Retry on the last attempt.
  const read = deps.jira.getCommentForSync(job.issueId, job.commentId);
  read.catch(() => undefined);
  const context = { operation: OPERATION, finalAttempt, retryJob: onlyTarget(job) };
  return guardEachTarget(deps, targets, context, async (target) => {
    const found = await read;
    const reason = reasonNotToSend(job, found);
    if (reason !== undefined || !found?.comment) {
      await logForTarget(
        deps,
        target,
        OPERATION,
        reason?.level ?? 'info',
        reason?.message ?? 'The comment is gone.',
      );
      return 'skipped';
    }
    return copyToTicket(deps, target, found.comment, found.issue.key);
  });
}
