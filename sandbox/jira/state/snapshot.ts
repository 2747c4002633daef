// The emulated site as bytes, so `npm start` can keep its sandbox between runs. v8's serializer keeps the store's
// Maps, Sets and plain records as they are; on the way back every record is checked against the store's types, so a
// damaged file or one from another format fails loudly instead of leaving a half-working site.
import { z } from 'zod';
import { decodeSnapshot, encodeSnapshot, fill, mapOf, setOf, type ShapeOf } from '../../snapshot-codec';
import { JsonSchema } from './json';
import { PERMISSION_KEYS, type PermissionGrants } from './permissions';
import { JiraStore, type Sequence } from './store';
import type {
  ChangeGroup,
  ChangeItem,
  Comment,
  CommentVisibility,
  CustomField,
  Issue,
  IssueType,
  Priority,
  Project,
  RemoteLink,
  ScreenField,
  Sprint,
  Status,
  User,
  Version,
  Workflow,
  WorkflowTransition,
} from './types';

const FORMAT = 'jira-emulator-state';
const VERSION = 1;

const status = z.object({
  id: z.string(),
  name: z.string(),
  description: z.string(),
  category: z.enum(['new', 'indeterminate', 'done']),
} satisfies ShapeOf<Status>);

const issueType = z.object({
  id: z.string(),
  name: z.string(),
  description: z.string(),
  subtask: z.boolean(),
  hierarchyLevel: z.number(),
} satisfies ShapeOf<IssueType>);

const priority = z.object({ id: z.string(), name: z.string() } satisfies ShapeOf<Priority>);

const transition = z.object({
  id: z.string(),
  name: z.string(),
  from: z.union([z.array(z.string()), z.literal('any')]),
  to: z.string(),
} satisfies ShapeOf<WorkflowTransition>);

const workflow = z.object({
  initialStatusId: z.string(),
  statusIds: z.array(z.string()),
  transitions: z.array(transition),
} satisfies ShapeOf<Workflow>);

const version = z.object({
  id: z.string(),
  name: z.string(),
  description: z.string(),
  released: z.boolean(),
  archived: z.boolean(),
  releaseDate: z.string().optional(),
  startDate: z.string().optional(),
} satisfies ShapeOf<Version>);

const sprint = z.object({
  id: z.number().int(),
  name: z.string(),
  goal: z.string(),
  state: z.enum(['future', 'active', 'closed']),
  originBoardId: z.number().int(),
  created: z.number(),
  startDate: z.number().optional(),
  endDate: z.number().optional(),
  completeDate: z.number().optional(),
} satisfies ShapeOf<Sprint>);

const screenField = z.object({ fieldId: z.string(), required: z.boolean() } satisfies ShapeOf<ScreenField>);

const project = z.object({
  id: z.string(),
  key: z.string(),
  name: z.string(),
  description: z.string(),
  projectTypeKey: z.enum(['software', 'service_desk', 'business']),
  leadAccountId: z.string(),
  issueTypeIds: z.array(z.string()),
  workflow,
  versions: z.array(version),
  screens: mapOf(z.string(), z.array(screenField)),
  nextIssueNumber: z.number().int(),
} satisfies ShapeOf<Project>);

const customField = z.object({
  id: z.string(),
  name: z.string(),
  kind: z.enum(['option', 'string', 'number', 'adf']),
  options: z.array(z.object({ id: z.string(), value: z.string() })),
} satisfies ShapeOf<CustomField>);

const user = z.object({
  accountId: z.string(),
  displayName: z.string(),
  emailAddress: z.string().optional(),
  emailVisible: z.boolean(),
  accountType: z.enum(['atlassian', 'app', 'customer']),
  active: z.boolean(),
  timeZone: z.string(),
  groups: z.array(z.string()),
} satisfies ShapeOf<User>);

const permissionKeys = setOf(z.enum(PERMISSION_KEYS));

const grants = z.object({
  global: permissionKeys,
  allProjects: permissionKeys,
  byProject: mapOf(z.string(), permissionKeys),
} satisfies ShapeOf<PermissionGrants>);

const changeItem = z.object({
  field: z.string(),
  fieldId: z.string().optional(),
  fieldtype: z.string(),
  from: z.string().nullable(),
  fromString: z.string().nullable(),
  to: z.string().nullable(),
  toString: z.string().nullable(),
} satisfies ShapeOf<ChangeItem>);

const changeGroup = z.object({
  id: z.string(),
  authorId: z.string(),
  created: z.number(),
  items: z.array(changeItem),
} satisfies ShapeOf<ChangeGroup>);

const remoteLink = z.object({
  id: z.number().int(),
  globalId: z.string().optional(),
  application: JsonSchema.optional(),
  relationship: z.string().optional(),
  object: JsonSchema,
} satisfies ShapeOf<RemoteLink>);

const issue = z.object({
  id: z.string(),
  key: z.string(),
  projectId: z.string(),
  issueTypeId: z.string(),
  statusId: z.string(),
  creatorId: z.string(),
  created: z.number(),
  updated: z.number(),
  statusCategoryChanged: z.number(),
  values: mapOf(z.string(), JsonSchema),
  changelog: z.array(changeGroup),
  properties: mapOf(z.string(), JsonSchema),
  remoteLinks: z.array(remoteLink),
} satisfies ShapeOf<Issue>);

const visibility = z.object({
  type: z.enum(['group', 'role']),
  value: z.string(),
} satisfies ShapeOf<CommentVisibility>);

const comment = z.object({
  id: z.string(),
  issueId: z.string(),
  authorId: z.string(),
  updateAuthorId: z.string(),
  body: JsonSchema,
  created: z.number(),
  updated: z.number(),
  visibility: visibility.optional(),
  properties: mapOf(z.string(), JsonSchema),
} satisfies ShapeOf<Comment>);

const sequence = z.enum([
  'issue',
  'comment',
  'changelog',
  'remoteLink',
  'project',
  'version',
  'status',
  'issueType',
  'customField',
  'option',
  'sprint',
] satisfies Sequence[]);

const snapshotSchema = z.object({
  statuses: mapOf(z.string(), status),
  issueTypes: mapOf(z.string(), issueType),
  priorities: mapOf(z.string(), priority),
  customFields: mapOf(z.string(), customField),
  projects: mapOf(z.string(), project),
  users: mapOf(z.string(), user),
  grants: mapOf(z.string(), grants),
  issues: mapOf(z.string(), issue),
  comments: mapOf(z.string(), comment),
  // Sites saved before sprints were modelled have none: the table is optional so their files still open.
  sprints: mapOf(z.number().int(), sprint).default(new Map()),
  roles: setOf(z.string()),
  groups: setOf(z.string()),
  defaultPriorityId: z.string(),
  /** the next id of each sequence used so far */
  sequences: mapOf(sequence, z.number().int()),
});
type Snapshot = z.output<typeof snapshotSchema>;

/** The whole site: configuration, users and grants, issues and comments, and where the id sequences stand. */
export function exportJiraState(store: JiraStore): Buffer {
  const snapshot: Snapshot = {
    statuses: store.statuses,
    issueTypes: store.issueTypes,
    priorities: store.priorities,
    customFields: store.customFields,
    projects: store.projects,
    users: store.users,
    grants: store.grants,
    issues: store.issues,
    comments: store.comments,
    sprints: store.sprints,
    roles: store.roles,
    groups: store.groups,
    defaultPriorityId: store.defaultPriorityId,
    sequences: new Map(store.sequencePositions()),
  };
  return encodeSnapshot(FORMAT, VERSION, snapshot);
}

/** A store holding exactly the saved site, with its issue-key index rebuilt and its id sequences where they were. */
export function restoreJiraStore(state: Buffer): JiraStore {
  const snapshot = decodeSnapshot(state, {
    format: FORMAT,
    version: VERSION,
    label: 'Jira',
    freshStart: 'a fresh site',
    schema: snapshotSchema,
  });
  const store = new JiraStore();
  fill(store.statuses, snapshot.statuses);
  fill(store.issueTypes, snapshot.issueTypes);
  fill(store.priorities, snapshot.priorities);
  fill(store.customFields, snapshot.customFields);
  fill(store.projects, snapshot.projects);
  fill(store.users, snapshot.users);
  fill(store.grants, snapshot.grants);
  for (const saved of snapshot.issues.values()) store.addIssue(saved);
  fill(store.comments, snapshot.comments);
  fill(store.sprints, snapshot.sprints);
  for (const role of snapshot.roles) store.roles.add(role);
  for (const group of snapshot.groups) store.groups.add(group);
  store.defaultPriorityId = snapshot.defaultPriorityId;
  // Every id below a saved position has been handed out: reserving the last one moves the sequence past them.
  for (const [name, next] of snapshot.sequences) store.reserveId(name, String(next - 1));
  return store;
}
