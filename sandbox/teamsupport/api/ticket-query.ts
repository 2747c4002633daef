// Which tickets a /tickets query selects, worked out on the stored rows: a filter reads only the columns it names,
// and a DateModified filter (the incremental pull) starts from the org's DateModified order instead of every ticket.
// The answer is the one a full scan in answer order gives, parse failures included.
import {
  FilterValues,
  isNullFilter,
  termMayFail,
  type BoundTerm,
  type FilterMode,
  type FilterTerm,
} from '../filters';
import type { CustomFieldRecord, TicketRecord } from '../model';
import type { EmulatorState } from '../state';
import { TicketRow, ticketColumn, type TicketColumn } from '../views/ticket-columns';
import { customFieldCell } from '../views/ticket-view';
import type { Cell } from '../wire/cells';
import type { ApiContext } from './context';
import { filterRows } from './list-replies';

/** The tickets a list answers from, and their order. */
export interface TicketScope {
  /** every ticket of the scope, in answer order */
  readonly inOrder: () => readonly TicketRecord[];
  readonly includes: (ticket: TicketRecord) => boolean;
  readonly compare: (a: TicketRecord, b: TicketRecord) => number;
}

interface TicketTerm extends BoundTerm<TicketRow> {
  readonly column: TicketColumn | undefined;
  /** the kinds of value the term can meet: one for a fixed column, one per custom field of that API name */
  readonly kinds: readonly Cell['kind'][];
}

const DATE_MODIFIED = ticketColumn('DateModified');

/** A fixed column wins over a custom field of the same name, as in the written ticket where it comes first. */
function bindTicketTerm(state: EmulatorState, orgId: number, term: FilterTerm): TicketTerm {
  const column = ticketColumn(term.field);
  if (column) return { term, column, kinds: [column.kind], cellOf: (row) => column.read(row) };
  const wanted = term.field.toLowerCase();
  const named = (field: CustomFieldRecord): boolean => field.apiName.toLowerCase() === wanted;
  const fieldOfType = new Map<number, CustomFieldRecord | null>();
  return {
    term,
    column: undefined,
    kinds: state
      .inOrg(state.customFields, orgId)
      .filter(named)
      .map((field) => customFieldCell(field, undefined).kind),
    cellOf: (row) => {
      const typeId = row.ticket.ticketTypeId;
      let field = fieldOfType.get(typeId);
      if (field === undefined) {
        field = state.customFieldsOfType(orgId, typeId).find(named) ?? null;
        fieldOfType.set(typeId, field);
      }
      return field === null ? undefined : customFieldCell(field, row.ticket.customValues.get(field.id));
    },
  };
}

/**
 * The only tickets a DateModified term can let through, or null when it lets every ticket through. DateModified is
 * never empty; lt means "before" and every other operator "strictly after"; a value of another length matches nothing.
 */
function dateModifiedCandidates(
  state: EmulatorState,
  orgId: number,
  term: FilterTerm,
): TicketRecord[] | null {
  const values = new FilterValues();
  const before = term.op === 'lt';
  let limit: number | null = null;
  for (const value of term.values) {
    if (isNullFilter(value)) {
      if (term.op === 'not') return null;
      continue;
    }
    const date = values.date(value);
    if (date === null) continue;
    const ms = date.getTime();
    limit = limit === null ? ms : before ? Math.max(limit, ms) : Math.min(limit, ms);
  }
  if (limit === null) return [];
  return state.ticketsModified(orgId, before ? 'before' : 'after', limit);
}

// Past this share of the org, walking the tickets in answer order is cheaper than sorting the candidates.
const CANDIDATE_SHARE = 0.25;

export function selectTickets(
  context: ApiContext,
  terms: readonly FilterTerm[],
  mode: FilterMode,
  scope: TicketScope,
): readonly TicketRecord[] {
  const { state, org, now } = context;
  if (terms.length === 0) return scope.inOrder();
  const bound = terms.map((term) => bindTicketTerm(state, org.id, term));
  const rows = (tickets: readonly TicketRecord[]): TicketRow[] =>
    tickets.map((ticket) => new TicketRow(state, ticket, now));
  const select = (tickets: readonly TicketRecord[]): TicketRecord[] =>
    filterRows(rows(tickets), bound, mode, new FilterValues()).map((row) => row.ticket);

  // Narrowing skips rows, so it is only done when no comparison can fail: then the order rows are visited in
  // cannot change the answer.
  const canFail = bound.some(({ term, kinds }) => kinds.some((kind) => termMayFail(term, kind)));
  const dateTerm = canFail ? undefined : bound.find(({ column }) => column === DATE_MODIFIED);
  const candidates = dateTerm ? dateModifiedCandidates(state, org.id, dateTerm.term) : null;
  if (candidates === null || candidates.length > state.ticketCount(org.id) * CANDIDATE_SHARE) {
    return select(scope.inOrder());
  }
  return select(candidates.filter(scope.includes)).sort(scope.compare);
}
