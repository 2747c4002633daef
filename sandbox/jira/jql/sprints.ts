// JQL over Jira Software's Sprint field: `sprint = 12`, `sprint = "Sprint 12"`, `sprint in (…)`, `sprint is EMPTY`,
// and the functions `openSprints()` (sprints not completed: active and future) and `closedSprints()`.
// https://support.atlassian.com/jira-software-cloud/docs/jql-functions/#openSprints--
import type { JiraCore } from '../service/core';
import { sprintIdsOf } from '../service/fields/sprint-field';
import type { Clause, Operand } from './ast';
import { JqlError } from './errors';
import { membership, unknownValue, type Predicate } from './membership';

/** The field names a sprint clause may use. */
export const SPRINT_CLAUSE_NAMES = ['sprint', 'cf[10020]'];

function sprintIds(core: JiraCore, operand: Operand, field: string): string[] {
  const sprints = [...core.store.sprints.values()];
  if (operand.kind === 'function') {
    const name = operand.name.toLowerCase();
    if (name === 'opensprints') return sprints.filter((s) => s.state !== 'closed').map((s) => String(s.id));
    if (name === 'closedsprints') return sprints.filter((s) => s.state === 'closed').map((s) => String(s.id));
    throw new JqlError(`Unable to find JQL function '${operand.name}()'.`);
  }
  if (operand.kind !== 'value') throw unknownValue('EMPTY', field);
  const text = operand.text.trim();
  const lower = text.toLowerCase();
  const found = sprints.filter((s) => String(s.id) === text || s.name.toLowerCase() === lower);
  if (found.length === 0) throw unknownValue(operand.text, field);
  return found.map((s) => String(s.id));
}

export function sprintClause(core: JiraCore, clause: Clause): Predicate {
  return membership(
    clause,
    (operand) => sprintIds(core, operand, clause.field),
    (issue) => sprintIdsOf(issue).map(String),
  );
}
