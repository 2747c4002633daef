// JQL clauses over an issue property path (`issue.property[key].path` or its search alias), typed as the app's
// jira:entityProperty module declares the path:
// - number: = != > >= < <= IN, NOT IN, IS [NOT] EMPTY, compared as numbers;
// - string and user: = != IN, NOT IN, IS [NOT] EMPTY, the exact value ("allows searching for the exact phrase only");
// - text: ~ !~ IS [NOT] EMPTY, by words ("tokenizes the value before indexing");
// - date: = != > >= < <= IS [NOT] EMPTY with JQL's date operands.
// A property holding a list matches when any of its elements does, and != / NOT IN / !~ never match an issue without
// a value, as for Jira's multi-value fields. A path the app did not declare is not indexed: nothing has a value there
// (so only IS EMPTY matches); Jira answers such a search without an error (inferred: property clauses are accepted
// for any key and path, and only indexed values are found).
// https://developer.atlassian.com/platform/forge/manifest-reference/modules/jira-entity-property/
import type { Issue } from '../state/types';
import type { Clause, Operand } from './ast';
import { resolveDate } from './dates';
import { JqlError } from './errors';
import { membership, unsupportedOperator, valueText, type Predicate } from './membership';
import type { IndexedPath } from './property-index';
import { dateValues, numberValues, textValues } from './property-values';

const ORDERING: Record<string, (value: number, operand: number) => boolean> = {
  '>': (v, o) => v > o,
  '>=': (v, o) => v >= o,
  '<': (v, o) => v < o,
  '<=': (v, o) => v <= o,
};

/** = != > >= < <= (and IN, NOT IN, IS [NOT] EMPTY when `allowLists`) over numeric values. */
function orderedClause(
  clause: Clause,
  valuesOf: (issue: Issue) => number[],
  resolve: (operand: Operand) => number,
  allowLists: boolean,
): Predicate {
  const ordering = ORDERING[clause.operator];
  if (ordering) {
    const [operand] = clause.operands;
    if (operand?.kind !== 'value' && operand?.kind !== 'function') {
      throw unsupportedOperator(clause.operator, clause.field);
    }
    const bound = resolve(operand);
    return (issue) => valuesOf(issue).some((value) => ordering(value, bound));
  }
  if (!allowLists && (clause.operator === 'in' || clause.operator === 'not in')) {
    throw unsupportedOperator(clause.operator, clause.field);
  }
  return membership(
    clause,
    (operand) => [String(resolve(operand))],
    (issue) => valuesOf(issue).map(String),
  );
}

function numberOperand(field: string): (operand: Operand) => number {
  return (operand) => {
    const text = valueText(operand, field);
    const value = Number(text);
    if (text.trim() === '' || !Number.isFinite(value)) {
      throw new JqlError(`The value '${text}' is not a valid number for the field '${field}'.`);
    }
    return value;
  };
}

/** Lower-case words; a trailing `*` on a search term asks for words that start with it. */
function words(text: string): string[] {
  return text
    .toLowerCase()
    .split(/[^\p{L}\p{N}*]+/u)
    .filter((word) => word !== '' && word !== '*');
}

/** `~` and `!~` on a text path: every word of the operand is in one value (Jira's default AND of terms). */
function textClause(clause: Clause, indexed: IndexedPath): Predicate {
  if (clause.operator === 'is' || clause.operator === 'is not') {
    return membership(
      clause,
      () => [],
      (issue) => textValues(issue, indexed),
    );
  }
  if (clause.operator !== '~' && clause.operator !== '!~') {
    throw unsupportedOperator(clause.operator, clause.field);
  }
  const [operand] = clause.operands;
  const terms = words(valueText(operand ?? { kind: 'empty' }, clause.field));
  const holds = (value: string): boolean => {
    const tokens = words(value);
    return terms.every((term) =>
      term.endsWith('*')
        ? tokens.some((token) => token.startsWith(term.slice(0, -1)))
        : tokens.includes(term),
    );
  };
  if (clause.operator === '~') return (issue) => textValues(issue, indexed).some(holds);
  return (issue) => {
    const values = textValues(issue, indexed);
    return values.length > 0 && !values.some(holds);
  };
}

/** The predicate of a clause on `indexed`, or on a path nobody declared (`undefined`: no issue has a value there). */
export function propertyClause(clause: Clause, indexed: IndexedPath | undefined, now: number): Predicate {
  if (indexed === undefined) {
    return membership(
      clause,
      (operand) => [valueText(operand, clause.field)],
      () => [],
    );
  }
  switch (indexed.type) {
    case 'number':
      return orderedClause(
        clause,
        (issue) => numberValues(issue, indexed),
        numberOperand(clause.field),
        true,
      );
    case 'date':
      return orderedClause(
        clause,
        (issue) => dateValues(issue, indexed),
        (operand) => resolveDate(operand, clause.field, now),
        false,
      );
    case 'text':
      return textClause(clause, indexed);
    case 'string':
    case 'user':
      return membership(
        clause,
        (operand) => [valueText(operand, clause.field)],
        (issue) => textValues(issue, indexed),
      );
  }
}
