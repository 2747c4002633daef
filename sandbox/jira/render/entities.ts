// Renders the small shared beans of Jira's replies: statuses and categories, issue types, priorities, project
// references and users.
import type { JiraCore } from '../service/core';
import type { Json, JsonObject } from '../state/json';
import type { IssueType, Priority, Project, Status, StatusCategoryKey, User } from '../state/types';

const STATUS_CATEGORIES: Record<StatusCategoryKey, { id: number; name: string; colorName: string }> = {
  new: { id: 2, name: 'To Do', colorName: 'blue-gray' },
  indeterminate: { id: 4, name: 'In Progress', colorName: 'yellow' },
  done: { id: 3, name: 'Done', colorName: 'green' },
};

export function renderStatusCategory(core: JiraCore, key: StatusCategoryKey): JsonObject {
  const category = STATUS_CATEGORIES[key];
  return {
    self: `${core.baseUrl()}/rest/api/3/statuscategory/${category.id}`,
    id: category.id,
    key,
    colorName: category.colorName,
    name: category.name,
  };
}

export function renderStatus(core: JiraCore, status: Status): JsonObject {
  return {
    self: `${core.baseUrl()}/rest/api/3/status/${status.id}`,
    description: status.description,
    iconUrl: `${core.baseUrl()}/images/icons/statuses/generic.png`,
    name: status.name,
    untranslatedName: status.name,
    id: status.id,
    statusCategory: renderStatusCategory(core, status.category),
  };
}

export function renderIssueType(core: JiraCore, type: IssueType): JsonObject {
  return {
    self: `${core.baseUrl()}/rest/api/3/issuetype/${type.id}`,
    id: type.id,
    description: type.description,
    iconUrl: `${core.baseUrl()}/rest/api/2/universal_avatar/view/type/issuetype/avatar/${type.id}?size=medium`,
    name: type.name,
    subtask: type.subtask,
    avatarId: Number(type.id),
    hierarchyLevel: type.hierarchyLevel,
  };
}

export function renderPriority(core: JiraCore, priority: Priority): JsonObject {
  return {
    self: `${core.baseUrl()}/rest/api/3/priority/${priority.id}`,
    iconUrl: `${core.baseUrl()}/images/icons/priorities/${priority.name.toLowerCase()}.svg`,
    name: priority.name,
    id: priority.id,
  };
}

export function projectAvatarUrls(core: JiraCore, project: Project): JsonObject {
  const url = (size: string): string =>
    `${core.baseUrl()}/rest/api/3/universal_avatar/view/type/project/avatar/${project.id}?size=${size}`;
  return { '48x48': url('large'), '24x24': url('small'), '16x16': url('xsmall'), '32x32': url('medium') };
}

/** The short project shape embedded in issues and events. */
export function renderProjectRef(core: JiraCore, project: Project): JsonObject {
  return {
    self: `${core.baseUrl()}/rest/api/3/project/${project.id}`,
    id: project.id,
    key: project.key,
    name: project.name,
    projectTypeKey: project.projectTypeKey,
    simplified: false,
    avatarUrls: projectAvatarUrls(core, project),
  };
}

function userAvatarUrls(core: JiraCore, user: User): JsonObject {
  const url = (size: number): string =>
    `${core.baseUrl()}/secure/useravatar?size=${size}&accountId=${encodeURIComponent(user.accountId)}`;
  return { '48x48': url(48), '24x24': url(24), '16x16': url(16), '32x32': url(32) };
}

/** `UserDetails` as embedded in comments, issues and changelogs. */
export function renderUserDetails(core: JiraCore, user: User): JsonObject {
  return {
    self: `${core.baseUrl()}/rest/api/3/user?accountId=${encodeURIComponent(user.accountId)}`,
    accountId: user.accountId,
    ...(user.emailVisible && user.emailAddress ? { emailAddress: user.emailAddress } : {}),
    avatarUrls: userAvatarUrls(core, user),
    displayName: user.displayName,
    active: user.active,
    timeZone: user.timeZone,
    accountType: user.accountType,
  };
}

/** The full `User` bean of /myself and /user. */
export function renderUser(core: JiraCore, user: User): JsonObject {
  return {
    ...renderUserDetails(core, user),
    locale: 'en_US',
    groups: { size: user.groups.length, items: [] },
    applicationRoles: { size: user.accountType === 'atlassian' ? 1 : 0, items: [] },
    expand: 'groups,applicationRoles',
  };
}

export function renderUserById(core: JiraCore, accountId: string | null | undefined): Json {
  if (!accountId) return null;
  const user = core.store.users.get(accountId);
  return user ? renderUserDetails(core, user) : null;
}
