// The emulator's data as bytes, so `npm start` can keep its sandbox between runs. v8's serializer keeps the tables'
// Maps, Dates and plain rows as they are; on the way back every row is checked against the model, so a damaged file
// or one from another format fails loudly. Rate-limit counters, faults and the request log are not data: not saved.
import { z } from 'zod';
import { dateOf, decodeSnapshot, encodeSnapshot, fill, mapOf, type ShapeOf } from '../snapshot-codec';
import { CULTURES } from './dates';
import type {
  ActionRecord,
  ActionTypeRecord,
  Audited,
  ContactRecord,
  CustomFieldRecord,
  CustomerRecord,
  DeletedTicketRecord,
  GroupRecord,
  HistoryRecord,
  OrgRecord,
  ProductRecord,
  SeverityRecord,
  TicketRecord,
  TicketStatusRecord,
  TicketTypeRecord,
  UserRecord,
  VersionRecord,
  VersionStatusRecord,
} from './model';
import { EmulatorState, type IdKind } from './state';

const FORMAT = 'teamsupport-emulator-state';
const VERSION = 1;

const date = dateOf();
const id = z.number().int();
const nullableId = id.nullable();

const audited = {
  dateCreated: date,
  dateModified: date,
  creatorId: id,
  modifierId: id,
} satisfies ShapeOf<Audited>;

const org = z.object({
  id,
  name: z.string(),
  apiToken: z.string(),
  timeZone: z.string(),
  culture: z.enum(CULTURES),
  minuteLimit: z.number(),
  dailyLimit: z.number(),
  apiEnabled: z.boolean(),
  builtInJiraInstance: z.boolean(),
  textEncoding: z.enum(['escaped', 'raw']),
  nextTicketNumber: id,
} satisfies ShapeOf<OrgRecord>);

const ticketType = z.object({
  id,
  orgId: id,
  ...audited,
  name: z.string(),
  description: z.string(),
  position: z.number(),
} satisfies ShapeOf<TicketTypeRecord>);

const ticketStatus = z.object({
  id,
  orgId: id,
  ticketTypeId: id,
  ...audited,
  name: z.string(),
  description: z.string(),
  position: z.number(),
  isClosed: z.boolean(),
} satisfies ShapeOf<TicketStatusRecord>);

const severity = z.object({
  id,
  orgId: id,
  ...audited,
  name: z.string(),
  description: z.string(),
  position: z.number(),
} satisfies ShapeOf<SeverityRecord>);

const actionType = z.object({
  id,
  orgId: id,
  ...audited,
  name: z.string(),
  description: z.string(),
  isTimed: z.boolean(),
  position: z.number(),
} satisfies ShapeOf<ActionTypeRecord>);

const product = z.object({
  id,
  orgId: id,
  ...audited,
  name: z.string(),
  description: z.string(),
} satisfies ShapeOf<ProductRecord>);

const versionStatus = z.object({
  id,
  orgId: id,
  ...audited,
  name: z.string(),
  description: z.string(),
  position: z.number(),
  isShipping: z.boolean(),
  isDiscontinued: z.boolean(),
} satisfies ShapeOf<VersionStatusRecord>);

const version = z.object({
  id,
  orgId: id,
  productId: id,
  ...audited,
  versionStatusId: id,
  versionNumber: z.string(),
  releaseDate: date.nullable(),
  isReleased: z.boolean(),
  description: z.string(),
} satisfies ShapeOf<VersionRecord>);

const group = z.object({
  id,
  orgId: id,
  ...audited,
  name: z.string(),
  description: z.string(),
} satisfies ShapeOf<GroupRecord>);

const user = z.object({
  id,
  orgId: id,
  ...audited,
  firstName: z.string(),
  lastName: z.string(),
  email: z.string(),
  title: z.string(),
  isActive: z.boolean(),
  primaryGroupId: nullableId,
} satisfies ShapeOf<UserRecord>);

const customer = z.object({ id, orgId: id, ...audited, name: z.string() } satisfies ShapeOf<CustomerRecord>);

const contact = z.object({
  id,
  orgId: id,
  ...audited,
  customerId: id,
  firstName: z.string(),
  lastName: z.string(),
  email: z.string(),
} satisfies ShapeOf<ContactRecord>);

const customField = z.object({
  id,
  orgId: id,
  ...audited,
  name: z.string(),
  apiName: z.string(),
  fieldType: z.enum(['text', 'number', 'boolean', 'date']),
  ticketTypeIds: z.array(id),
  position: z.number(),
} satisfies ShapeOf<CustomFieldRecord>);

const ticket = z.object({
  id,
  orgId: id,
  ticketNumber: id,
  dateCreated: date,
  dateModified: date,
  creatorId: id,
  modifierId: id,
  name: z.string(),
  ticketTypeId: id,
  ticketStatusId: id,
  ticketSeverityId: nullableId,
  userId: nullableId,
  groupId: nullableId,
  productId: nullableId,
  reportedVersionId: nullableId,
  solvedVersionId: nullableId,
  parentId: nullableId,
  isVisibleOnPortal: z.boolean(),
  isKnowledgeBase: z.boolean(),
  dateClosed: date.nullable(),
  closerId: nullableId,
  dueDate: date.nullable(),
  knowledgeBaseCategoryId: nullableId,
  importId: z.string(),
  ticketSource: z.string(),
  jiraKey: z.string().nullable(),
  jiraNewIssueRequested: z.boolean(),
  customValues: mapOf(id, z.string()),
  customerIds: z.array(id),
  contactIds: z.array(id),
  tags: z.array(z.string()),
} satisfies ShapeOf<TicketRecord>);

const action = z.object({
  id,
  orgId: id,
  ticketId: id,
  ...audited,
  actionTypeId: nullableId,
  systemActionTypeId: id,
  name: z.string(),
  description: z.string(),
  timeSpent: z.number().nullable(),
  dateStarted: date.nullable(),
  isVisibleOnPortal: z.boolean(),
  isKnowledgeBase: z.boolean(),
} satisfies ShapeOf<ActionRecord>);

const deletedTicket = z.object({
  id,
  orgId: id,
  ticketId: id,
  ticketNumber: id,
  name: z.string(),
  dateDeleted: date,
  deleterId: id,
  deleterEmail: z.string().nullable(),
} satisfies ShapeOf<DeletedTicketRecord>);

const historyEntry = z.object({
  id,
  orgId: id,
  ticketId: id,
  at: date,
  actorId: id,
  description: z.string(),
} satisfies ShapeOf<HistoryRecord>);

const idKind = z.enum([
  'org',
  'ticketType',
  'ticketStatus',
  'severity',
  'actionType',
  'product',
  'versionStatus',
  'version',
  'group',
  'user',
  'customer',
  'contact',
  'customField',
  'ticket',
  'action',
  'deletedTicket',
  'history',
] satisfies IdKind[]);

const snapshotSchema = z.object({
  orgs: mapOf(id, org),
  ticketTypes: mapOf(id, ticketType),
  ticketStatuses: mapOf(id, ticketStatus),
  severities: mapOf(id, severity),
  actionTypes: mapOf(id, actionType),
  products: mapOf(id, product),
  versionStatuses: mapOf(id, versionStatus),
  versions: mapOf(id, version),
  groups: mapOf(id, group),
  users: mapOf(id, user),
  customers: mapOf(id, customer),
  contacts: mapOf(id, contact),
  customFields: mapOf(id, customField),
  tickets: mapOf(id, ticket),
  actions: mapOf(id, action),
  deletedTickets: mapOf(id, deletedTicket),
  history: mapOf(id, historyEntry),
  /** the next id of each kind used so far */
  nextIds: mapOf(idKind, id),
});
type Snapshot = z.output<typeof snapshotSchema>;

/** Every table and where the id sequences stand. */
export function exportTeamSupportState(state: EmulatorState): Buffer {
  const snapshot: Snapshot = {
    orgs: state.orgs,
    ticketTypes: state.ticketTypes,
    ticketStatuses: state.ticketStatuses,
    severities: state.severities,
    actionTypes: state.actionTypes,
    products: state.products,
    versionStatuses: state.versionStatuses,
    versions: state.versions,
    groups: state.groups,
    users: state.users,
    customers: state.customers,
    contacts: state.contacts,
    customFields: state.customFields,
    tickets: new Map(state.tickets),
    actions: state.actions,
    deletedTickets: state.deletedTickets,
    history: state.history,
    nextIds: new Map(state.idPositions()),
  };
  return encodeSnapshot(FORMAT, VERSION, snapshot);
}

/** A state holding exactly the saved data, its ticket and action indexes rebuilt, its sequences where they were. */
export function restoreTeamSupportState(saved: Buffer): EmulatorState {
  const snapshot = decodeSnapshot(saved, {
    format: FORMAT,
    version: VERSION,
    label: 'TeamSupport',
    freshStart: 'fresh data',
    schema: snapshotSchema,
  });
  const state = new EmulatorState();
  fill(state.orgs, snapshot.orgs);
  fill(state.ticketTypes, snapshot.ticketTypes);
  fill(state.ticketStatuses, snapshot.ticketStatuses);
  fill(state.severities, snapshot.severities);
  fill(state.actionTypes, snapshot.actionTypes);
  fill(state.products, snapshot.products);
  fill(state.versionStatuses, snapshot.versionStatuses);
  fill(state.versions, snapshot.versions);
  fill(state.groups, snapshot.groups);
  fill(state.users, snapshot.users);
  fill(state.customers, snapshot.customers);
  fill(state.contacts, snapshot.contacts);
  fill(state.customFields, snapshot.customFields);
  for (const row of snapshot.tickets.values()) state.insertTicket(row);
  for (const row of snapshot.actions.values()) state.insertAction(row);
  fill(state.deletedTickets, snapshot.deletedTickets);
  fill(state.history, snapshot.history);
  // Every id below a saved position has been handed out: reserving the last one moves the sequence past them.
  for (const [kind, next] of snapshot.nextIds) state.reserveId(kind, next - 1);
  return state;
}
