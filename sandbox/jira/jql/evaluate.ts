// Compiles a parsed JQL query into a filter over the site's issues: fields, statuses, dates, sprints, versions,
// users and the app's indexed issue properties, with what the caller may browse.
import { can, type JiraCore } from '../service/core';
import type { Caller } from '../service/issues';
import { parseJiraDate } from '../state/clock';
import type { Issue, Project } from '../state/types';
import type { Clause, Expression, JqlQuery } from './ast';
import { resolveDate } from './dates';
import { JqlError } from './errors';
import {
  membership,
  stringValues,
  unknownField,
  unknownValue,
  unsupportedOperator,
  valueText,
  type Predicate,
} from './membership';
import { isIssueRange, issueRangeClause } from './issue-range';
import { propertyClause } from './property-clause';
import { ENTITY_PROPERTY } from './property-index';
import { issueComparator } from './sort';
import { SPRINT_CLAUSE_NAMES, sprintClause } from './sprints';
import { resolutionClause, statusCategoryClause } from './workflow-state';

export interface CompiledQuery {
  matches(issue: Issue): boolean;
  compare(a: Issue, b: Issue): number;
}

interface Scope {
  core: JiraCore;
  caller: Caller;
  visibleProjects: Project[];
}

/** `timestamp` is undefined when the field is empty (an unresolved issue's resolution date): only IS EMPTY matches it. */
function dateClause(
  scope: Scope,
  clause: Clause,
  timestamp: (issue: Issue) => number | undefined,
): Predicate {
  if (clause.operator === 'is') return (issue) => timestamp(issue) === undefined;
  if (clause.operator === 'is not') return (issue) => timestamp(issue) !== undefined;
  const [operand] = clause.operands;
  if (!operand) throw unknownValue('', clause.field);
  const at = resolveDate(operand, clause.field, scope.core.clock.now());
  const compare: Record<string, (value: number) => boolean> = {
    '=': (v) => v === at,
    '!=': (v) => v !== at,
    '>': (v) => v > at,
    '>=': (v) => v >= at,
    '<': (v) => v < at,
    '<=': (v) => v <= at,
  };
  const test = compare[clause.operator];
  if (!test) throw unsupportedOperator(clause.operator, clause.field);
  return (issue) => {
    const value = timestamp(issue);
    return value !== undefined && test(value);
  };
}

/** `issue.property[key].path`: searchable only where the app's jira:entityProperty modules index it. */
function entityPropertyClause(
  scope: Scope,
  clause: Clause,
  key: string,
  path: string | undefined,
): Predicate {
  if (path?.split('.').some((step) => step === '')) throw unknownField(clause.field);
  return propertyClause(clause, scope.core.propertyIndex.path(key, path), scope.core.clock.now());
}

function compileClause(scope: Scope, clause: Clause): Predicate {
  const { core, caller, visibleProjects } = scope;
  const property = ENTITY_PROPERTY.exec(clause.field);
  if (property?.[1] !== undefined) return entityPropertyClause(scope, clause, property[1], property[2]);
  const field = clause.field.toLowerCase();
  switch (field) {
    case 'project':
      return membership(
        clause,
        (operand) => {
          const text = valueText(operand, clause.field);
          const lower = text.toLowerCase();
          const project = visibleProjects.find(
            (p) => p.id === text || p.key.toLowerCase() === lower || p.name.toLowerCase() === lower,
          );
          if (!project) throw unknownValue(text, clause.field);
          return [project.id];
        },
        (issue) => [issue.projectId],
      );
    case 'key':
    case 'issuekey':
    case 'issue':
    case 'id':
      if (isIssueRange(clause)) {
        return issueRangeClause(
          clause,
          (key) => visibleProjects.find((p) => p.key.toLowerCase() === key.toLowerCase())?.id,
        );
      }
      return membership(
        clause,
        (operand) => {
          const text = valueText(operand, clause.field);
          const issue = core.store.issueByIdOrKey(text);
          if (!issue || !visibleProjects.some((p) => p.id === issue.projectId)) {
            throw new JqlError(`An issue with key '${text}' does not exist for field '${clause.field}'.`);
          }
          return [issue.id];
        },
        (issue) => [issue.id],
      );
    case 'status':
      return membership(
        clause,
        (operand) => {
          const text = valueText(operand, clause.field);
          const status = core.store.statusByIdOrName(text);
          if (!status) throw unknownValue(text, clause.field);
          return [status.id];
        },
        (issue) => [issue.statusId],
      );
    case 'issuetype':
    case 'type':
      return membership(
        clause,
        (operand) => {
          const text = valueText(operand, clause.field);
          const type = core.store.issueTypeByIdOrName(text);
          if (!type) throw unknownValue(text, clause.field);
          return [type.id];
        },
        (issue) => [issue.issueTypeId],
      );
    case 'fixversion':
      return membership(
        clause,
        (operand) => {
          const text = valueText(operand, clause.field);
          const ids = visibleProjects.flatMap((p) =>
            p.versions.filter((v) => v.id === text || v.name === text).map((v) => v.id),
          );
          if (ids.length === 0) throw unknownValue(text, clause.field);
          return ids;
        },
        (issue) => stringValues(issue, 'fixVersions'),
      );
    case 'labels':
      return membership(
        clause,
        (operand) => [valueText(operand, clause.field)],
        (issue) => stringValues(issue, 'labels'),
      );
    case 'assignee':
    case 'reporter':
      return membership(
        clause,
        (operand) => {
          if (operand.kind === 'function' && operand.name.toLowerCase() === 'currentuser')
            return [caller.actor.accountId];
          const text = valueText(operand, clause.field);
          if (!core.store.users.has(text)) throw unknownValue(text, clause.field);
          return [text];
        },
        (issue) => stringValues(issue, field),
      );
    case 'updated':
    case 'updateddate':
      return dateClause(scope, clause, (issue) => issue.updated);
    case 'created':
    case 'createddate':
      return dateClause(scope, clause, (issue) => issue.created);
    case 'resolved':
    case 'resolutiondate':
      return dateClause(scope, clause, (issue) => {
        const value = issue.values.get('resolutiondate');
        return typeof value === 'string' ? parseJiraDate(value) : undefined;
      });
    case 'statuscategory':
      return statusCategoryClause(core, clause);
    case 'resolution':
      return resolutionClause(clause);
    default: {
      if (SPRINT_CLAUSE_NAMES.includes(field)) return sprintClause(core, clause);
      // An app's search alias for an indexed property path (`supportTickets > 0`).
      const aliased = core.propertyIndex.alias(clause.field);
      if (aliased) return propertyClause(clause, aliased, core.clock.now());
      throw unknownField(clause.field);
    }
  }
}

function compileExpression(scope: Scope, expression: Expression): Predicate {
  switch (expression.kind) {
    case 'clause':
      return compileClause(scope, expression);
    case 'not': {
      const inner = compileExpression(scope, expression.expression);
      return (issue) => !inner(issue);
    }
    case 'and': {
      const left = compileExpression(scope, expression.left);
      const right = compileExpression(scope, expression.right);
      return (issue) => left(issue) && right(issue);
    }
    case 'or': {
      const left = compileExpression(scope, expression.left);
      const right = compileExpression(scope, expression.right);
      return (issue) => left(issue) || right(issue);
    }
  }
}

export function compileJql(core: JiraCore, caller: Caller, query: JqlQuery): CompiledQuery {
  const visibleProjects = [...core.store.projects.values()].filter(
    (project) => !caller.enforcePermissions || can(core, caller.actor, 'BROWSE_PROJECTS', project.id),
  );
  const scope: Scope = { core, caller, visibleProjects };
  const predicate = query.where ? compileExpression(scope, query.where) : () => true;
  const visible = new Set(visibleProjects.map((project) => project.id));
  const compare = issueComparator(core, query.orderBy);
  return {
    matches: (issue) => visible.has(issue.projectId) && predicate(issue),
    compare,
  };
}
