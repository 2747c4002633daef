// The key that names a linked ticket in the panel's lists: instance and ticket id.
import type { LinkedTicket } from './api';

/** A link is identified by instance and ticket: two instances may both have a ticket 1234. */
export function ticketKey(ticket: Pick<LinkedTicket, 'instanceId' | 'ticketId'>): string {
  return `${ticket.instanceId}:${ticket.ticketId}`;
}
