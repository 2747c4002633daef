// Site configuration behind the Jira admin: statuses, issue types, priorities, custom fields, workflows, projects,
// users and permission grants, written straight into the emulator's store.
import type { JiraCore } from '../service/core';
import { SPRINT_FIELD_ID } from '../service/fields/sprint-field';
import type { Caller } from '../service/issues';
import {
  emptyGrants,
  fullGrants,
  PROJECT_PERMISSIONS,
  STANDARD_USER_PROJECT_PERMISSIONS,
  type PermissionKey,
} from '../state/permissions';
import type { CustomField, IssueType, Project, Status, User, Version } from '../state/types';
import type {
  CustomFieldInput,
  IssueTypeInput,
  PermissionGrantInput,
  PrincipalRef,
  ProjectInput,
  StatusInput,
  UserInput,
  VersionInput,
} from './inputs';

/** Site configuration for tests and the sandbox page: statuses, types, fields, projects, users, permissions. */
export class SiteSetup {
  constructor(protected readonly core: JiraCore) {}

  protected get store(): JiraCore['store'] {
    return this.core.store;
  }

  addStatus(input: StatusInput): Status {
    const id = input.id ?? this.store.nextId('status');
    this.store.reserveId('status', id);
    const status: Status = {
      id,
      name: input.name,
      description: input.description ?? '',
      category: input.category,
    };
    this.store.statuses.set(id, status);
    return status;
  }

  addIssueType(input: IssueTypeInput): IssueType {
    const id = input.id ?? this.store.nextId('issueType');
    this.store.reserveId('issueType', id);
    const type: IssueType = {
      id,
      name: input.name,
      description: input.description ?? '',
      subtask: input.subtask ?? false,
      hierarchyLevel: input.subtask ? -1 : 0,
    };
    this.store.issueTypes.set(id, type);
    return type;
  }

  addCustomField(input: CustomFieldInput): CustomField {
    const id = input.id ?? `customfield_${this.store.nextId('customField')}`;
    if (!/^customfield_\d+$/.test(id))
      throw new Error(`Custom field ids look like customfield_10010, not ${id}`);
    if (id === SPRINT_FIELD_ID)
      throw new Error(`${id} is Jira Software's Sprint field, which every site has`);
    this.store.reserveId('customField', id.replace('customfield_', ''));
    const options = (input.options ?? []).map((option) =>
      typeof option === 'string' ? { id: this.store.nextId('option'), value: option } : option,
    );
    options.forEach((option) => this.store.reserveId('option', option.id));
    const field: CustomField = { id, name: input.name, kind: input.kind, options };
    this.store.customFields.set(id, field);
    return field;
  }

  addProject(input: ProjectInput): Project {
    const key = input.key.toUpperCase();
    if (this.store.projectByIdOrKey(key)) throw new Error(`Project ${key} exists already`);
    const status = (ref: string): string => {
      const found = this.store.statusByIdOrName(ref);
      if (!found) throw new Error(`Unknown status ${ref}`);
      return found.id;
    };
    const issueTypeIds = input.issueTypes.map((ref) => {
      const type = this.store.issueTypeByIdOrName(ref);
      if (!type) throw new Error(`Unknown issue type ${ref}`);
      return type.id;
    });
    const transitions = (input.transitions ?? []).map((t, index) => ({
      id: t.id ?? String(11 + index * 10),
      name: t.name,
      from: t.from === 'any' ? ('any' as const) : t.from.map(status),
      to: status(t.to),
    }));
    const statusIds = input.statuses
      ? input.statuses.map(status)
      : [...new Set(transitions.flatMap((t) => [...(t.from === 'any' ? [] : t.from), t.to]))];
    const initialStatusId = input.initialStatus ? status(input.initialStatus) : statusIds[0];
    if (!initialStatusId) throw new Error(`Project ${key} needs at least one status`);
    const id = input.id ?? this.store.nextId('project');
    this.store.reserveId('project', id);
    const project: Project = {
      id,
      key,
      name: input.name ?? key,
      description: input.description ?? '',
      projectTypeKey: input.projectTypeKey ?? 'software',
      leadAccountId: input.lead ?? this.core.appAccountId,
      issueTypeIds,
      workflow: {
        initialStatusId,
        statusIds: statusIds.includes(initialStatusId) ? statusIds : [initialStatusId, ...statusIds],
        transitions,
      },
      versions: [],
      screens: new Map(),
      nextIssueNumber: 1,
    };
    this.store.projects.set(id, project);
    for (const version of input.versions ?? []) this.addVersion(key, version);
    for (const [typeRef, fields] of Object.entries(input.screens ?? {})) this.setScreen(key, typeRef, fields);
    return project;
  }

  addVersion(projectRef: string, input: VersionInput): Version {
    const project = this.project(projectRef);
    const id = input.id ?? this.store.nextId('version');
    this.store.reserveId('version', id);
    const version: Version = {
      id,
      name: input.name,
      description: input.description ?? '',
      released: input.released ?? false,
      archived: input.archived ?? false,
      ...(input.releaseDate ? { releaseDate: input.releaseDate } : {}),
      ...(input.startDate ? { startDate: input.startDate } : {}),
    };
    project.versions.push(version);
    return version;
  }

  /** Puts custom fields on an issue type's screen in a project (replacing what was there). */
  setScreen(
    projectRef: string,
    issueTypeRef: string,
    fields: { fieldId: string; required?: boolean }[],
  ): void {
    const project = this.project(projectRef);
    const type = this.store.issueTypeByIdOrName(issueTypeRef);
    if (!type || !project.issueTypeIds.includes(type.id))
      throw new Error(`${issueTypeRef} is not an issue type of ${project.key}`);
    for (const { fieldId } of fields) {
      if (!this.store.customFields.has(fieldId)) throw new Error(`Unknown custom field ${fieldId}`);
    }
    project.screens.set(
      type.id,
      fields.map((f) => ({ fieldId: f.fieldId, required: f.required ?? false })),
    );
  }

  addRole(name: string): void {
    this.store.roles.add(name);
  }

  addGroup(name: string): void {
    this.store.groups.add(name);
  }

  addUser(input: UserInput): User {
    if (this.store.users.has(input.accountId)) throw new Error(`User ${input.accountId} exists already`);
    const user: User = {
      accountId: input.accountId,
      displayName: input.displayName,
      ...(input.emailAddress ? { emailAddress: input.emailAddress } : {}),
      emailVisible: input.emailVisible ?? false,
      accountType: input.accountType ?? 'atlassian',
      active: input.active ?? true,
      timeZone: input.timeZone ?? 'UTC',
      groups:
        input.groups ??
        (input.admin ? ['jira-administrators', 'jira-software-users'] : ['jira-software-users']),
    };
    this.store.users.set(user.accountId, user);
    this.setPermissions(
      user.accountId,
      input.permissions ??
        (input.admin
          ? { global: ['ADMINISTER'], allProjects: PROJECT_PERMISSIONS }
          : { allProjects: STANDARD_USER_PROJECT_PERMISSIONS }),
    );
    return user;
  }

  /** Replaces every grant of the principal. */
  setPermissions(principal: PrincipalRef, grants: PermissionGrantInput): void {
    const accountId = this.accountId(principal);
    const next = emptyGrants();
    grants.global?.forEach((key) => next.global.add(key));
    grants.allProjects?.forEach((key) => next.allProjects.add(key));
    for (const [projectRef, keys] of Object.entries(grants.projects ?? {})) {
      next.byProject.set(this.project(projectRef).id, new Set(keys));
    }
    this.store.grants.set(accountId, next);
  }

  /** Gives one permission, globally (ADMINISTER) or in one project / every project. */
  grant(principal: PrincipalRef, key: PermissionKey, projectRef?: string): void {
    this.adjust(principal, key, projectRef, (set) => set.add(key));
  }

  revoke(principal: PrincipalRef, key: PermissionKey, projectRef?: string): void {
    this.adjust(principal, key, projectRef, (set) => set.delete(key));
  }

  /** The app principal gets every permission again. */
  restoreAppPermissions(): void {
    this.store.grants.set(this.core.appAccountId, fullGrants());
  }

  private adjust(
    principal: PrincipalRef,
    key: PermissionKey,
    projectRef: string | undefined,
    change: (set: Set<PermissionKey>) => void,
  ): void {
    const accountId = this.accountId(principal);
    const grants = this.store.grants.get(accountId) ?? emptyGrants();
    this.store.grants.set(accountId, grants);
    if (key === 'ADMINISTER') {
      change(grants.global);
      return;
    }
    if (projectRef === undefined) {
      change(grants.allProjects);
      for (const set of grants.byProject.values()) change(set);
      return;
    }
    const projectId = this.project(projectRef).id;
    const set = grants.byProject.get(projectId) ?? new Set(grants.allProjects);
    change(set);
    grants.byProject.set(projectId, set);
  }

  protected project(ref: string): Project {
    const project = this.store.projectByIdOrKey(ref);
    if (!project) throw new Error(`Unknown project ${ref}`);
    return project;
  }

  /** Acts as the principal without permission checks: the admin is setting the scene. */
  protected caller(principal: PrincipalRef): Caller {
    const accountId = this.accountId(principal);
    return { actor: { accountId, isApp: accountId === this.core.appAccountId }, enforcePermissions: false };
  }

  protected accountId(principal: PrincipalRef): string {
    if (principal === 'app') return this.core.appAccountId;
    if (!this.store.users.has(principal)) throw new Error(`Unknown user ${principal}`);
    return principal;
  }
}
