// What the panel shows of one linked ticket (docs/resolver-contract.md, "LinkedTicket"): the link as stored, plus the
// ticket's details as the ticket system has them now (or had them a few seconds ago, see ticket-cache.ts).
import { z } from 'zod';
import type { Ticket } from '../../domain/ticket';
import type { Link } from '../records/link';
import type { LinkProblem } from './link-health';

export interface LinkedTicket {
  instanceId: string;
  instanceName: string;
  ticketId: string;
  ticketNumber: string;
  name: string;
  status: string;
  isClosed: boolean;
  ticketType: string;
  /** '' when the ticket has none */
  severity: string;
  customers: string[];
  url: string;
  linkedAt: string;
  lastSyncAt?: string;
  lastError?: string;
  /** the link's newest open warning or error in the sync log, in words (sync/panel/link-health) */
  problem?: LinkProblem;
}

/** The ticket details the panel shows, small enough to cache as JSON. */
export const TicketSummarySchema = z.object({
  instanceId: z.string(),
  ticketId: z.string(),
  number: z.string(),
  name: z.string(),
  status: z.string(),
  isClosed: z.boolean(),
  ticketType: z.string(),
  severity: z.string(),
  customers: z.array(z.string()),
  url: z.string(),
});
export type TicketSummary = z.infer<typeof TicketSummarySchema>;

export function summarise(instanceId: string, ticket: Ticket, url: string): TicketSummary {
  return {
    instanceId,
    ticketId: ticket.id,
    number: ticket.number,
    name: ticket.name,
    status: ticket.status,
    isClosed: ticket.isClosed,
    ticketType: ticket.ticketType,
    severity: ticket.severity ?? '',
    customers: [...ticket.customers],
    url,
  };
}

/** Identifies a linked ticket across instances. */
export { ticketRef } from './ticket-ref';

/**
 * The panel's row for a link. Without `summary` (the ticket system could not be asked, or the ticket is gone) the row
 * holds what storage knows: ids, number, link and sync times; the text fields are empty and the URL is whatever
 * could be built without the ticket system ('' when nothing could).
 */
export function toLinkedTicket(
  link: Link,
  instanceName: string,
  summary: TicketSummary | undefined,
  fallbackUrl = '',
  problem?: LinkProblem,
): LinkedTicket {
  return {
    instanceId: link.instanceId,
    instanceName,
    ticketId: link.ticketId,
    ticketNumber: summary?.number ?? link.ticketNumber,
    name: summary?.name ?? '',
    status: summary?.status ?? '',
    isClosed: summary?.isClosed ?? false,
    ticketType: summary?.ticketType ?? '',
    severity: summary?.severity ?? '',
    customers: summary?.customers ?? [],
    url: summary?.url ?? fallbackUrl,
    linkedAt: link.linkedAt,
    ...(link.lastSyncAt === undefined ? {} : { lastSyncAt: link.lastSyncAt }),
    ...(link.lastError === undefined ? {} : { lastError: link.lastError }),
    ...(problem === undefined ? {} : { problem }),
  };
}
