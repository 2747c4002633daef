// The issue panel's resolvers (docs/resolver-contract.md, "Issue panel resolver"). The issue comes from the platform
// context on the backend side, never from these payloads.
import { z } from 'zod';
import { callResolver } from '../../shared/resolver';

export const LinkedTicketSchema = z.object({
  instanceId: z.string(),
  instanceName: z.string(),
  ticketId: z.string(),
  ticketNumber: z.string(),
  name: z.string(),
  status: z.string(),
  isClosed: z.boolean(),
  ticketType: z.string(),
  severity: z.string(),
  customers: z.array(z.string()),
  url: z.string(),
  linkedAt: z.string(),
  lastSyncAt: z.string().optional(),
  lastError: z.string().optional(),
  /** the link's newest open warning or error, in words; `retryable` when the panel may offer Retry */
  problem: z
    .object({
      entryId: z.string(),
      time: z.string(),
      level: z.enum(['warn', 'error']),
      words: z.string(),
      retryable: z.boolean(),
    })
    .optional(),
});

export type LinkedTicket = z.infer<typeof LinkedTicketSchema>;

const LinkedTicketsSchema = z.object({
  tickets: z.array(LinkedTicketSchema),
  /** set when the ticket system could not be reached and the links come from storage only */
  notice: z.string().optional(),
});

export type LinkedTickets = z.infer<typeof LinkedTicketsSchema>;

export const InstanceSummarySchema = z.object({
  id: z.string(),
  name: z.string(),
  kind: z.string(),
  active: z.boolean(),
});

export type InstanceSummary = z.infer<typeof InstanceSummarySchema>;

/** `refresh`: read every ticket from TeamSupport, not from the panel's one-minute copy */
export function getLinkedTickets(refresh = false) {
  return callResolver('getLinkedTickets', refresh ? { refresh } : {}, LinkedTicketsSchema);
}

const SyncNowResultSchema = z.object({
  results: z.array(
    z.object({
      instanceId: z.string(),
      ticketId: z.string(),
      ticketNumber: z.string(),
      fromTicket: z.number(),
      toTicket: z.number(),
      error: z.string().optional(),
    }),
  ),
  stopped: z.string().optional(),
});

export type SyncNowResult = z.infer<typeof SyncNowResultSchema>;

export function syncNow() {
  return callResolver('syncNow', {}, SyncNowResultSchema);
}

export function retrySyncItem(entryId: string) {
  return callResolver('retrySyncItem', { entryId }, z.object({}));
}

export function listInstances() {
  return callResolver('listInstances', {}, z.object({ instances: z.array(InstanceSummarySchema) }));
}

const LinkResultSchema = z.object({
  ticket: LinkedTicketSchema,
  /** what failed around a link that was stored anyway (e.g. the Jira remote link) */
  warnings: z.array(z.string()).optional(),
});

export function linkTicket(instanceId: string, ticket: string) {
  return callResolver('linkTicket', { instanceId, ticket }, LinkResultSchema);
}

const UnlinkResultSchema = z.object({
  /** what failed around an unlink that was made anyway (the Jira remote link, the note on the ticket) */
  warnings: z.array(z.string()).optional(),
});

export type UnlinkResult = z.infer<typeof UnlinkResultSchema>;

export function unlinkTicket(instanceId: string, ticketId: string) {
  return callResolver('unlinkTicket', { instanceId, ticketId }, UnlinkResultSchema);
}

export const TicketMatchSchema = z.object({
  ticketId: z.string(),
  ticketNumber: z.string(),
  name: z.string(),
  status: z.string(),
  isClosed: z.boolean(),
  ticketType: z.string(),
  /** linked to this issue already */
  linkedHere: z.boolean(),
});

export type TicketMatch = z.infer<typeof TicketMatchSchema>;

/** Tickets by number, or by words of their subject (newest first, at most 10, only types the instance syncs). */
export function searchTickets(instanceId: string, query: string) {
  return callResolver(
    'searchTickets',
    { instanceId, query },
    z.object({ tickets: z.array(TicketMatchSchema) }),
  );
}
