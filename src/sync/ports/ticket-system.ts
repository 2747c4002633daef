// The TicketSystem port: a support-ticket system as the sync use cases see it (TeamSupport today; adapter in
// connectors/teamsupport/).
import type {
  ConnectionCheck,
  NewAction,
  Ticket,
  TicketAction,
  TicketFieldChange,
} from '../../domain/ticket';
import type { ConnectionExpectations, NamedItem, TicketPage, TicketStatusItem } from '../records/tickets';

/**
 * A ticket system (TeamSupport today). Errors are IntegrationError with a kind; a missing ticket is `undefined`,
 * not an error. Implementations cache lookups (types, statuses, action types) for the life of the instance object,
 * which is one invocation.
 */
export interface TicketSystem {
  readonly kind: string;
  getTicket(idOrNumber: string): Promise<Ticket | undefined>;
  /** one page of tickets modified strictly after `since` (UTC); pages are not in modification order */
  listTicketsModifiedSince(since: Date, page: { pageNumber: number; pageSize: number }): Promise<TicketPage>;
  findTicketsByField(field: string, value: string): Promise<Ticket[]>;
  /**
   * Up to `limit` tickets whose subject contains every word of `words` (ignoring case), newest first: the issue
   * panel's search. Bounded: it reads at most two pages of the ticket system's list, so a common word finds the newest
   * and the oldest matches, not every one.
   */
  searchTickets(words: string, limit: number): Promise<Ticket[]>;
  listActions(ticketId: string): Promise<TicketAction[]>;
  createAction(ticketId: string, action: NewAction): Promise<TicketAction>;
  /** sets the status by name within the ticket's type */
  setStatus(ticket: Ticket, statusName: string): Promise<'updated' | 'unchanged' | 'unknown-status'>;
  setTicketType(ticket: Ticket, typeName: string): Promise<'updated' | 'unchanged' | 'unknown-type'>;
  updateFields(ticket: Ticket, changes: TicketFieldChange[]): Promise<void>;
  ticketUrl(ticket: Pick<Ticket, 'id' | 'number'>): string;
  testConnection(expectations: ConnectionExpectations): Promise<ConnectionCheck[]>;
  listTicketTypes(): Promise<NamedItem[]>;
  listStatuses(): Promise<TicketStatusItem[]>;
  listActionTypes(): Promise<NamedItem[]>;
  listProducts(): Promise<NamedItem[]>;
  listVersions(productId: string): Promise<NamedItem[]>;
  listUsers(): Promise<NamedItem[]>;
  /**
   * How many requests this object has sent to the ticket system, each retry included, for systems that limit
   * requests per day (TeamSupport: docs/teamsupport-api.md §12); the invocation records them once (entry/compose.ts)
   */
  requestsSent?(): number;
}
