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

export function getLinkedTickets() {
  return callResolver('getLinkedTickets', {}, LinkedTicketsSchema);
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

export function unlinkTicket(instanceId: string, ticketId: string) {
  return callResolver('unlinkTicket', { instanceId, ticketId }, z.object({}));
}
