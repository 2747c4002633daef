// Jira's permission keys as /mypermissions reports them, the grants of one principal (site-wide or per project), and
// the check.
type PermissionType = 'GLOBAL' | 'PROJECT';

interface PermissionDefinition {
  id: string;
  name: string;
  type: PermissionType;
  description: string;
}

/** Ids, names and descriptions as Jira Cloud reports them from /mypermissions. */
export const PERMISSIONS = {
  ADMINISTER: {
    id: '0',
    name: 'Administer Jira',
    type: 'GLOBAL',
    description:
      'Create and administer projects, issue types, fields, workflows, and schemes for all projects. Users with this permission can perform most administration tasks, except: managing users, importing data, and editing system email settings.',
  },
  BROWSE_PROJECTS: {
    id: '10',
    name: 'Browse Projects',
    type: 'PROJECT',
    description: 'Ability to browse projects and the issues within them.',
  },
  CREATE_ISSUES: {
    id: '11',
    name: 'Create Issues',
    type: 'PROJECT',
    description: 'Ability to create issues.',
  },
  EDIT_ISSUES: { id: '12', name: 'Edit Issues', type: 'PROJECT', description: 'Ability to edit issues.' },
  ASSIGN_ISSUES: {
    id: '13',
    name: 'Assign Issues',
    type: 'PROJECT',
    description: 'Ability to assign issues to other people.',
  },
  ADD_COMMENTS: {
    id: '15',
    name: 'Add Comments',
    type: 'PROJECT',
    description: 'Ability to comment on issues.',
  },
  DELETE_ISSUES: {
    id: '16',
    name: 'Delete Issues',
    type: 'PROJECT',
    description: 'Ability to delete issues.',
  },
  ASSIGNABLE_USER: {
    id: '17',
    name: 'Assignable User',
    type: 'PROJECT',
    description: 'Users with this permission may be assigned to issues.',
  },
  LINK_ISSUES: {
    id: '21',
    name: 'Link Issues',
    type: 'PROJECT',
    description:
      'Ability to link issues together and create linked issues. Only useful if issue linking is turned on.',
  },
  ADMINISTER_PROJECTS: {
    id: '23',
    name: 'Administer Projects',
    type: 'PROJECT',
    description: 'Ability to administer a project in Jira.',
  },
  MODIFY_REPORTER: {
    id: '30',
    name: 'Modify Reporter',
    type: 'PROJECT',
    description: 'Ability to modify the reporter when creating or editing an issue.',
  },
  EDIT_ALL_COMMENTS: {
    id: '34',
    name: 'Edit All Comments',
    type: 'PROJECT',
    description: 'Ability to edit all comments made on issues.',
  },
  EDIT_OWN_COMMENTS: {
    id: '35',
    name: 'Edit Own Comments',
    type: 'PROJECT',
    description: 'Ability to edit own comments made on issues.',
  },
  DELETE_ALL_COMMENTS: {
    id: '36',
    name: 'Delete All Comments',
    type: 'PROJECT',
    description: 'Ability to delete all comments made on issues.',
  },
  DELETE_OWN_COMMENTS: {
    id: '37',
    name: 'Delete Own Comments',
    type: 'PROJECT',
    description: 'Ability to delete own comments made on issues.',
  },
  TRANSITION_ISSUES: {
    id: '46',
    name: 'Transition Issues',
    type: 'PROJECT',
    description: 'Ability to transition issues.',
  },
} as const satisfies Record<string, PermissionDefinition>;

export type PermissionKey = keyof typeof PERMISSIONS;

export const PERMISSION_KEYS = Object.keys(PERMISSIONS).filter(isPermissionKey);

export function isPermissionKey(value: string): value is PermissionKey {
  return Object.prototype.hasOwnProperty.call(PERMISSIONS, value);
}

export const PROJECT_PERMISSIONS: PermissionKey[] = PERMISSION_KEYS.filter(
  (key) => PERMISSIONS[key].type === 'PROJECT',
);

/** What a member of the default "jira-software-users" group gets in a company-managed project. */
export const STANDARD_USER_PROJECT_PERMISSIONS: PermissionKey[] = [
  'BROWSE_PROJECTS',
  'CREATE_ISSUES',
  'EDIT_ISSUES',
  'TRANSITION_ISSUES',
  'ASSIGN_ISSUES',
  'ASSIGNABLE_USER',
  'LINK_ISSUES',
  'ADD_COMMENTS',
  'EDIT_OWN_COMMENTS',
  'DELETE_OWN_COMMENTS',
];

/**
 * Grants of one principal. `byProject` entries replace `allProjects` for that project, so a test can
 * take BROWSE_PROJECTS away in one project only.
 */
export interface PermissionGrants {
  global: Set<PermissionKey>;
  allProjects: Set<PermissionKey>;
  byProject: Map<string, Set<PermissionKey>>;
}

export function emptyGrants(): PermissionGrants {
  return { global: new Set(), allProjects: new Set(), byProject: new Map() };
}

export function fullGrants(): PermissionGrants {
  return {
    global: new Set(PERMISSION_KEYS.filter((key) => PERMISSIONS[key].type === 'GLOBAL')),
    allProjects: new Set(PROJECT_PERMISSIONS),
    byProject: new Map(),
  };
}

/**
 * Without a project, a project permission counts when the principal holds it in at least one project
 * (what /mypermissions reports without project or issue context).
 */
export function holdsPermission(
  grants: PermissionGrants | undefined,
  key: PermissionKey,
  projectId?: string,
): boolean {
  if (!grants) return false;
  if (PERMISSIONS[key].type === 'GLOBAL') return grants.global.has(key);
  if (projectId !== undefined) return (grants.byProject.get(projectId) ?? grants.allProjects).has(key);
  return grants.allProjects.has(key) || [...grants.byProject.values()].some((set) => set.has(key));
}
