// What a route handler gets and returns.
import { formatOrgDate } from '../dates';
import type { OrgRecord, TicketRecord } from '../model';
import type { EmulatorState } from '../state';
import type { WireContext } from '../wire/cells';
import { failures } from './failures';

export interface ApiContext {
  readonly state: EmulatorState;
  readonly org: OrgRecord;
  readonly now: Date;
  /** the numeric route segments, in order (e.g. ticket and action id) */
  readonly ids: readonly number[];
  readonly query: URLSearchParams;
  readonly body: string;
}

export interface ApiReply {
  readonly status: number;
  readonly contentType: string;
  readonly body: string;
}

export type ApiHandler = (context: ApiContext) => ApiReply;

/** Success is always HTTP 200, even for create (the server computes 201/202 but never sends them). */
export function jsonReply(body: string): ApiReply {
  return { status: 200, contentType: 'application/json', body };
}

export function wireContextOf(org: OrgRecord): WireContext {
  return {
    formatDate: (date) => formatOrgDate(date, org.timeZone, org.culture),
    escapeText: org.textEncoding === 'escaped',
  };
}

export function routeId(context: ApiContext, index: number): number {
  const id = context.ids[index];
  if (id === undefined) throw failures.notFound();
  return id;
}

/** Look a ticket up by TicketID first (any org: another org's ticket is refused), then by TicketNumber in the org. */
export function findTicket(context: ApiContext, idOrNumber: number): TicketRecord {
  const byId = context.state.tickets.get(idOrNumber);
  if (byId) {
    if (byId.orgId !== context.org.id) throw failures.otherOrganisation();
    return byId;
  }
  const byNumber = context.state.ticketByNumber(context.org.id, idOrNumber);
  if (!byNumber) throw failures.missingObject();
  return byNumber;
}

/** A lookup object by id: unknown → the server's null reference (500), another org's → 401. */
export function ownedBy<R extends { readonly orgId: number }>(context: ApiContext, row: R | undefined): R {
  if (!row) throw failures.missingObject();
  if (row.orgId !== context.org.id) throw failures.otherOrganisation();
  return row;
}
