// The issue use cases of the emulated Jira: who acts, visibility (404 for what the caller cannot browse), create,
// edit with changelog and product event, delete.
import { z } from 'zod';
import { eventBase } from '../events/payloads';
import { fieldErrors, forbidden, issueNotFound } from '../http/errors';
import type { Json } from '../state/json';
import type { Actor, ChangeItem, Issue, Project } from '../state/types';
import { can, type JiraCore } from './core';
import { planFieldUpdate, type FieldInput } from './issue-update';
import { checkEntityProperty } from './properties';

/** Who acts, and whether their permissions are enforced (the admin surface acts as a user without checks). */
export interface Caller {
  actor: Actor;
  enforcePermissions: boolean;
}

export interface IssueWriteInput extends FieldInput {
  properties: { key: string; value: Json }[];
}

const ProjectRef = z.union([
  z.object({ id: z.union([z.string(), z.number()]).transform(String) }),
  z.object({ key: z.string() }),
]);
const IssueTypeRef = z.union([
  z.object({ id: z.union([z.string(), z.number()]).transform(String) }),
  z.object({ name: z.string() }),
]);

/** The issue if it exists and the caller may browse its project; otherwise 404 like Jira (no existence leak). */
export function visibleIssue(core: JiraCore, caller: Caller, ref: string): Issue {
  const issue = core.store.issueByIdOrKey(ref);
  if (!issue) throw issueNotFound();
  if (caller.enforcePermissions && !can(core, caller.actor, 'BROWSE_PROJECTS', issue.projectId))
    throw issueNotFound();
  return issue;
}

export function requireIssuePermission(
  core: JiraCore,
  caller: Caller,
  issue: Issue,
  key: 'EDIT_ISSUES' | 'DELETE_ISSUES' | 'LINK_ISSUES' | 'ADD_COMMENTS' | 'TRANSITION_ISSUES',
  message: string,
): void {
  if (caller.enforcePermissions && !can(core, caller.actor, key, issue.projectId)) throw forbidden(message);
}

function resolveProject(core: JiraCore, caller: Caller, raw: unknown): Project | undefined {
  const ref = ProjectRef.safeParse(raw);
  if (!ref.success) return undefined;
  const project = core.store.projectByIdOrKey('id' in ref.data ? ref.data.id : ref.data.key);
  if (!project) return undefined;
  if (caller.enforcePermissions && !can(core, caller.actor, 'BROWSE_PROJECTS', project.id)) return undefined;
  return project;
}

function resolveIssueType(core: JiraCore, project: Project, raw: unknown): string | undefined {
  const ref = IssueTypeRef.safeParse(raw);
  if (!ref.success) return undefined;
  const type = core.store.issueTypeByIdOrName('id' in ref.data ? ref.data.id : ref.data.name);
  return type && project.issueTypeIds.includes(type.id) ? type.id : undefined;
}

function applyProperties(issue: Issue, properties: IssueWriteInput['properties']): void {
  for (const { key, value } of properties) {
    checkEntityProperty(key, value);
    issue.properties.set(key, value);
  }
}

export function createIssue(core: JiraCore, caller: Caller, input: IssueWriteInput): Issue {
  const { project: projectRaw, issuetype: typeRaw, ...fields } = input.fields;
  const project = resolveProject(core, caller, projectRaw);
  const issueTypeId = project ? resolveIssueType(core, project, typeRaw) : undefined;
  if (!project || !issueTypeId) {
    throw fieldErrors({
      ...(project ? {} : { project: 'Specify a valid project ID or key' }),
      ...(typeRaw === undefined
        ? { issuetype: 'Specify an issue type' }
        : issueTypeId
          ? {}
          : { issuetype: 'Specify a valid issue type' }),
    });
  }
  if (caller.enforcePermissions && !can(core, caller.actor, 'CREATE_ISSUES', project.id)) {
    throw forbidden('You do not have permission to create issues in this project.');
  }
  const defaults = new Map<string, Json>([
    ['reporter', caller.actor.accountId],
    ['priority', core.store.defaultPriorityId],
    ['labels', []],
    ['fixVersions', []],
    ['assignee', null],
    ['description', null],
  ]);
  const plan = planFieldUpdate(
    core,
    project,
    issueTypeId,
    defaults,
    { fields, update: input.update },
    'create',
  );
  for (const { key, value } of input.properties) checkEntityProperty(key, value);

  const at = core.clock.tick();
  const issue: Issue = {
    id: core.store.nextId('issue'),
    key: `${project.key}-${project.nextIssueNumber}`,
    projectId: project.id,
    issueTypeId,
    statusId: project.workflow.initialStatusId,
    creatorId: caller.actor.accountId,
    created: at,
    updated: at,
    statusCategoryChanged: at,
    values: new Map([...defaults, ...plan.values]),
    changelog: [],
    properties: new Map(),
    remoteLinks: [],
  };
  project.nextIssueNumber += 1;
  applyProperties(issue, input.properties);
  core.store.addIssue(issue);
  core.events.emit({ eventType: 'avi:jira:created:issue', ...eventBase(core, caller.actor, issue, at) });
  return issue;
}

/** Adds a changelog entry, bumps `updated` and emits `avi:jira:updated:issue` with the items. */
export function recordIssueChange(
  core: JiraCore,
  actor: Actor,
  issue: Issue,
  items: ChangeItem[],
  jiraEventTypeName: 'issue_updated' | 'issue_generic',
): void {
  const at = core.clock.tick();
  const group = { id: core.store.nextId('changelog'), authorId: actor.accountId, created: at, items };
  issue.changelog.push(group);
  issue.updated = at;
  core.events.emit({
    eventType: 'avi:jira:updated:issue',
    ...eventBase(core, actor, issue, at),
    jiraEventTypeName,
    changelog: { id: group.id, items },
  });
}

export function editIssue(core: JiraCore, caller: Caller, issue: Issue, input: IssueWriteInput): void {
  requireIssuePermission(
    core,
    caller,
    issue,
    'EDIT_ISSUES',
    'You do not have permission to edit issues in this project.',
  );
  const project = core.store.requireProject(issue.projectId);
  const plan = planFieldUpdate(core, project, issue.issueTypeId, issue.values, input, 'edit');
  for (const { key, value } of input.properties) checkEntityProperty(key, value);
  applyProperties(issue, input.properties);
  // Jira writes no history and sends no event when the edit changes nothing.
  if (plan.changes.length === 0) return;
  for (const [fieldId, value] of plan.values) issue.values.set(fieldId, value);
  recordIssueChange(core, caller.actor, issue, plan.changes, 'issue_updated');
}

export function deleteIssue(core: JiraCore, caller: Caller, issue: Issue): void {
  requireIssuePermission(
    core,
    caller,
    issue,
    'DELETE_ISSUES',
    'You do not have permission to delete issues in this project.',
  );
  const at = core.clock.tick();
  const payload = eventBase(core, caller.actor, issue, at);
  core.store.removeIssue(issue);
  core.events.emit({ eventType: 'avi:jira:deleted:issue', ...payload });
}
