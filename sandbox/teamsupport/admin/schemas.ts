// Inputs of the admin surface (programmatic and /_sandbox/ HTTP alike), validated with zod. A reference to a
// lookup is its id (number) or its name (string; users also by e-mail).
import { z } from 'zod';
import { CULTURES, isValidTimeZone } from '../dates';

export const ref = z.union([z.number().int(), z.string().min(1)]);
export type Ref = z.infer<typeof ref>;

const date = z.coerce.date();

export const orgSettingsInput = z.object({
  name: z.string().min(1).optional(),
  apiToken: z.string().min(1).optional(),
  timeZone: z.string().refine(isValidTimeZone, 'unknown IANA time zone').optional(),
  culture: z.enum(CULTURES).optional(),
  minuteLimit: z.number().int().nonnegative().optional(),
  dailyLimit: z.number().int().nonnegative().optional(),
  apiEnabled: z.boolean().optional(),
  builtInJiraInstance: z.boolean().optional(),
  textEncoding: z.enum(['escaped', 'raw']).optional(),
});
export type OrgSettingsInput = z.input<typeof orgSettingsInput>;

export const createOrgInput = orgSettingsInput.extend({
  organizationId: z.union([z.number().int().positive(), z.string().regex(/^\d+$/)]).optional(),
});
export type CreateOrgInput = z.input<typeof createOrgInput>;

export const ticketStatusInput = z.object({
  ticketType: ref,
  name: z.string().min(1),
  description: z.string().default(''),
  isClosed: z.boolean().default(false),
  position: z.number().int().optional(),
});
export type TicketStatusInput = z.input<typeof ticketStatusInput>;

export const ticketTypeInput = z.object({
  name: z.string().min(1),
  description: z.string().default(''),
  position: z.number().int().optional(),
  /** statuses created with the type, in order */
  statuses: z.array(z.object({ name: z.string().min(1), isClosed: z.boolean().default(false) })).default([]),
});
export type TicketTypeInput = z.input<typeof ticketTypeInput>;

export const severityInput = z.object({
  name: z.string().min(1),
  description: z.string().default(''),
  position: z.number().int().optional(),
});
export type SeverityInput = z.input<typeof severityInput>;

export const actionTypeInput = z.object({
  name: z.string().min(1),
  description: z.string().default(''),
  isTimed: z.boolean().default(false),
  position: z.number().int().optional(),
});
export type ActionTypeInput = z.input<typeof actionTypeInput>;

export const productInput = z.object({
  name: z.string().min(1),
  description: z.string().default(''),
  versions: z.array(z.string().min(1)).default([]),
});
export type ProductInput = z.input<typeof productInput>;

export const versionInput = z.object({
  product: ref,
  versionNumber: z.string().min(1),
  status: ref.optional(),
  isReleased: z.boolean().default(false),
  releaseDate: date.nullable().default(null),
  description: z.string().default(''),
});
export type VersionInput = z.input<typeof versionInput>;

export const groupInput = z.object({ name: z.string().min(1), description: z.string().default('') });
export type GroupInput = z.input<typeof groupInput>;

export const userInput = z.object({
  firstName: z.string().min(1),
  lastName: z.string().min(1),
  email: z.string().optional(),
  title: z.string().default(''),
  isActive: z.boolean().default(true),
  group: ref.optional(),
});
export type UserInput = z.input<typeof userInput>;

export const customerInput = z.object({ name: z.string().min(1) });
export type CustomerInput = z.input<typeof customerInput>;

export const contactInput = z.object({
  customer: ref,
  firstName: z.string().min(1),
  lastName: z.string().min(1),
  email: z.string().optional(),
});
export type ContactInput = z.input<typeof contactInput>;

export const customFieldInput = z.object({
  name: z.string().min(1),
  /** derived from the name when omitted ("Jira Issue Key" → JiraIssueKey) */
  apiName: z
    .string()
    .regex(/^[\p{L}_][\p{L}\p{N}_]*$/u)
    .optional(),
  fieldType: z.enum(['text', 'number', 'boolean', 'date']).default('text'),
  ticketTypes: z.union([z.literal('all'), z.array(ref).min(1)]).default('all'),
});
export type CustomFieldInput = z.input<typeof customFieldInput>;

export const createTicketInput = z.object({
  name: z.string(),
  ticketType: ref.optional(),
  status: ref.optional(),
  severity: ref.optional(),
  assignee: ref.nullable().optional(),
  group: ref.nullable().optional(),
  product: ref.nullable().optional(),
  reportedVersion: ref.nullable().optional(),
  solvedVersion: ref.nullable().optional(),
  description: z.string().default(''),
  /** who created it: an agent (id, name or e-mail); the API user (-3) when omitted */
  creator: ref.optional(),
  source: z.string().default('Agent'),
  isVisibleOnPortal: z.boolean().default(false),
  isKnowledgeBase: z.boolean().default(false),
  customers: z.array(ref).default([]),
  contacts: z.array(ref).default([]),
  customFields: z.record(z.string(), z.string().nullable()).default({}),
  tags: z.array(z.string()).default([]),
  /** stored as-is, even without a built-in Jira instance (data set up by hand) */
  jiraKey: z.string().nullable().default(null),
  ticketNumber: z.number().int().positive().optional(),
  dateCreated: date.optional(),
});
export type CreateTicketInput = z.input<typeof createTicketInput>;

export const updateTicketInput = z.object({
  name: z.string().optional(),
  ticketType: ref.optional(),
  status: ref.optional(),
  severity: ref.nullable().optional(),
  assignee: ref.nullable().optional(),
  group: ref.nullable().optional(),
  product: ref.nullable().optional(),
  reportedVersion: ref.nullable().optional(),
  solvedVersion: ref.nullable().optional(),
  isVisibleOnPortal: z.boolean().optional(),
  isKnowledgeBase: z.boolean().optional(),
  customers: z.array(ref).optional(),
  contacts: z.array(ref).optional(),
  customFields: z.record(z.string(), z.string().nullable()).optional(),
  tags: z.array(z.string()).optional(),
  jiraKey: z.string().nullable().optional(),
  /** the agent making the change; the API user (-3) when omitted */
  actor: ref.optional(),
});
export type UpdateTicketInput = z.input<typeof updateTicketInput>;

export const addActionInput = z.object({
  description: z.string(),
  /** an org action type (id or name); omit for system actions */
  actionType: ref.optional(),
  systemActionTypeId: z.number().int().min(0).max(8).optional(),
  name: z.string().default(''),
  /** an agent or a contact (id, name or e-mail); -1 (unknown) or -3 (API) as numbers */
  creator: ref.optional(),
  isVisibleOnPortal: z.boolean().default(false),
  isKnowledgeBase: z.boolean().default(false),
  timeSpent: z.number().int().nonnegative().nullable().default(null),
  dateCreated: date.optional(),
});
export type AddActionInput = z.input<typeof addActionInput>;

export const setStatusInput = z.object({ status: ref, actor: ref.optional() });
export const setCustomFieldsInput = z.object({ values: z.record(z.string(), z.string().nullable()) });
export const advanceClockInput = z.object({ ms: z.number().int() });
export const setClockInput = z.object({ at: date.nullable() });
export const faultInput = z
  .object({
    count: z.number().int().positive().default(1),
    status: z.number().int().min(100).max(599).optional(),
    body: z.string().default(''),
    contentType: z.string().optional(),
    headers: z.record(z.string(), z.string()).optional(),
    method: z.string().optional(),
    pathIncludes: z.string().optional(),
    phase: z.enum(['before', 'after']).default('before'),
    dropConnection: z.boolean().optional(),
  })
  .refine((fault) => fault.status !== undefined || fault.dropConnection === true, {
    message: 'status is required unless dropConnection is true',
    path: ['status'],
  });
export const latencyInput = z.object({ ms: z.number().int().nonnegative() });
export const seedName = z.enum(['default', 'empty']);
export type SeedName = z.infer<typeof seedName>;
export const resetInput = z.object({ seed: seedName.default('default') });
