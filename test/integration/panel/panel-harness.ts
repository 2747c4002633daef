// Reads the issue panel's answers and Jira's remote links for the panel tests.
import { z } from 'zod';
import { platformFetch } from '../../../sandbox/runtime/globals';
import type { World } from '../world';

export const linkedTicketSchema = z.strictObject({
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
  problem: z
    .strictObject({
      entryId: z.string(),
      time: z.string(),
      level: z.enum(['warn', 'error']),
      words: z.string(),
      retryable: z.boolean(),
    })
    .optional(),
});

export const linkedTicketsSchema = z.strictObject({
  tickets: z.array(linkedTicketSchema),
  notice: z.string().optional(),
});

export const linkResultSchema = z.strictObject({
  ticket: linkedTicketSchema,
  warnings: z.array(z.string()).optional(),
});

const remoteLinksSchema = z.array(
  z.looseObject({
    object: z.looseObject({ url: z.string(), title: z.string() }),
    application: z.looseObject({ name: z.string().optional() }).optional(),
  }),
);

/** The issue's remote links, read from the Jira emulator as the app. */
export async function remoteLinks(world: World, issueId: string): Promise<z.infer<typeof remoteLinksSchema>> {
  const response = await platformFetch()(`${world.jira.baseUrl}/rest/api/3/issue/${issueId}/remotelink`, {
    headers: { 'x-forge-principal': 'app', Accept: 'application/json' },
  });
  return remoteLinksSchema.parse(await response.json());
}

/** Whether the issue has the remote link with this global id (Jira looks it up by global id). */
export async function hasRemoteLink(world: World, issueId: string, globalId: string): Promise<boolean> {
  const response = await platformFetch()(
    `${world.jira.baseUrl}/rest/api/3/issue/${issueId}/remotelink?globalId=${encodeURIComponent(globalId)}`,
    { headers: { 'x-forge-principal': 'app', Accept: 'application/json' } },
  );
  return response.status === 200;
}

/** Ticket-system API requests the emulator received (not the sandbox admin surface). */
export function ticketRequests(world: World): Array<{ method: string; url: string }> {
  return world.ts.requests().map(({ method, url }) => ({ method, url }));
}
