// Ticket action → Jira comment (seed 000: "Actions created in the TeamSupport Ticket will also be created in the
// linked Jira Issue as Comments"): claimed in the mirror ledger first, written asApp with the app's comment property
// (so ignoreSelf and the outbound checks never send it back), and completed with the new comment's id.
import { actionCommentHeader } from '../../domain/attribution';
import { docOf, htmlToAdf } from '../../domain/content';
import { APP_COMMENT_PROPERTY, appCommentProperty } from '../../domain/echo';
import type { Ticket, TicketAction } from '../../domain/ticket';
import { describeError, IntegrationError } from '../../lib/errors';
import type { Link } from '../ports';
import type { InboundDeps, InstanceContext, ItemOutcome } from './deps';
import { logTicket } from './log';

const OPERATION = 'action-to-comment';

// JSM shows comments to customers unless marked internal; ticket text copied into Jira stays internal there.
const JSM_INTERNAL = { key: 'sd.public.comment', value: { internal: true } };

function isMarkFor(instanceId: string, actionId: string): (value: unknown) => boolean {
  return (value) =>
    typeof value === 'object' &&
    value !== null &&
    Reflect.get(value, 'actionId') === actionId &&
    Reflect.get(value, 'instanceId') === instanceId;
}

export async function copyActionToIssue(
  deps: InboundDeps,
  context: InstanceContext,
  ticket: Pick<Ticket, 'id' | 'number'>,
  link: Link,
  action: TicketAction,
): Promise<ItemOutcome> {
  const { instance, tickets } = context;
  const item = { kind: 'action' as const, instanceId: instance.id, actionId: action.id };
  const claim = await deps.ledger.claim(item, {
    leaseMs: deps.claimLeaseMs,
    issueId: link.issueId,
    ticketId: ticket.id,
  });
  if (claim.status === 'done') return 'ok';
  // Someone else is copying it now; leave the window open so it is looked at again if they fail.
  if (claim.status === 'in-progress') return 'transient';
  if (claim.status === 'reclaimed') {
    const existing = await deps.jira.findCommentWithProperty(
      link.issueId,
      APP_COMMENT_PROPERTY,
      isMarkFor(instance.id, action.id),
    );
    if (existing) {
      await deps.ledger.complete(claim.claim, existing);
      return 'ok';
    }
  }
  const body = htmlToAdf(action.html).content;
  const header = actionCommentHeader({
    ticketNumber: ticket.number,
    ticketUrl: tickets.ticketUrl(ticket),
    actionType: action.actionType,
    creatorName: action.creatorName,
    created: action.dateCreated,
    visibleOnPortal: action.visibleOnPortal,
  });
  let commentId: string;
  try {
    commentId = (
      await deps.jira.addComment(link.issueId, docOf([header, ...body]), [
        appCommentProperty({ instanceId: instance.id, ticketId: ticket.id, actionId: action.id }),
        JSM_INTERNAL,
      ])
    ).id;
  } catch (error) {
    await deps.ledger.release(claim.claim);
    if (error instanceof IntegrationError && error.retryable) return 'transient';
    await deps.links.recordSync(link, { at: deps.now(), error: describeError(error) });
    await logTicket(deps, context, {
      level: 'error',
      operation: OPERATION,
      message: `Action ${action.id} could not be added to ${link.issueKey}: ${describeError(error)}`,
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
  // From here on the comment exists: a failure leaves the claim to expire, and the reclaim finds the comment.
  await deps.ledger.recordOrigin(
    { kind: 'comment', instanceId: instance.id, commentId, ticketId: ticket.id },
    action.id,
    {
      issueId: link.issueId,
      ticketId: ticket.id,
    },
  );
  await deps.ledger.complete(claim.claim, commentId);
  await deps.links.recordSync(link, { at: deps.now() });
  await logTicket(deps, context, {
    level: 'info',
    operation: OPERATION,
    message: `${action.actionType ?? 'Action'} ${action.id} added to ${link.issueKey} as a comment.`,
    ticketId: ticket.id,
    ticketNumber: ticket.number,
    issueId: link.issueId,
    issueKey: link.issueKey,
  });
  return 'ok';
}
