// The syntax tree of the JQL subset the emulator understands: clauses, operands, AND/OR/NOT and ORDER BY.
export type ClauseOperator =
  '=' | '!=' | '>' | '>=' | '<' | '<=' | '~' | '!~' | 'in' | 'not in' | 'is' | 'is not';

export type Operand =
  { kind: 'value'; text: string } | { kind: 'function'; name: string; args: string[] } | { kind: 'empty' };

export interface Clause {
  kind: 'clause';
  field: string;
  operator: ClauseOperator;
  operands: Operand[];
}

export type Expression =
  | Clause
  | { kind: 'and' | 'or'; left: Expression; right: Expression }
  | { kind: 'not'; expression: Expression };

export interface SortKey {
  field: string;
  direction: 'asc' | 'desc';
}

export interface JqlQuery {
  where?: Expression;
  orderBy: SortKey[];
}
