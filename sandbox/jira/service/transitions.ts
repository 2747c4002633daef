// Workflow transitions of the emulated Jira: which are available from an issue's status, performing one, and the
// resolution Jira's default workflows set and clear.
import { badRequest, fieldErrors } from '../http/errors';
import { formatJiraDate } from '../state/clock';
import type { ChangeItem, Issue, Status, WorkflowTransition } from '../state/types';
import { can, type JiraCore } from './core';
import type { FieldInput } from './issue-update';
import { recordIssueChange, type Caller } from './issues';
import { DONE_RESOLUTION } from './resolution';

export interface AvailableTransition {
  transition: WorkflowTransition;
  target: Status;
}

/** Transitions of the project's workflow that start from the issue's current status. */
export function availableTransitions(core: JiraCore, caller: Caller, issue: Issue): AvailableTransition[] {
  if (caller.enforcePermissions && !can(core, caller.actor, 'TRANSITION_ISSUES', issue.projectId)) return [];
  const project = core.store.requireProject(issue.projectId);
  return project.workflow.transitions
    .filter((t) => (t.from === 'any' ? t.to !== issue.statusId : t.from.includes(issue.statusId)))
    .map((transition) => ({ transition, target: core.store.requireStatus(transition.to) }));
}

/** Performs a transition; the workflow's transitions have no screen, so fields cannot be set on the way. */
export function transitionIssue(
  core: JiraCore,
  caller: Caller,
  issue: Issue,
  transitionId: string,
  input: FieldInput,
): void {
  const available = availableTransitions(core, caller, issue).find((a) => a.transition.id === transitionId);
  if (!available) throw badRequest([`Transition id '${transitionId}' is not valid for this issue.`]);
  const fieldIds = [...Object.keys(input.fields), ...Object.keys(input.update)];
  if (fieldIds.length > 0) {
    throw fieldErrors(
      Object.fromEntries(
        fieldIds.map((id) => [
          id,
          `Field '${id}' cannot be set. It is not on the appropriate screen, or unknown.`,
        ]),
      ),
    );
  }
  const from = core.store.requireStatus(issue.statusId);
  const to = available.target;
  issue.statusId = to.id;
  if (from.category !== to.category) issue.statusCategoryChanged = core.clock.now();
  recordIssueChange(
    core,
    caller.actor,
    issue,
    [
      {
        field: 'status',
        fieldId: 'status',
        fieldtype: 'jira',
        from: from.id,
        fromString: from.name,
        to: to.id,
        toString: to.name,
      },
      ...resolutionChange(core, issue, from.category === 'done', to.category === 'done'),
    ],
    'issue_generic',
  );
}

/**
 * Jira's default workflows set the resolution "Done" when an issue enters a done-category status and clear it when
 * it leaves one (https://support.atlassian.com/jira-cloud-administration/docs/what-are-issue-statuses-priorities-and-resolutions/);
 * the emulator models that one resolution, with the changelog item Jira writes.
 */
function resolutionChange(core: JiraCore, issue: Issue, wasDone: boolean, isDone: boolean): ChangeItem[] {
  if (wasDone === isDone) return [];
  if (isDone) {
    issue.values.set('resolution', DONE_RESOLUTION.id);
    issue.values.set('resolutiondate', formatJiraDate(core.clock.now()));
  } else {
    issue.values.delete('resolution');
    issue.values.delete('resolutiondate');
  }
  return [
    {
      field: 'resolution',
      fieldId: 'resolution',
      fieldtype: 'jira',
      from: isDone ? null : DONE_RESOLUTION.id,
      fromString: isDone ? null : DONE_RESOLUTION.name,
      to: isDone ? DONE_RESOLUTION.id : null,
      toString: isDone ? DONE_RESOLUTION.name : null,
    },
  ];
}
