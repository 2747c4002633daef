// The shapes the Jira emulator's admin surface takes (statuses, issue types, custom fields, workflows, versions,
// projects, grants, users, issues, comments, sprints): what tests and the console pass to set the scene.
import type { PermissionKey } from '../state/permissions';
import type { Json } from '../state/json';
import type { AccountType, CustomFieldKind, ProjectTypeKey, StatusCategoryKey } from '../state/types';

/** `'app'` is the app principal (asApp); anything else is a user's account id. */
export type PrincipalRef = 'app' | (string & {});

export interface StatusInput {
  id?: string;
  name: string;
  category: StatusCategoryKey;
  description?: string;
}

export interface IssueTypeInput {
  id?: string;
  name: string;
  description?: string;
  subtask?: boolean;
}

export interface CustomFieldInput {
  /** `customfield_<n>`; generated when absent */
  id?: string;
  name: string;
  kind: CustomFieldKind;
  options?: (string | { id: string; value: string })[];
}

export interface TransitionInput {
  id?: string;
  name: string;
  /** status names or ids, or 'any' for a global transition */
  from: string[] | 'any';
  to: string;
}

export interface VersionInput {
  id?: string;
  name: string;
  description?: string;
  released?: boolean;
  archived?: boolean;
  /** `yyyy-MM-dd` */
  releaseDate?: string;
  /** `yyyy-MM-dd` */
  startDate?: string;
}

export interface ProjectInput {
  key: string;
  id?: string;
  name?: string;
  description?: string;
  projectTypeKey?: ProjectTypeKey;
  /** account id of the lead; defaults to the app */
  lead?: string;
  /** issue type names or ids, all existing already */
  issueTypes: string[];
  /** status names or ids of the workflow; defaults to every status the transitions use */
  statuses?: string[];
  /** defaults to the first status */
  initialStatus?: string;
  transitions?: TransitionInput[];
  versions?: VersionInput[];
  /** issue type name or id → custom fields on its create/edit screen */
  screens?: Record<string, { fieldId: string; required?: boolean }[]>;
}

export interface PermissionGrantInput {
  global?: PermissionKey[];
  /** project permissions in every project without an entry in `projects` */
  allProjects?: PermissionKey[];
  /** project key or id → the project permissions there (replacing `allProjects` for it) */
  projects?: Record<string, PermissionKey[]>;
}

export interface UserInput {
  accountId: string;
  displayName: string;
  emailAddress?: string;
  emailVisible?: boolean;
  accountType?: Exclude<AccountType, 'app'>;
  active?: boolean;
  timeZone?: string;
  groups?: string[];
  /** shorthand: Jira administrator (ADMINISTER) with every project permission */
  admin?: boolean;
  /** replaces the defaults (standard project permissions, or admin's) */
  permissions?: PermissionGrantInput;
}

export interface AdminIssueInput {
  project: string;
  issueType: string;
  summary: string;
  /** plain text becomes a one-paragraph ADF document */
  description?: string | Json;
  /** further fields in REST shape, e.g. `{customfield_10010: {value: 'Major'}}` */
  fields?: Record<string, unknown>;
  properties?: Record<string, Json>;
}

export interface AdminCommentInput {
  body: string | Json;
  visibility?: { type: 'group' | 'role'; value: string };
  /** JSM internal note: sets the `sd.public.comment` property to `{internal: true}` */
  internal?: boolean;
  properties?: Record<string, Json>;
}

export interface SprintInput {
  name: string;
  goal?: string;
  /** the board the sprint was created on; 1 when absent (boards are not modelled) */
  originBoardId?: number;
  /** ISO 8601 instants, e.g. `2026-11-02T09:00:00.000Z` */
  startDate?: string;
  endDate?: string;
}
