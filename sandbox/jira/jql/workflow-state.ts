// JQL over where an issue stands in its workflow: `statusCategory` ("To Do", "In Progress", "Done", by name, key or
// id) and `resolution` (the one resolution the emulator knows, "Done"; `Unresolved` means none, like EMPTY).
// https://support.atlassian.com/jira-software-cloud/docs/jql-fields/#Status-category
import type { JiraCore } from '../service/core';
import { DONE_RESOLUTION } from '../service/resolution';
import type { StatusCategoryKey } from '../state/types';
import type { Clause } from './ast';
import { membership, stringValues, unknownValue, valueText, type Predicate } from './membership';

const CATEGORIES: { key: StatusCategoryKey; id: string; name: string }[] = [
  { key: 'new', id: '2', name: 'To Do' },
  { key: 'indeterminate', id: '4', name: 'In Progress' },
  { key: 'done', id: '3', name: 'Done' },
];

export function statusCategoryClause(core: JiraCore, clause: Clause): Predicate {
  return membership(
    clause,
    (operand) => {
      const text = valueText(operand, clause.field);
      const lower = text.toLowerCase();
      const category = CATEGORIES.find(
        (c) => c.id === text || c.key === lower || c.name.toLowerCase() === lower,
      );
      if (!category) throw unknownValue(text, clause.field);
      return [category.key];
    },
    (issue) => [core.store.requireStatus(issue.statusId).category],
  );
}

export function resolutionClause(clause: Clause): Predicate {
  // `resolution = Unresolved` is Jira's spelling of `resolution is EMPTY`.
  const operands = clause.operands.map((operand) =>
    operand.kind === 'value' && operand.text.toLowerCase() === 'unresolved'
      ? { kind: 'empty' as const }
      : operand,
  );
  return membership(
    { ...clause, operands },
    (operand) => {
      const text = valueText(operand, clause.field);
      if (text === DONE_RESOLUTION.id || text.toLowerCase() === DONE_RESOLUTION.name.toLowerCase())
        return [DONE_RESOLUTION.id];
      throw unknownValue(text, clause.field);
    },
    (issue) => stringValues(issue, 'resolution'),
  );
}
