// `id > 10050`, `key >= SUP-12`: the issue-key field's comparison operators
// (https://support.atlassian.com/jira-software-cloud/docs/jql-fields/#Issue-key, "Supported operators"). An id is
// compared as a number; a key within its project, by the number after the dash. The operand is not required to name
// an existing issue (a resume point may have been deleted since; assumed, not documented).
import type { Issue } from '../state/types';
import type { Clause } from './ast';
import { JqlError } from './errors';
import { unsupportedOperator, valueText, type Predicate } from './membership';

const COMPARE: Readonly<Record<string, (a: number, b: number) => boolean>> = {
  '>': (a, b) => a > b,
  '>=': (a, b) => a >= b,
  '<': (a, b) => a < b,
  '<=': (a, b) => a <= b,
};

export function isIssueRange(clause: Clause): boolean {
  return clause.operator in COMPARE;
}

const KEY = /^([A-Za-z][A-Za-z0-9_]*)-(\d+)$/;

export function issueRangeClause(
  clause: Clause,
  projectIdOfKey: (projectKey: string) => string | undefined,
): Predicate {
  const compare = COMPARE[clause.operator];
  const [operand] = clause.operands;
  if (compare === undefined || operand === undefined || clause.operands.length !== 1) {
    throw unsupportedOperator(clause.operator, clause.field);
  }
  const text = valueText(operand, clause.field);
  if (/^\d{1,18}$/.test(text)) {
    const bound = Number(text);
    return (issue: Issue) => compare(Number(issue.id), bound);
  }
  const key = KEY.exec(text);
  const projectId = key?.[1] === undefined ? undefined : projectIdOfKey(key[1]);
  if (!key || projectId === undefined) {
    throw new JqlError(`An issue with key '${text}' does not exist for field '${clause.field}'.`);
  }
  const bound = Number(key[2]);
  return (issue: Issue) =>
    issue.projectId === projectId && compare(Number(issue.key.slice(issue.key.lastIndexOf('-') + 1)), bound);
}
