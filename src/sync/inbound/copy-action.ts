// Ticket action → Jira comment (docs/product.md, "Actions and comments are kept in step"), through the copy-once
// step: written asApp with the app's comment property (so ignoreSelf and the outbound checks never send it back, and
// a retry finds a comment whose answer was lost), and never for an action the app wrote itself, whether the ledger
// remembers it or only the action's marker says so. An action longer than one Jira comment may hold becomes several
// comments, each copied once on its own, so nothing of it is lost.
import { actionCommentHeader, actionPartHeader } from '../../domain/attribution';
import { docOf, htmlToAdf, htmlToPlainText, splitAdfForComments } from '../../domain/content';
import { APP_COMMENT_PROPERTY, appActionOrigin, appCommentProperty } from '../../domain/echo';
import type { Ticket, TicketAction } from '../../domain/ticket';
import { describeError, IntegrationError } from '../../lib/errors';
import { copyOnce } from '../copy-once';
import type { Link } from '../ports';
import type { InboundDeps, InstanceContext, ItemOutcome } from './deps';
import { logTicket } from './log';

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

/** Copies every part once; 'busy' when another worker holds one, else whether anything was written now. */
async function copyParts(
  deps: InboundDeps,
  context: InstanceContext,
  ticket: Pick<Ticket, 'id' | 'number'>,
  link: Link,
  action: TicketAction,
): Promise<'busy' | 'written' | 'done'> {
  const { instance } = context;
  let written = false;
  for (const [index, body] of commentBodies(context, ticket, action).entries()) {
    // The first part keeps the action's own id, so an action that fits one comment is recorded as it always was.
    const partId = index === 0 ? action.id : `${action.id}-part${index + 1}`;
    const result = await copyOnce(
      deps.ledger,
      {
        item: { kind: 'action', instanceId: instance.id, actionId: partId },
        context: { issueId: link.issueId, ticketId: ticket.id },
        describe: `action ${action.id} of ticket #${ticket.number} on ${link.issueKey}`,
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
      },
      deps.copy,
    );
    // Someone else is copying it now; the ticket is looked at again if they fail.
    if (result.status === 'busy') return 'busy';
    if (result.status !== 'done') written = true;
  }
  return written ? 'written' : 'done';
}

export async function copyActionToIssue(
  deps: InboundDeps,
  context: InstanceContext,
  ticket: Pick<Ticket, 'id' | 'number'>,
  link: Link,
  action: TicketAction,
): Promise<ItemOutcome> {
  const { instance } = context;
  try {
    if (await skipOwnAction(deps, instance.id, link, action)) return 'ok';
    const copied = await copyParts(deps, context, ticket, link, action);
    if (copied === 'busy') return 'transient';
    if (copied === 'done') return 'ok';
  } catch (error) {
    // Retryable (including an unknown outcome): the pull sets the ticket aside and retries it (sync/inbound/set-aside).
    if (error instanceof IntegrationError && error.retryable) throw error;
    await deps.links.recordSync(link, { at: deps.now(), error: describeError(error) });
    await logTicket(deps, context, {
      level: 'error',
      operation: OPERATION,
      message: `An action of ticket #${ticket.number} could not be added to ${link.issueKey}: ${describeError(error)}`,
      ticketId: ticket.id,
      ticketNumber: ticket.number,
      issueId: link.issueId,
      issueKey: link.issueKey,
      retry: {
        kind: 'inbound',
        payload: { kind: 'retry-action', instanceId: instance.id, ticketId: ticket.id, actionId: action.id },
      },
    });
    return 'ok';
  }
  await deps.links.recordSync(link, { at: deps.now() });
  await logTicket(deps, context, {
    level: 'info',
    operation: OPERATION,
    message: `${action.actionType ?? 'Action'} by ${action.creatorName ?? 'an agent'} added to ${link.issueKey} as a comment.`,
    ticketId: ticket.id,
    ticketNumber: ticket.number,
    issueId: link.issueId,
    issueKey: link.issueKey,
  });
  return 'ok';
}
