// A note on one linked ticket, once per source event (status changes, deletion notices), through the shared
// ticket-note step (sync/ticket-note): redelivered events add nothing, and a note whose answer was lost is found.
import type { ItemStatus } from '../../domain/item-outcome';
import { addTicketNote } from '../ticket-note';
import { forgetTicket } from '../ticket-view-cache';
import type { OutboundDeps, OutboundTarget } from './deps';

export async function addNoteOnce(
  deps: OutboundDeps,
  target: OutboundTarget,
  noteId: string,
  sentence: string,
): Promise<ItemStatus> {
  const result = await addTicketNote(
    deps.ledger,
    {
      instance: target.instance,
      tickets: target.tickets,
      ticketId: target.link.ticketId,
      ticketNumber: target.link.ticketNumber,
      issueId: target.link.issueId,
      noteId,
      sentence,
    },
    deps.copy,
  );
  if (result.status === 'busy') return 'transient';
  if (result.status === 'done') return 'skipped';
  await forgetTicket(deps.cache, target.link);
  return 'sent';
}
