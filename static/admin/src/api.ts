// The admin page's resolvers (docs/resolver-contract.md, "Admin page resolver"). Shapes
// are read tolerantly (defaults for absent lists and switches); the rules stay in the backend, which reports each
// broken one by path.
import { z } from 'zod';
import { callResolver } from '../../shared/resolver';
import { BrevoAccountViewSchema } from './brevo-view';

const NameListSchema = z.union([z.literal('all'), z.array(z.string())]).default('all');

export const InstanceViewSchema = z.object({
  id: z.string(),
  kind: z.literal('teamsupport'),
  name: z.string(),
  baseUrl: z.string(),
  organizationId: z.string(),
  active: z.boolean().default(false),
  defaultProjectKey: z.string().optional(),
  alwaysUseDefaultProjectKey: z.boolean().default(false),
  pullActionTypes: NameListSchema,
  commentActionType: z.string().default('Comment'),
  actionsVisibleOnPortal: z.boolean().default(false),
  updateTicketStatus: z.boolean().default(false),
  includeNonRequiredFields: z.boolean().default(false),
  ticketTypes: NameListSchema,
  correlationField: z.string().optional(),
  timeZone: z.string().optional(),
  fieldMappings: z.array(z.object({ jiraField: z.string(), ticketField: z.string() })).default([]),
  typeMappings: z.array(z.object({ ticketType: z.string(), issueType: z.string() })).default([]),
  statusMappings: z.array(z.object({ jiraStatus: z.string(), ticketStatus: z.string() })).default([]),
  projectMappings: z
    .array(z.object({ product: z.string(), version: z.string().optional(), projectKey: z.string() }))
    .default([]),
  extraProjectKeys: z.array(z.string()).default([]),
  announceReleases: z.boolean().default(true),
  releaseNoteVisibleOnPortal: z.boolean().default(false),
  releaseStatus: z.string().optional(),
  /** the organization's 24-hour TeamSupport limit; absent means 5,000 */
  dailyRequestLimit: z.number().optional(),
  /** whether a ticket's earlier actions reach the issue it joins; absent means the backend's defaults */
  copyEarlierActions: z
    .object({ onEscalation: z.boolean().default(true), onLink: z.boolean().default(false) })
    .optional(),
  /** Faster sync (settings/editor/faster-sync.ts); absent means the backend's defaults */
  hotWindowMinutes: z.number().optional(),
  hotCheckSeconds: z.number().optional(),
  hotTicketCap: z.number().optional(),
  hasToken: z.boolean(),
  updatedAt: z.string().optional(),
  /** getSettings only: the requests the app metered in the last 24 hours */
  requestsLast24h: z.number().optional(),
});

export type InstanceView = z.infer<typeof InstanceViewSchema>;
export type NameList = InstanceView['ticketTypes'];

/** getSettings lists TeamSupport instances and Brevo accounts together; `kind` tells them apart. */
export const AnyInstanceViewSchema = z.discriminatedUnion('kind', [
  InstanceViewSchema,
  BrevoAccountViewSchema,
]);
export type AnyInstanceView = z.infer<typeof AnyInstanceViewSchema>;

/** What saveInstance takes: every setting of the instance (not a patch); `apiToken` only to set a new one. */
export interface InstanceInput {
  id?: string;
  kind: 'teamsupport';
  name: string;
  baseUrl: string;
  organizationId: string;
  apiToken?: string;
  active: boolean;
  defaultProjectKey: string;
  alwaysUseDefaultProjectKey: boolean;
  pullActionTypes: NameList;
  commentActionType: string;
  actionsVisibleOnPortal: boolean;
  updateTicketStatus: boolean;
  includeNonRequiredFields: boolean;
  ticketTypes: NameList;
  correlationField: string;
  timeZone: string;
  fieldMappings: { jiraField: string; ticketField: string }[];
  typeMappings: { ticketType: string; issueType: string }[];
  statusMappings: { jiraStatus: string; ticketStatus: string }[];
  projectMappings: { product: string; version?: string; projectKey: string }[];
  /** more projects whose issues the correlation field may link (besides the mapped and default ones) */
  extraProjectKeys: string[];
  /** a released fix version adds "Fixed in …" to the linked tickets of its issues */
  announceReleases: boolean;
  releaseNoteVisibleOnPortal: boolean;
  /** the status a ticket moves to when its issue's fix is released; '' leaves the status alone */
  releaseStatus: string;
  /** the organization's 24-hour TeamSupport limit; left out means 5,000, `null` is text that is no number */
  dailyRequestLimit?: number | null;
  /** a ticket's actions from before it joined the issue are copied too: on escalation, on linking; left out means
   * the defaults (on escalation only) */
  copyEarlierActions?: { onEscalation: boolean; onLink: boolean };
  /** Faster sync: left out means the default, `null` is text that is no whole number (the backend names the rule) */
  hotWindowMinutes?: number | null;
  hotCheckSeconds?: number | null;
  hotTicketCap?: number | null;
}

const strings = z.array(z.string()).default([]);

export const MappingOptionsSchema = z.object({
  jira: z.object({
    statuses: strings,
    issueTypes: strings,
    fields: z.array(z.object({ id: z.string(), name: z.string() })).default([]),
    projects: z.array(z.object({ key: z.string(), name: z.string() })).default([]),
  }),
  ticket: z
    .object({
      statuses: strings,
      ticketTypes: strings,
      actionTypes: strings,
      products: strings,
      versions: z.array(z.object({ product: z.string(), version: z.string() })).default([]),
      customFields: strings,
    })
    .optional(),
  ticketError: z.string().optional(),
});

export type MappingOptions = z.infer<typeof MappingOptionsSchema>;

export const ConnectionCheckSchema = z.object({
  name: z.string(),
  ok: z.boolean(),
  message: z.string(),
  /** the check did not run because an earlier one failed (neither passed nor failed) */
  notChecked: z.boolean().optional(),
});
export type ConnectionCheck = z.infer<typeof ConnectionCheckSchema>;

export const SyncLevelSchema = z.enum(['info', 'warn', 'error']);
export type SyncLevel = z.infer<typeof SyncLevelSchema>;

/** src/sync/records/sync-event.ts `SyncEvent`, with `ticketUrl` to link out when the backend knows it. */
export const SyncEventSchema = z.object({
  id: z.string(),
  time: z.string(),
  level: SyncLevelSchema,
  instanceId: z.string(),
  issueId: z.string().optional(),
  issueKey: z.string().optional(),
  ticketId: z.string().optional(),
  ticketNumber: z.string().optional(),
  ticketUrl: z.string().optional(),
  operation: z.string(),
  /** the operation in words (src/domain/sync-operation.ts); absent from older backends */
  operationName: z.string().optional(),
  message: z.string(),
  retry: z.object({ kind: z.string(), payload: z.unknown() }).optional(),
  status: z.enum(['open', 'retried', 'resolved']),
  statusChangedAt: z.string().optional(),
});

export type SyncEvent = z.infer<typeof SyncEventSchema>;

export interface SyncLogQuery {
  instanceId?: string;
  level?: SyncLevel;
  /** the errors report: errors no later run fixed yet */
  unresolved?: boolean;
  limit?: number;
  cursor?: string;
}

export function getSettings() {
  return callResolver('getSettings', {}, z.object({ instances: z.array(AnyInstanceViewSchema) }));
}

export function saveInstance(instance: InstanceInput) {
  return callResolver(
    'saveInstance',
    { instance: { ...instance } },
    z.object({ instance: InstanceViewSchema }),
  );
}

export function deleteInstance(id: string) {
  return callResolver('deleteInstance', { id }, z.object({}));
}

export function countLinks(id: string) {
  return callResolver('countLinks', { id }, z.object({ links: z.number() }));
}

/** `missingAttributes`: for a Brevo account, the mapped attributes Brevo lacks ("Create missing attributes"). */
export const ConnectionTestSchema = z.object({
  checks: z.array(ConnectionCheckSchema),
  missingAttributes: z.array(z.string()).optional(),
});
export type ConnectionTest = z.infer<typeof ConnectionTestSchema>;

export function testConnection(id: string) {
  return callResolver('testConnection', { id }, ConnectionTestSchema);
}

export function getMappingOptions(id: string | undefined) {
  return callResolver('getMappingOptions', id === undefined ? {} : { id }, MappingOptionsSchema);
}

export function getSyncLog(query: SyncLogQuery) {
  return callResolver(
    'getSyncLog',
    { ...query },
    z.object({ entries: z.array(SyncEventSchema), cursor: z.string().optional() }),
  );
}

export function retrySyncEvent(id: string) {
  return callResolver('retrySyncEvent', { id }, z.object({}));
}
