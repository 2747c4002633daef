// searchTickets: the link form's results as the agent types (docs/resolver-contract.md, "Issue panel resolver"). A
// number finds that ticket; words find tickets whose subject holds them all, newest first, through the ticket system's
// bounded search (TicketSystem.searchTickets). Only tickets of the types the instance syncs are offered (another type
// could be linked but nothing would flow), at most RESULT_LIMIT of them, each saying whether it is linked to this
// issue already. Checked like linking: the caller may link issues here, and the instance syncs and has a token.
import { z } from 'zod';
import { syncsTicketType } from '../../domain/config';
import { InstanceIdParamSchema } from '../../domain/ids';
import { ok, parseInput, type Envelope } from '../../lib/envelope';
import { checkIssueAccess } from './access';
import type { PanelCall, PanelDeps } from './deps';
import type { LinkedTicket } from './linked-ticket';
import { openInstance } from './open-instance';

/** What the panel shows at most: a short list to pick from, not a report. */
export const RESULT_LIMIT = 10;
/** Candidates asked of the ticket system, so that tickets of types that do not sync still leave enough. */
const CANDIDATES = 30;
/** Shorter text finds too much to be useful, and costs a request per keystroke. */
const MIN_WORDS_LENGTH = 2;

const TICKET_NUMBER = /^#?\s*(\d{1,10})$/;

export const searchTicketsPayload = z.object({
  instanceId: InstanceIdParamSchema,
  query: z
    .string({ error: 'Send the text to search for.' })
    .trim()
    .max(200, 'Search with fewer words: at most 200 characters.'),
});

/** A found ticket as the panel's rows show a ticket (linked-ticket.ts), and whether it is linked here already. */
export interface TicketMatch extends Pick<
  LinkedTicket,
  'ticketId' | 'ticketNumber' | 'name' | 'status' | 'isClosed' | 'ticketType'
> {
  /** linked to the issue the panel is open on already */
  linkedHere: boolean;
}

export interface SearchResult {
  tickets: TicketMatch[];
}

export async function searchTickets(deps: PanelDeps, call: PanelCall): Promise<Envelope<SearchResult>> {
  const denied = await checkIssueAccess(deps, call.issue, 'link');
  if (denied) return denied;
  const input = parseInput(searchTicketsPayload, call.payload);
  if (!input.ok) return input;
  const { query } = input.value;
  const number = TICKET_NUMBER.exec(query)?.[1];
  if (number === undefined && query.replace(/\s+/g, '').length < MIN_WORDS_LENGTH) return ok({ tickets: [] });

  const opened = await openInstance(deps, input.value.instanceId);
  if (!opened.ok) return opened;
  const { instance, tickets } = opened;
  const [found, links] = await Promise.all([
    number === undefined
      ? tickets.searchTickets(query, CANDIDATES)
      : tickets.getTicket(number).then((ticket) => (ticket ? [ticket] : [])),
    deps.links.listByIssue(call.issue.id),
  ]);
  const linkedHere = new Set(
    links.filter((link) => link.instanceId === instance.id).map((link) => link.ticketId),
  );
  return ok({
    tickets: found
      .filter((ticket) => syncsTicketType(instance, ticket.ticketType))
      .slice(0, RESULT_LIMIT)
      .map((ticket) => ({
        ticketId: ticket.id,
        ticketNumber: ticket.number,
        name: ticket.name,
        status: ticket.status,
        isClosed: ticket.isClosed,
        ticketType: ticket.ticketType,
        linkedHere: linkedHere.has(ticket.id),
      })),
  });
}
