// Adds an explanatory action to a ticket exactly once per source event (status-change notes, deletion notices), using
// the mirror ledger keyed by the event, so redelivered events add nothing.
import { htmlToPlainText } from '../../domain/content';
import type { OutboundDeps, OutboundTarget, TargetOutcome } from './deps';

export async function addNoteOnce(
  deps: OutboundDeps,
  target: OutboundTarget,
  noteId: string,
  html: string,
): Promise<TargetOutcome> {
  const item = {
    kind: 'note' as const,
    instanceId: target.instance.id,
    noteId,
    ticketId: target.link.ticketId,
  };
  const outcome = await deps.ledger.claim(item, {
    leaseMs: deps.claimLeaseMs,
    issueId: target.link.issueId,
    ticketId: target.link.ticketId,
  });
  if (outcome.status === 'done') return 'skipped';
  if (outcome.status === 'in-progress') return 'transient';
  if (outcome.status === 'reclaimed') {
    const text = htmlToPlainText(html).trim();
    const existing = (await target.tickets.listActions(target.link.ticketId)).find(
      (action) => htmlToPlainText(action.html).trim() === text,
    );
    if (existing) {
      await deps.ledger.complete(outcome.claim, existing.id);
      return 'skipped';
    }
  }
  let actionId: string;
  try {
    actionId = (
      await target.tickets.createAction(target.link.ticketId, {
        actionTypeName: target.instance.commentActionType,
        visibleOnPortal: false,
        html,
      })
    ).id;
  } catch (error) {
    await deps.ledger.release(outcome.claim);
    throw error;
  }
  // After the write the claim is never released: a retry finds the note instead of adding it twice.
  await deps.ledger.recordOrigin({ kind: 'action', instanceId: target.instance.id, actionId }, noteId);
  await deps.ledger.complete(outcome.claim, actionId);
  return 'sent';
}
