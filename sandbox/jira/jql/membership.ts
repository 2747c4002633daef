// The building blocks of JQL clauses over set-valued fields: resolving operands, the IN / = / != / IS EMPTY
// semantics Jira gives them, and Jira's error messages for unknown fields, values and operators.
import type { Issue } from '../state/types';
import type { Clause, Operand } from './ast';
import { JqlError } from './errors';

export type Predicate = (issue: Issue) => boolean;

export const unknownField = (field: string): JqlError =>
  new JqlError(`Field '${field}' does not exist or you do not have permission to view it.`);
export const unknownValue = (value: string, field: string): JqlError =>
  new JqlError(`The value '${value}' does not exist for the field '${field}'.`);
export const unsupportedOperator = (operator: string, field: string): JqlError =>
  new JqlError(`The operator '${operator}' is not supported by the '${field}' field.`);

export function stringValues(issue: Issue, fieldId: string): string[] {
  const value = issue.values.get(fieldId);
  if (typeof value === 'string') return [value];
  return Array.isArray(value) ? value.filter((v): v is string => typeof v === 'string') : [];
}

/** Set-valued clauses (=, !=, IN, NOT IN, IS [NOT] EMPTY); like Jira, != and NOT IN never match an empty field. */
export function membership(
  clause: Clause,
  resolve: (operand: Operand) => string[],
  valuesOf: (issue: Issue) => string[],
): Predicate {
  const wanted = new Set(
    clause.operands.flatMap((operand) => (operand.kind === 'empty' ? [] : resolve(operand))),
  );
  const wantsEmpty = clause.operands.some((operand) => operand.kind === 'empty');
  const hit = (issue: Issue): boolean => {
    const values = valuesOf(issue);
    return values.some((value) => wanted.has(value)) || (wantsEmpty && values.length === 0);
  };
  switch (clause.operator) {
    case '=':
    case 'in':
    case 'is':
      return hit;
    case '!=':
    case 'not in':
    case 'is not':
      return (issue) => {
        const values = valuesOf(issue);
        return values.length > 0 && !values.some((value) => wanted.has(value));
      };
    default:
      throw unsupportedOperator(clause.operator, clause.field);
  }
}

export function valueText(operand: Operand, field: string): string {
  if (operand.kind === 'value') return operand.text;
  if (operand.kind === 'function') throw new JqlError(`Unable to find JQL function '${operand.name}()'.`);
  throw unknownValue('EMPTY', field);
}
