// The condition vocabulary shared by entity-query ranges, entity-query filters and transaction conditions.
// Comparisons follow the service's key-value semantics: numbers compare numerically, strings byte-wise, and values
// of different types never match an ordering or equality condition.
import { badRequest } from './errors';
import { compareKeys } from './keys';
import type { JsonValue } from './types';
import type { WireCondition, WireFilters } from './wire';

export type Scalar = string | number | boolean;

const RANGE_CONDITIONS = [
  'BEGINS_WITH',
  'BETWEEN',
  'EQUAL_TO',
  'GREATER_THAN',
  'GREATER_THAN_EQUAL_TO',
  'LESS_THAN',
  'LESS_THAN_EQUAL_TO',
] as const;
const FILTER_CONDITIONS = [
  ...RANGE_CONDITIONS,
  'CONTAINS',
  'NOT_CONTAINS',
  'NOT_EQUAL_TO',
  'EXISTS',
  'NOT_EXISTS',
] as const;
type ConditionName = (typeof FILTER_CONDITIONS)[number];

export interface Condition {
  condition: ConditionName;
  values: Scalar[];
}
export interface FilterClause extends Condition {
  property: string;
}
export interface Filter {
  operator: 'and' | 'or';
  clauses: FilterClause[];
}

function isScalar(value: unknown): value is Scalar {
  return (
    typeof value === 'string' ||
    typeof value === 'boolean' ||
    (typeof value === 'number' && Number.isFinite(value))
  );
}

function parseCondition(
  raw: { condition: string; values: unknown[] },
  allowed: readonly ConditionName[],
): Condition {
  const condition = allowed.find((name) => name === raw.condition);
  if (!condition) {
    throw badRequest('INVALID_FILTER_CONDITION', `Condition '${raw.condition}' is not supported here`);
  }
  const values = raw.values.filter(isScalar);
  if (values.length !== raw.values.length) {
    throw badRequest('INVALID_FILTER_VALUES', `Values of ${condition} must be strings, numbers or booleans`);
  }
  if (condition === 'BETWEEN') {
    if (values.length < 2) throw badRequest('INSUFFICIENT_FILTER_VALUES', 'BETWEEN needs two values');
    if (values.length > 2) throw badRequest('INVALID_FILTER_VALUES', 'BETWEEN takes exactly two values');
  } else if (values.length !== 1) {
    throw badRequest('INVALID_FILTER_VALUES', `${condition} takes exactly one value`);
  }
  if ((condition === 'EXISTS' || condition === 'NOT_EXISTS') && values[0] !== true) {
    throw badRequest('INVALID_FILTER_VALUES', `${condition} takes the value [true]`);
  }
  return { condition, values };
}

export function parseRangeCondition(raw: { condition: string; values: unknown[] }): Condition {
  return parseCondition(raw, RANGE_CONDITIONS);
}

function parseClause(raw: WireCondition): FilterClause {
  if (raw.property.length === 0) throw badRequest('BAD_REQUEST', 'A filter condition needs a property');
  return { property: raw.property, ...parseCondition(raw, FILTER_CONDITIONS) };
}

export function parseFilter(raw: WireFilters): Filter {
  if (raw.and !== undefined && raw.or !== undefined) {
    throw badRequest(
      'INVALID_FILTER_OPERATORS_COMBINATION',
      'Filter operators "and" and "or" cannot be present at the same level',
    );
  }
  const operator = raw.and !== undefined ? 'and' : 'or';
  const clauses = raw.and ?? raw.or ?? [];
  if (clauses.length === 0)
    throw badRequest('EMPTY_FILTER_OPERATOR', 'Filter operators "and" and "or" cannot be empty');
  return { operator, clauses: clauses.map(parseClause) };
}

/** Orders two scalars of one type; undefined when they are not comparable. */
export function compareScalars(a: JsonValue | undefined, b: Scalar): number | undefined {
  if (typeof a === 'number' && typeof b === 'number') return a - b;
  if (typeof a === 'string' && typeof b === 'string') return compareKeys(a, b);
  return undefined;
}

function contains(actual: JsonValue, needle: Scalar): boolean {
  if (typeof actual === 'string') return typeof needle === 'string' && actual.includes(needle);
  if (Array.isArray(actual)) return actual.some((element) => element === needle);
  return false;
}

function holds(order: number | undefined, test: (order: number) => boolean): boolean {
  return order !== undefined && test(order);
}

/** Whether an attribute value (undefined when the item lacks the attribute) satisfies a condition. */
export function satisfies({ condition, values }: Condition, actual: JsonValue | undefined): boolean {
  const [first, second] = values;
  if (first === undefined) return false;
  switch (condition) {
    case 'EXISTS':
      return actual !== undefined;
    case 'NOT_EXISTS':
      return actual === undefined;
    case 'EQUAL_TO':
      return actual === first;
    case 'NOT_EQUAL_TO':
      return actual !== first;
    case 'CONTAINS':
      return actual !== undefined && contains(actual, first);
    case 'NOT_CONTAINS':
      return actual === undefined || !contains(actual, first);
    case 'BEGINS_WITH':
      return typeof actual === 'string' && typeof first === 'string' && actual.startsWith(first);
    case 'GREATER_THAN':
      return holds(compareScalars(actual, first), (o) => o > 0);
    case 'GREATER_THAN_EQUAL_TO':
      return holds(compareScalars(actual, first), (o) => o >= 0);
    case 'LESS_THAN':
      return holds(compareScalars(actual, first), (o) => o < 0);
    case 'LESS_THAN_EQUAL_TO':
      return holds(compareScalars(actual, first), (o) => o <= 0);
    case 'BETWEEN':
      return (
        second !== undefined &&
        holds(compareScalars(actual, first), (o) => o >= 0) &&
        holds(compareScalars(actual, second), (o) => o <= 0)
      );
  }
}

export function filterAccepts(filter: Filter, attributes: { [key: string]: JsonValue }): boolean {
  const attributeValue = (property: string): JsonValue | undefined =>
    Object.hasOwn(attributes, property) ? attributes[property] : undefined;
  const results = filter.clauses.map((clause) => satisfies(clause, attributeValue(clause.property)));
  return filter.operator === 'and' ? results.every(Boolean) : results.some(Boolean);
}
