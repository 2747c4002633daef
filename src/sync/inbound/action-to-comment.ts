// Ticket action → Jira comment (docs/product.md, "Actions and comments are kept in step"), through the copy-once
// step: written asApp with the app's comment property (so ignoreSelf and the outbound checks never send it back, and
// a retry finds a comment whose answer was lost), and never for an action the app wrote itself, whether the ledger
// remembers it or only the action's marker says so. An action longer than one Jira comment may hold becomes several
// comments, each copied once on its own, so nothing of it is lost.
import { actionCommentHeader, actionPartHeader } from '../../domain/attribution';
import { docOf, htmlToAdf, htmlToPlainText, splitAdfForComments } from '../../domain/content';
import { APP_COMMENT_PROPERTY, appActionOrigin, appCommentProperty } from '../../domain/echo';
import type { ItemStatus } from '../../domain/item-outcome';
import type { Ticket, TicketAction } from '../../domain/ticket';
import { describeError, IntegrationError } from '../../lib/errors';
import { syncItemKey, syncItemOf } from '../../domain/sync-item';
import { actionWords, whenAndWho } from '../../domain/sync-words';
import { copyOnce } from '../copy-once';
import { linkEntry } from '../log-entry';
import { resolveFixedErrors } from '../resolve-errors';
import type { Link } from '../records/link';
import type { PreparedWrite } from '../records/prepared-write';
import type { InboundDeps, InstanceContext } from './deps';
import { logTicket } from './log-entry';

const OPERATION = 'action-to-comment';
// Jira refuses comment bodies over 32,767 characters (docs/jira-limits.md); the margin absorbs how Jira counts.
const COMMENT_LIMIT = 32_000;

// JSM shows comments to customers unless marked internal; ticket text copied into Jira stays internal there.
const JSM_INTERNAL = { key: 'sd.public.comment', value: { internal: true } };

function isMarkFor(instanceId: string, actionId: string): (value: unknown) => boolean {
  return (value) =>
    typeof value === 'object' &&
    value !== null &&
    Reflect.get(value, 'actionId') === actionId &&
    Reflect.get(value, 'instanceId') === instanceId;
}

/**
 * An action the app wrote (a Jira comment or a note) is never copied back (invariant 2). Its marker says so even when
 * the ledger record was never written; the record is written again so that the ledger agrees.
 */
async function skipOwnAction(deps: InboundDeps, instanceId: string, link: Link, action: TicketAction) {
  const origin = appActionOrigin(htmlToPlainText(action.html));
  if (!origin) return false;
  await deps.ledger.recordOrigin(
    { kind: 'action', instanceId, actionId: action.id },
    origin.kind === 'comment' ? origin.commentId : origin.noteId,
    { issueId: link.issueId, ticketId: action.ticketId },
  );
  return true;
}

/** The comment bodies of one action: one, or several with "continued, part n of m" headers. */
function commentBodies(
  context: InstanceContext,
  ticket: Pick<Ticket, 'id' | 'number'>,
  action: TicketAction,
) {
  const ticketUrl = context.tickets.ticketUrl(ticket);
  return splitAdfForComments(docOf(htmlToAdf(action.html).content), COMMENT_LIMIT, (part, count) => [
    part === 1
      ? actionCommentHeader({
          ticketNumber: ticket.number,
          ticketUrl,
          actionType: action.actionType,
          creatorName: action.creatorName,
          created: action.dateCreated,
          visibleOnPortal: action.visibleOnPortal,
          ...(count > 1 ? { parts: count } : {}),
        })
      : actionPartHeader({ ticketNumber: ticket.number, ticketUrl, part, count }),
  ]);
}

/**
 * What became of one action: sent now (`finished` when the `alongside` writes were stored with it); skipped, copied
 * before or written by the app itself; failed, logged with Retry; transient, another worker holds it.
 */
export type ActionCopy = { status: 'sent'; finished: boolean } | { status: Exclude<ItemStatus, 'sent'> };

/**
 * Copies every part once; 'busy' when another worker holds one, else whether anything was written now. `alongside`
 * rides on the completion of the last part, when that part is written (or found) now.
 */
async function copyParts(
  deps: InboundDeps,
  context: InstanceContext,
  ticket: Pick<Ticket, 'id' | 'number'>,
  link: Link,
  action: TicketAction,
  alongside: (() => readonly PreparedWrite[]) | undefined,
): Promise<'busy' | { written: boolean; finished: boolean }> {
  const { instance } = context;
  const bodies = commentBodies(context, ticket, action);
  let written = false;
  let finished = false;
  for (const [index, body] of bodies.entries()) {
    const last = index === bodies.length - 1;
    // The first part keeps the action's own id, so an action that fits one comment is recorded as it always was.
    const partId = index === 0 ? action.id : `${action.id}-part${index + 1}`;
    const result = await copyOnce(
      deps.ledger,
      {
        item: { kind: 'action', instanceId: instance.id, actionId: partId },
        context: { issueId: link.issueId, ticketId: ticket.id },
        describe: `the action ${whenAndWho(action.dateCreated, action.creatorName, instance.timeZone)} of ticket #${ticket.number} on ${link.issueKey}`,
        find: () =>
          deps.jira.findCommentWithProperty(
            link.issueId,
            APP_COMMENT_PROPERTY,
            isMarkFor(instance.id, partId),
          ),
        write: async () =>
          (
            await deps.jira.addComment(link.issueId, body, [
              appCommentProperty({ instanceId: instance.id, ticketId: ticket.id, actionId: partId }),
              JSM_INTERNAL,
            ])
          ).id,
        origin: (commentId) => ({
          item: { kind: 'comment', instanceId: instance.id, commentId, ticketId: ticket.id },
          sourceId: action.id,
        }),
        ...(last && alongside ? { alongside } : {}),
      },
      deps.copy,
    );
    // Someone else is copying it now; the ticket is looked at again if they fail.
    if (result.status === 'busy') return 'busy';
    if (result.status !== 'done') written = true;
    if (last && alongside) {
      finished = result.status === 'found' || (result.status === 'written' && result.recorded);
    }
  }
  return { written, finished };
}

/**
 * The sync-log message of the actions a read of one ticket copied, each by its date and author (domain/sync-words.ts,
 * issue 20), in the organization's time zone: "Action of 3 Dec 14:05 CET by Ann Agent added to SUP-1 as a comment."
 */
export function copiedMessage(actions: readonly TicketAction[], issueKey: string, timeZone?: string): string {
  const [only] = actions;
  if (actions.length === 1 && only)
    return `${actionWords(only, timeZone)} added to ${issueKey} as a comment.`;
  const each = actions.map((action) =>
    whenAndWho(action.dateCreated, action.creatorName, timeZone).replace(/^of /, ''),
  );
  return `${actions.length} actions added to ${issueKey} as comments, of ${each.join('; ')}.`;
}

/**
 * Ticket action → Jira comment, once. `alongside` (the link's sync state and the sync-log entry of the read that
 * copies it) is stored with the copy when it is written now; otherwise the caller stores it.
 */
export async function copyActionToIssue(
  deps: InboundDeps,
  context: InstanceContext,
  ticket: Pick<Ticket, 'id' | 'number'>,
  link: Link,
  action: TicketAction,
  alongside?: () => readonly PreparedWrite[],
): Promise<ActionCopy> {
  const { instance } = context;
  const retry = {
    kind: 'inbound',
    payload: { kind: 'retry-action', instanceId: instance.id, ticketId: ticket.id, actionId: action.id },
  };
  // The item an error of this action names: a later copy (or a finding that it was copied) resolves that error.
  const item = syncItemOf({ instanceId: instance.id, ticketId: ticket.id, operation: OPERATION, retry });
  try {
    if (await skipOwnAction(deps, instance.id, link, action)) return { status: 'skipped' };
    await context.pacer.take();
    const copied = await copyParts(deps, context, ticket, link, action, alongside);
    if (copied === 'busy') return { status: 'transient' };
    await resolveFixedErrors(deps, item, link);
    return copied.written ? { status: 'sent', finished: copied.finished } : { status: 'skipped' };
  } catch (error) {
    // Retryable (including an unknown outcome): the pull sets the ticket aside and retries it (sync/inbound/set-aside).
    if (error instanceof IntegrationError && error.retryable) throw error;
    await deps.links.recordSync(link, {
      at: deps.now(),
      error: describeError(error),
      ...(item === undefined ? {} : { errorItem: syncItemKey(item) }),
    });
    await logTicket(deps, context, {
      level: 'error',
      operation: OPERATION,
      message: `The action ${whenAndWho(action.dateCreated, action.creatorName, instance.timeZone)} on ticket #${ticket.number} could not be added to ${link.issueKey}: ${describeError(error)}`,
      ticketId: ticket.id,
      ticketNumber: ticket.number,
      issueId: link.issueId,
      issueKey: link.issueKey,
      retry,
    });
    return { status: 'failed' };
  }
}

/** The sync-log entry of copied actions, as a write to store with a copy (or on its own). */
export function copiedLogEntry(
  deps: InboundDeps,
  context: InstanceContext,
  ticket: Pick<Ticket, 'id' | 'number'>,
  link: Link,
  actions: readonly TicketAction[],
): PreparedWrite | undefined {
  return deps.log.prepare(
    linkEntry(
      { ...link, ticketNumber: ticket.number },
      {
        level: 'info',
        operation: OPERATION,
        message: copiedMessage(actions, link.issueKey, context.instance.timeZone),
      },
    ),
  );
}
