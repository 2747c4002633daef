// getSyncLog: one page of the sync log, newest first, filtered by instance and/or level, or the errors report
// (`unresolved`: errors no later run fixed yet). Entries that name a ticket carry its URL when the instance's connector
// can build it, so the page can link out, and every entry carries its operation in words (domain/sync-operation.ts).
import { z } from 'zod';
import { InstanceIdParamSchema } from '../../domain/ids';
import { operationName } from '../../domain/sync-operation';
import { ok, type Envelope } from '../../lib/envelope';
import type { TicketSystem } from '../ports/ticket-system';
import type { SyncEvent } from '../records/sync-event';
import { asAdmin } from './access';
import type { AdminCall, AdminDeps } from './deps';

export const getSyncLogPayload = z
  .object({
    instanceId: InstanceIdParamSchema.optional(),
    level: z.enum(['info', 'warn', 'error'], { error: 'Level must be info, warn or error.' }).optional(),
    limit: z.number().int().min(1).max(100, 'At most 100 entries per page.').optional(),
    cursor: z.string().min(1).max(4_096).optional(),
    /** the errors report: errors not resolved yet (level 'error' or none) */
    unresolved: z.boolean().optional(),
  })
  .refine((query) => query.unresolved !== true || query.level === undefined || query.level === 'error', {
    path: ['level'],
    message: 'Only errors can be unresolved: leave the level out or ask for errors.',
  });

export type SyncLogEntry = SyncEvent & { ticketUrl?: string; operationName: string };

async function connectors(deps: AdminDeps, instanceIds: string[]): Promise<Map<string, TicketSystem>> {
  const found = new Map<string, TicketSystem>();
  if (instanceIds.length === 0) return found;
  const read = await deps.config.read();
  if (!read.ok) return found;
  await Promise.all(
    read.document.instances
      .filter((instance) => instanceIds.includes(instance.id))
      .map(async (instance) => {
        // A URL is a convenience: an instance whose connector cannot be opened just has none.
        const tickets = await deps.openTicketSystem(instance).catch(() => undefined);
        if (tickets) found.set(instance.id, tickets);
      }),
  );
  return found;
}

async function withTicketUrls(deps: AdminDeps, entries: SyncEvent[]): Promise<SyncLogEntry[]> {
  const naming = [...new Set(entries.filter((e) => e.ticketId !== undefined).map((e) => e.instanceId))];
  const systems = await connectors(deps, naming);
  return entries.map((entry) => {
    const named = { ...entry, operationName: operationName(entry.operation) };
    const tickets = systems.get(entry.instanceId);
    if (!tickets || entry.ticketId === undefined) return named;
    return {
      ...named,
      ticketUrl: tickets.ticketUrl({ id: entry.ticketId, number: entry.ticketNumber ?? '' }),
    };
  });
}

export function getSyncLog(
  deps: AdminDeps,
  call: AdminCall,
): Promise<Envelope<{ entries: SyncLogEntry[]; cursor?: string }>> {
  return asAdmin(deps, call, getSyncLogPayload, async (query) => {
    const page = await deps.log.list(query);
    const entries = await withTicketUrls(deps, page.entries);
    return ok(page.cursor === undefined ? { entries } : { entries, cursor: page.cursor });
  });
}
