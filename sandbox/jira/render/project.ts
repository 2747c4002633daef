// Renders a stored project as Jira's Project bean (issue types, versions, lead, roles).
import type { JiraCore } from '../service/core';
import type { JsonObject } from '../state/json';
import type { Project } from '../state/types';
import { projectAvatarUrls, renderIssueType, renderUser } from './entities';
import { renderVersion } from './version';

/** Role ids as in a fresh company-managed site. */
const ROLE_IDS: Record<string, string> = {
  Administrators: '10002',
  Developers: '10001',
  'Service Desk Team': '10003',
  Users: '10000',
};

export function renderProject(
  core: JiraCore,
  project: Project,
  options: { issueTypes: boolean; full: boolean },
): JsonObject {
  const base = core.baseUrl();
  const lead = core.store.users.get(project.leadAccountId);
  const roles = Object.fromEntries(
    [...core.store.roles].map((role, index) => [
      role,
      `${base}/rest/api/3/project/${project.id}/role/${ROLE_IDS[role] ?? String(10100 + index)}`,
    ]),
  );
  return {
    expand: 'description,lead,issueTypes,url,projectKeys,permissions,insight',
    self: `${base}/rest/api/3/project/${project.id}`,
    id: project.id,
    key: project.key,
    ...(options.full ? { description: project.description } : {}),
    ...(options.full && lead ? { lead: renderUser(core, lead) } : {}),
    ...(options.full ? { components: [] } : {}),
    ...(options.issueTypes
      ? {
          issueTypes: project.issueTypeIds.map((id) =>
            renderIssueType(core, core.store.requireIssueType(id)),
          ),
        }
      : {}),
    ...(options.full ? { assigneeType: 'UNASSIGNED' as const } : {}),
    ...(options.full ? { versions: project.versions.map((v) => renderVersion(core, project, v)) } : {}),
    name: project.name,
    ...(options.full ? { roles } : {}),
    avatarUrls: projectAvatarUrls(core, project),
    projectTypeKey: project.projectTypeKey,
    simplified: false,
    style: 'classic',
    isPrivate: false,
    properties: {},
  };
}
