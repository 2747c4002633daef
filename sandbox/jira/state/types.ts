// The stored entities of the emulated Jira site: statuses, issue types, workflows, versions, sprints, projects,
// users, issues, comments, changelogs, remote links.
import type { Json } from './json';

export type StatusCategoryKey = 'new' | 'indeterminate' | 'done';

export interface Status {
  id: string;
  name: string;
  description: string;
  category: StatusCategoryKey;
}

export interface IssueType {
  id: string;
  name: string;
  description: string;
  subtask: boolean;
  hierarchyLevel: number;
}

export interface Priority {
  id: string;
  name: string;
}

/** `from: 'any'` is a global transition (available from every status but its own target). */
export interface WorkflowTransition {
  id: string;
  name: string;
  from: string[] | 'any';
  to: string;
}

export interface Workflow {
  initialStatusId: string;
  statusIds: string[];
  transitions: WorkflowTransition[];
}

export interface Version {
  id: string;
  name: string;
  description: string;
  released: boolean;
  archived: boolean;
  /** `yyyy-MM-dd` */
  releaseDate?: string;
  /** `yyyy-MM-dd` */
  startDate?: string;
}

export type SprintState = 'future' | 'active' | 'closed';

/** A Jira Software sprint. Boards are not modelled: `originBoardId` is only a number carried along. */
export interface Sprint {
  id: number;
  name: string;
  goal: string;
  state: SprintState;
  originBoardId: number;
  /** epoch ms */
  created: number;
  startDate?: number;
  endDate?: number;
  completeDate?: number;
}

/** A custom field placed on an issue type's create/edit screen in one project. */
export interface ScreenField {
  fieldId: string;
  required: boolean;
}

export type ProjectTypeKey = 'software' | 'service_desk' | 'business';

export interface Project {
  id: string;
  key: string;
  name: string;
  description: string;
  projectTypeKey: ProjectTypeKey;
  leadAccountId: string;
  issueTypeIds: string[];
  workflow: Workflow;
  versions: Version[];
  /** issue type id → custom fields on its screen (system fields are always on the screen) */
  screens: Map<string, ScreenField[]>;
  nextIssueNumber: number;
}

export type CustomFieldKind = 'option' | 'string' | 'number' | 'adf';

export interface CustomFieldOption {
  id: string;
  value: string;
}

export interface CustomField {
  id: string;
  name: string;
  kind: CustomFieldKind;
  options: CustomFieldOption[];
}

export type AccountType = 'atlassian' | 'app' | 'customer';

export interface User {
  accountId: string;
  displayName: string;
  emailAddress?: string;
  /** Atlassian hides e-mail addresses unless the user made them visible; most apps never see them. */
  emailVisible: boolean;
  accountType: AccountType;
  active: boolean;
  timeZone: string;
  groups: string[];
}

export interface ChangeItem {
  field: string;
  fieldId?: string;
  fieldtype: string;
  from: string | null;
  fromString: string | null;
  to: string | null;
  toString: string | null;
}

export interface ChangeGroup {
  id: string;
  authorId: string;
  created: number;
  items: ChangeItem[];
}

export interface CommentVisibility {
  type: 'group' | 'role';
  value: string;
}

export interface Comment {
  id: string;
  issueId: string;
  authorId: string;
  updateAuthorId: string;
  body: Json;
  created: number;
  updated: number;
  visibility?: CommentVisibility;
  properties: Map<string, Json>;
}

export interface RemoteLink {
  id: number;
  globalId?: string;
  application?: Json;
  relationship?: string;
  object: Json;
}

export interface Issue {
  id: string;
  key: string;
  projectId: string;
  issueTypeId: string;
  statusId: string;
  creatorId: string;
  created: number;
  updated: number;
  statusCategoryChanged: number;
  /** Editable field values by field id (summary, description, labels, priority, fixVersions, assignee, reporter, customfield_*). */
  values: Map<string, Json>;
  changelog: ChangeGroup[];
  properties: Map<string, Json>;
  remoteLinks: RemoteLink[];
}

/** Who performs a request: the app itself (asApp) or a user (asUser). */
export interface Actor {
  accountId: string;
  isApp: boolean;
}
