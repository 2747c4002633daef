// Query-string filters (docs/teamsupport-api.md §8, §10). Every parameter is `Field=value` or `Field[op]=value`;
// repeating a parameter ORs its values, different parameters AND. Two evaluation modes:
// - 'in-memory' (actions, /properties/*, products, versions, users, tickets without paging): a parameter that is
//   neither a field nor a custom-field API name matches no row, so the list comes back empty; values that do not
//   parse as the field's type fail the request like the server's int.Parse/bool.Parse.
// - 'query' (paged /tickets): unknown parameters are ignored.
import { FilterValueError, parseFilterDate } from './dates';
import { findCell, type Cell, type WireRecord } from './wire/cells';

export { FilterValueError };

export interface FilterTerm {
  /** field name as sent, without the operator */
  readonly field: string;
  /** lower-cased operator without brackets; '' when none */
  readonly op: string;
  readonly values: readonly string[];
}

export type FilterMode = 'in-memory' | 'query';

/** Group the query parameters by their full key, case-insensitively (like ASP.NET's NameValueCollection). */
export function collectFilterTerms(query: URLSearchParams): FilterTerm[] {
  const groups = new Map<string, { key: string; values: string[] }>();
  for (const [key, value] of query) {
    const lower = key.toLowerCase();
    const group = groups.get(lower);
    if (group) group.values.push(value);
    else groups.set(lower, { key, values: [value] });
  }
  return [...groups.values()].map(({ key, values }) => {
    const open = key.indexOf('[');
    if (open < 0) return { field: key, op: '', values };
    const close = key.indexOf(']', open);
    const op = key.slice(open + 1, close < 0 ? undefined : close).toLowerCase();
    return { field: key.slice(0, open), op, values };
  });
}

function isNullValue(value: Cell['value']): boolean {
  return value === null || (typeof value === 'string' && value.trim() === '');
}

function parseNumber(text: string, integer: boolean): number {
  const pattern = integer ? /^\s*[+-]?\d+\s*$/ : /^\s*[+-]?(\d+\.?\d*|\.\d+)([eE][+-]?\d+)?\s*$/;
  if (!pattern.test(text)) throw new FilterValueError('Input string was not in a correct format.');
  return Number(text.trim());
}

function parseBool(text: string): boolean {
  const normalised = text.trim().toLowerCase();
  if (normalised !== 'true' && normalised !== 'false') {
    throw new FilterValueError('String was not recognized as a valid Boolean.');
  }
  return normalised === 'true';
}

type Parsed<T> = { readonly ok: true; readonly value: T } | { readonly ok: false; readonly error: unknown };

function memo<T>(cache: Map<string, Parsed<T>>, text: string, parse: (text: string) => T): T {
  let parsed = cache.get(text);
  if (parsed === undefined) {
    try {
      parsed = { ok: true, value: parse(text) };
    } catch (error) {
      parsed = { ok: false, error };
    }
    cache.set(text, parsed);
  }
  if (!parsed.ok) throw parsed.error;
  return parsed.value;
}

/**
 * Filter values parsed once per request instead of once per row. A value that does not parse still fails only when
 * a row actually compares against it, as on the server.
 */
export class FilterValues {
  private readonly dates = new Map<string, Parsed<Date | null>>();
  private readonly integers = new Map<string, Parsed<number>>();
  private readonly decimals = new Map<string, Parsed<number>>();
  private readonly bools = new Map<string, Parsed<boolean>>();

  date(text: string): Date | null {
    return memo(this.dates, text, parseFilterDate);
  }

  number(text: string, integer: boolean): number {
    return integer
      ? memo(this.integers, text, (t) => parseNumber(t, true))
      : memo(this.decimals, text, (t) => parseNumber(t, false));
  }

  bool(text: string): boolean {
    return memo(this.bools, text, parseBool);
  }
}

/** The `[null]` filter value (any case): "empty", or "not empty" with [not]. */
export const isNullFilter = (value: string): boolean => value.toLowerCase() === '[null]';

/** Whether comparing a row of this kind with one of the term's values can fail the request (a parse error). */
export function termMayFail(term: FilterTerm, kind: Cell['kind']): boolean {
  const values = new FilterValues();
  return term.values.some((value) => {
    if (isNullFilter(value)) return false;
    try {
      if (kind === 'date') values.date(value);
      else if (kind === 'bool') values.bool(value);
      else if (kind === 'int' || kind === 'decimal') values.number(value, kind === 'int');
      return false;
    } catch (error) {
      if (error instanceof FilterValueError) return true;
      throw error;
    }
  });
}

function compareNumbers(rowValue: number, filterValue: number, op: string): boolean {
  switch (op) {
    case 'lt':
      return rowValue < filterValue;
    case 'lte':
      return rowValue <= filterValue;
    case 'gt':
      return rowValue > filterValue;
    case 'gte':
      return rowValue >= filterValue;
    case 'not':
      return rowValue !== filterValue;
    default:
      return rowValue === filterValue;
  }
}

/** One value against one field (the server's DoesValueMatch). */
export function valueMatches(entry: Cell, value: string, op: string, values: FilterValues): boolean {
  const isNull = isNullValue(entry.value);
  if (isNullFilter(value)) return op === 'not' ? !isNull : isNull;
  if (isNull) return false;

  switch (entry.kind) {
    case 'date': {
      const filterDate = values.date(value);
      if (filterDate === null || entry.value === null) return false;
      // Dates know two directions: lt is "before", every other operator (and none) is strictly "after".
      return op === 'lt' ? filterDate > entry.value : filterDate < entry.value;
    }
    case 'bool':
      return values.bool(value) === entry.value;
    case 'int':
    case 'decimal':
      return (
        entry.value !== null && compareNumbers(entry.value, values.number(value, entry.kind === 'int'), op)
      );
    case 'text': {
      const rowText = (entry.value ?? '').trim().toLowerCase();
      const filterText = value.trim().toLowerCase();
      if (op === 'contains') return rowText.includes(filterText);
      if (op === 'doesnotcontain') return !rowText.includes(filterText);
      if (op === 'not') return rowText !== filterText;
      return rowText === filterText;
    }
  }
}

/** A filter term together with how to find its field in a row (undefined: the row has no such field). */
export interface BoundTerm<Row> {
  readonly term: FilterTerm;
  readonly cellOf: (row: Row) => Cell | undefined;
}

/** Whether a row passes every term, in order. Throws FilterValueError when a value cannot be parsed. */
export function rowMatches<Row>(
  row: Row,
  terms: readonly BoundTerm<Row>[],
  mode: FilterMode,
  values: FilterValues,
): boolean {
  for (const { term, cellOf } of terms) {
    const entry = cellOf(row);
    if (!entry) {
      if (mode === 'in-memory') return false;
      continue;
    }
    // In memory, a custom field without a value excludes the row whatever the filter says.
    if (mode === 'in-memory' && entry.custom === true && isNullValue(entry.value)) return false;
    if (!term.values.some((value) => valueMatches(entry, value, term.op, values))) return false;
  }
  return true;
}

/** Terms that look fields up by name in a written record. */
export function bindToRecords(terms: readonly FilterTerm[]): BoundTerm<WireRecord>[] {
  return terms.map((term) => ({ term, cellOf: (record) => findCell(record, term.field) }));
}
