// The shapes of a Brevo account on the admin page (docs/resolver-contract.md, "Brevo InstanceInput"): the view
// getSettings returns, the input saveInstance takes, the pickers' options, the account's status and its backfill run. Read tolerantly (defaults for absent
// lists and switches); the rules stay in the backend, which reports each broken one by path. No bridge here, so the
// editor's logic can be tested without one.
import { z } from 'zod';

const NameListSchema = z.union([z.literal('all'), z.array(z.string())]).default('all');

export const EVENT_KEYS = [
  'issueCreated',
  'issueUpdated',
  'issueResolved',
  'statusChanged',
  'commentAdded',
  'versionReleased',
  'sprintClosed',
  'teamCapacity',
] as const;
export type EventKey = (typeof EVENT_KEYS)[number];

export const CONTACT_ROLES = ['reporter', 'assignee', 'requestParticipants'] as const;
export type ContactRole = (typeof CONTACT_ROLES)[number];

export const ATTRIBUTE_SOURCES = [
  'accountId',
  'displayName',
  'issueKey',
  'summary',
  'status',
  'priority',
  'created',
  'resolution',
  'projectKey',
  'issueType',
] as const;

const flag = (fallback: boolean) => z.boolean().default(fallback);

export const BrevoAccountViewSchema = z.object({
  id: z.string(),
  kind: z.literal('brevo'),
  name: z.string(),
  active: z.boolean().default(false),
  projects: NameListSchema,
  issueTypes: NameListSchema,
  jql: z.string().optional(),
  events: z
    .object({
      issueCreated: flag(true),
      issueUpdated: flag(true),
      issueResolved: flag(true),
      statusChanged: flag(true),
      commentAdded: flag(true),
      versionReleased: flag(false),
      sprintClosed: flag(false),
      teamCapacity: flag(false),
    })
    .prefault({}),
  contactRoles: z.array(z.string()).default(['reporter']),
  attributeMappings: z.array(z.object({ source: z.string(), attribute: z.string() })).default([]),
  projectLists: z.array(z.object({ projectKey: z.string(), listId: z.number() })).default([]),
  hasApiKey: z.boolean(),
  updatedAt: z.string().optional(),
});

export type BrevoAccountView = z.infer<typeof BrevoAccountViewSchema>;
export type BrevoEvents = BrevoAccountView['events'];

/** What saveInstance takes for a Brevo account: every setting (not a patch); `apiKey` only to set a new one. */
export interface BrevoAccountInput {
  id?: string;
  kind: 'brevo';
  name: string;
  apiKey?: string;
  active: boolean;
  projects: 'all' | string[];
  issueTypes: 'all' | string[];
  jql: string;
  events: BrevoEvents;
  contactRoles: string[];
  attributeMappings: { source: string; attribute: string }[];
  /** `null`: no list chosen in that row (the backend names the row) */
  projectLists: { projectKey: string; listId: number | null }[];
}

export const BrevoOptionsSchema = z.object({
  jira: z.object({
    projects: z.array(z.object({ key: z.string(), name: z.string() })).default([]),
    issueTypes: z.array(z.string()).default([]),
  }),
  brevo: z
    .object({
      lists: z.array(z.object({ id: z.number(), name: z.string() })).default([]),
      attributes: z.array(z.object({ name: z.string(), type: z.string() })).default([]),
    })
    .optional(),
  brevoError: z.string().optional(),
});

export type BrevoOptions = z.infer<typeof BrevoOptionsSchema>;

/** getBrevoStatus (docs/resolver-contract.md, "BrevoStatus"): one account's figures at a glance. */
export const BrevoStatusSchema = z.object({
  lastSuccessAt: z.string().nullable(),
  issuesTracked: z.number().nullable(),
  issuesTrackedError: z.string().optional(),
  projectsMonitored: z.number().nullable(),
  contactsLinked: z.number(),
  contactsLinkedComplete: z.boolean().default(true),
  events24h: z.object({ sent: z.number(), skipped: z.number(), failed: z.number() }),
  events24hComplete: z.boolean().default(true),
  rateLimit: z
    .object({
      remaining: z.number(),
      limit: z.number(),
      resetSeconds: z.number().nullable(),
      at: z.string(),
    })
    .nullable(),
});

export type BrevoStatus = z.infer<typeof BrevoStatusSchema>;

/** A Brevo account's latest "Send the last N days" run (docs/resolver-contract.md, "BackfillRun"). */
export const BackfillRunSchema = z.object({
  runId: z.string(),
  days: z.number(),
  since: z.string(),
  state: z.enum(['running', 'done', 'failed']),
  startedAt: z.string(),
  updatedAt: z.string(),
  processedIssues: z.number(),
  sentEvents: z.number(),
  skippedEvents: z.number(),
  lastError: z.string().nullable(),
});

export type BackfillRun = z.infer<typeof BackfillRunSchema>;
