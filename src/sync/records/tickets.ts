// What the TicketSystem port (sync/ports/ticket-system.ts) answers and is asked besides tickets and actions
// (domain/ticket.ts): a page of tickets, the named lookups, the admin's connection expectations.
import type { Ticket } from '../../domain/ticket';

export interface TicketPage {
  tickets: Ticket[];
  totalRecords: number;
}

export interface NamedItem {
  id: string;
  name: string;
}

export interface TicketStatusItem extends NamedItem {
  ticketType: string;
  isClosed: boolean;
}

/** What the admin expects to exist on the ticket system; checked by testConnection. */
export interface ConnectionExpectations {
  commentActionType: string;
  ticketTypes: 'all' | string[];
  statusNames: string[];
  correlationField?: string | undefined;
}
