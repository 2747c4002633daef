// /tickets and /deletedtickets.
import { collectFilterTerms, type FilterTerm } from '../filters';
import { SYSTEM_USER, type TicketRecord } from '../model';
import { deleteTicket } from '../domain/ticket-ops';
import { deletedTicketRecord } from '../views/lookup-views';
import { ticketRecord } from '../views/ticket-view';
import { encodeRecord, type WireRecord } from '../wire/cells';
import { LISTS, renderList, type ListSpec, type PageInfo } from '../wire/list-shape';
import {
  findTicket,
  jsonReply,
  routeId,
  wireContextOf,
  type ApiContext,
  type ApiHandler,
  type ApiReply,
} from './context';
import { failures } from './failures';
import { filterRecords, inMemoryList, singleObject } from './list-replies';
import { selectTickets } from './ticket-query';
import { createTicketFromBody, updateTicketFromBody } from './ticket-writes';

interface Paging {
  readonly pageNumber: number;
  readonly pageSize: number;
  /** the filter terms without pageNumber/pageSize */
  readonly terms: readonly FilterTerm[];
}

const isPagingTerm = (term: FilterTerm, name: string): boolean =>
  term.op === '' && term.field.toLowerCase() === name.toLowerCase();

/** Paging needs both pageNumber and pageSize; with only one, it stays a filter (and empties in-memory lists). */
function pagingOf(terms: readonly FilterTerm[]): Paging | null {
  const pageNumber = terms.find((term) => isPagingTerm(term, 'pageNumber'));
  const pageSize = terms.find((term) => isPagingTerm(term, 'pageSize'));
  if (!pageNumber || !pageSize) return null;
  const parse = (term: FilterTerm): number => {
    // Repeated values arrive comma-joined, which int.Parse refuses.
    const text = term.values.join(',');
    if (!/^\s*\d+\s*$/.test(text) || Number(text) < 1) throw failures.pagingQueryFailed();
    return Number(text);
  };
  return {
    pageNumber: parse(pageNumber),
    pageSize: parse(pageSize),
    terms: terms.filter((term) => term !== pageNumber && term !== pageSize),
  };
}

/** `TicketTypeID=<id>` must name a ticket type of the org, otherwise 406 (docs/teamsupport-api.md §8). */
function ticketTypeFilter(context: ApiContext, terms: readonly FilterTerm[]): number[] | null {
  const term = terms.find((candidate) => isPagingTerm(candidate, 'TicketTypeID'));
  if (!term) return null;
  return term.values.map((value) => {
    const type = /^\s*[+-]?\d+\s*$/.test(value) ? context.state.ticketTypes.get(Number(value)) : undefined;
    if (!type || type.orgId !== context.org.id) throw failures.invalidTicketTypeFilter();
    return type.id;
  });
}

function page<T>(rows: readonly T[], paging: Paging): T[] {
  const start = (paging.pageNumber - 1) * paging.pageSize;
  return rows.slice(start, start + paging.pageSize);
}

function pagedList(
  context: ApiContext,
  spec: ListSpec,
  records: readonly WireRecord[],
  paging: Paging,
): ApiReply {
  const kept = filterRecords(records, paging.terms, 'query');
  const wire = wireContextOf(context.org);
  const items = page(kept, paging).map((record) => encodeRecord(record, wire));
  return jsonReply(renderList(spec, items, { totalRecords: kept.length }));
}

/** Only the tickets of the returned page are written out. */
function renderTickets(context: ApiContext, tickets: readonly TicketRecord[], page?: PageInfo): ApiReply {
  const wire = wireContextOf(context.org);
  const items = tickets.map((ticket) => encodeRecord(ticketRecord(context.state, ticket, context.now), wire));
  return jsonReply(renderList(LISTS.tickets, items, page));
}

export const listTickets: ApiHandler = (context) => {
  const { state, org } = context;
  const terms = collectFilterTerms(context.query);
  const typeIds = ticketTypeFilter(context, terms);
  const paging = pagingOf(terms);
  if (paging) {
    // Paged results are ordered by TicketNumber (docs/teamsupport-api.md §9).
    const kept = selectTickets(context, paging.terms, 'query', {
      inOrder: () => state.ticketsOf(org.id),
      includes: () => true,
      compare: (a, b) => a.ticketNumber - b.ticketNumber,
    });
    return renderTickets(context, page(kept, paging), { totalRecords: kept.length });
  }
  // Without paging the server walks the ticket types and filters every row in memory.
  const typeOrder = new Map(state.ticketTypesOf(org.id).map((type, index) => [type.id, index]));
  const includes = (ticket: TicketRecord): boolean =>
    typeIds === null || typeIds.includes(ticket.ticketTypeId);
  const compare = (a: TicketRecord, b: TicketRecord): number =>
    (typeOrder.get(a.ticketTypeId) ?? 0) - (typeOrder.get(b.ticketTypeId) ?? 0) ||
    a.ticketNumber - b.ticketNumber;
  const kept = selectTickets(context, terms, 'in-memory', {
    inOrder: () => state.ticketsOf(org.id).filter(includes).sort(compare),
    includes,
    compare,
  });
  return renderTickets(context, kept);
};

export const getTicket: ApiHandler = (context) => {
  const ticket = findTicket(context, routeId(context, 0));
  return singleObject(context, 'Ticket', ticketRecord(context.state, ticket, context.now));
};

export const createTicket: ApiHandler = (context) => {
  const ticket = createTicketFromBody(context);
  return singleObject(context, 'Ticket', ticketRecord(context.state, ticket, context.now));
};

export const updateTicket: ApiHandler = (context) => {
  const ticket = findTicket(context, routeId(context, 0));
  updateTicketFromBody(context, ticket);
  return singleObject(context, 'Ticket', ticketRecord(context.state, ticket, context.now));
};

/** The server discards the deleted ticket's XML: 200 with an empty text/xml body. */
export const removeTicket: ApiHandler = (context) => {
  const ticket = findTicket(context, routeId(context, 0));
  deleteTicket(context.state, ticket, SYSTEM_USER.api, context.now);
  return { status: 200, contentType: 'text/xml', body: '' };
};

/** Not in the renamed set: deleted tickets keep their XML nesting ({"DeletedTickets":{"DeletedTicket":[…]}}). */
export const listDeletedTickets: ApiHandler = (context) => {
  const { state, org } = context;
  const deleted = state.inOrg(state.deletedTickets, org.id).sort((a, b) => a.id - b.id);
  const records = deleted.map(deletedTicketRecord);
  const paging = pagingOf(collectFilterTerms(context.query));
  if (paging) return pagedList(context, LISTS.deletedTicketsPaged, records, paging);
  return inMemoryList(context, LISTS.deletedTickets, records);
};
