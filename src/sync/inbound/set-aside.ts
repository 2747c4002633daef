// One ticket that fails in a pull must not hold up the others (docs/reliability.md): it is set aside, retried on its
// own through the inbound queue with back-off (entry/consumers), and given up with an error and Retry after a bounded
// number of attempts (sync/inbound/execute). Only a failure of the whole instance stops the pull instead.
import { describeError, IntegrationError, STORAGE_SYSTEM } from '../../lib/errors';
import { syncItemKey, syncItemOf } from '../../domain/sync-item';
import type { InboundDeps, InstanceContext } from './deps';
import { logTicket } from './log-entry';

export const PULL_TICKET_OPERATION = 'pull-ticket';
/** the first retry of a set-aside ticket; later ones back off on the queue */
const FIRST_RETRY_DELAY_SECONDS = 60;

/** A failure every other ticket of the instance would meet too: its credentials, its API limits, or storage. */
export function failsWholeInstance(error: unknown): boolean {
  if (!(error instanceof IntegrationError)) return false;
  if (error.details.system === STORAGE_SYSTEM) return true;
  return error.details.system === 'teamsupport' && (error.kind === 'auth' || error.kind === 'rate-limited');
}

/**
 * Queues the ticket's own retry and, when it failed (rather than being busy in another worker), records the failure
 * on its link and in the sync log with Retry. False when the retry could not be queued: the pull must keep its place.
 */
export async function setTicketAside(
  deps: InboundDeps,
  context: InstanceContext,
  ticket: { id: string; number: string },
  failure: unknown,
): Promise<boolean> {
  const job = { kind: 'retry-ticket' as const, instanceId: context.instance.id, ticketId: ticket.id };
  try {
    await deps.queues.pushInbound(job, { delaySeconds: FIRST_RETRY_DELAY_SECONDS });
  } catch {
    return false;
  }
  if (failure === undefined) return true;
  const message = describeError(failure);
  const retry = { kind: 'inbound', payload: job };
  // The link remembers the failing item, so the retry that gets through resolves this entry (sync/resolve-errors.ts).
  const item = syncItemOf({
    instanceId: context.instance.id,
    ticketId: ticket.id,
    operation: PULL_TICKET_OPERATION,
    retry,
  });
  const errorItem = item === undefined ? {} : { errorItem: syncItemKey(item) };
  const link = await deps.links.getByTicket(context.instance.id, ticket.id).catch(() => undefined);
  if (link)
    await deps.links.recordSync(link, { at: deps.now(), error: message, ...errorItem }).catch(() => false);
  await logTicket(deps, context, {
    level: 'error',
    operation: PULL_TICKET_OPERATION,
    message: `Ticket #${ticket.number} could not be synced: ${message} It is retried on its own; the rest of the pull went on.`,
    ticketId: ticket.id,
    ticketNumber: ticket.number,
    ...(link ? { issueId: link.issueId, issueKey: link.issueKey } : {}),
    retry,
  });
  return true;
}
