// Filtering and rendering of list responses.
import {
  FilterValueError,
  FilterValues,
  bindToRecords,
  collectFilterTerms,
  rowMatches,
  type BoundTerm,
  type FilterMode,
  type FilterTerm,
} from '../filters';
import { encodeRecord, type WireRecord } from '../wire/cells';
import { renderList, type ListSpec } from '../wire/list-shape';
import { jsonReply, wireContextOf, type ApiContext, type ApiReply } from './context';
import { failures } from './failures';

/** Rows passing every term, in the given order; a value that does not parse fails the request like the server. */
export function filterRows<Row>(
  rows: readonly Row[],
  terms: readonly BoundTerm<Row>[],
  mode: FilterMode,
  values: FilterValues = new FilterValues(),
): Row[] {
  try {
    return rows.filter((row) => rowMatches(row, terms, mode, values));
  } catch (error) {
    if (!(error instanceof FilterValueError)) throw error;
    throw mode === 'query' ? failures.pagingQueryFailed() : failures.internal(error.message);
  }
}

export function filterRecords(
  records: readonly WireRecord[],
  terms: readonly FilterTerm[],
  mode: FilterMode,
): WireRecord[] {
  return filterRows(records, bindToRecords(terms), mode);
}

/**
 * A list filtered in memory: every query parameter is a filter, so an unknown one empties the list
 * (docs/teamsupport-api.md §10).
 */
export function inMemoryList(context: ApiContext, spec: ListSpec, records: readonly WireRecord[]): ApiReply {
  const kept = filterRecords(records, collectFilterTerms(context.query), 'in-memory');
  const wire = wireContextOf(context.org);
  return jsonReply(
    renderList(
      spec,
      kept.map((record) => encodeRecord(record, wire)),
    ),
  );
}

export function singleObject(context: ApiContext, root: string, record: WireRecord): ApiReply {
  return jsonReply(JSON.stringify({ [root]: encodeRecord(record, wireContextOf(context.org)) }));
}
