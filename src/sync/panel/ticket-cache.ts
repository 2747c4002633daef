// The ticket details of an issue's links, kept for a minute in the short cache so that re-opening the panel (or the
// reload after linking) costs no ticket-system request. Forge invocations share no memory, so the copy lives in KVS:
// one read and at most one write per panel open. Each ticket carries its own fetch time and ages out on its own.
// The copy never outlives a change the app made: every write to a ticket forgets it (sync/ticket-view-cache), and a
// copy older than the link's last sync is not used either (that heals a forget that was lost).
import { z } from 'zod';
import type { Link } from '../records/link';
import { TICKET_VIEW_SCOPE } from '../ticket-view-cache';
import { TicketSummarySchema, ticketRef, type TicketSummary } from './linked-ticket';
import type { PanelDeps } from './deps';

export const TICKET_CACHE_SECONDS = 60;
const SCOPE = TICKET_VIEW_SCOPE;

const CachedSummarySchema = TicketSummarySchema.extend({ fetchedAt: z.iso.datetime() });
type CachedSummary = z.infer<typeof CachedSummarySchema>;
const CachedTicketsSchema = z.object({ tickets: z.array(CachedSummarySchema) });

export interface CachedTickets {
  /** fresh summaries by ticketRef */
  fresh: Map<string, TicketSummary>;
  entries: CachedSummary[];
}

function isFresh(entry: CachedSummary, now: Date): boolean {
  const age = now.getTime() - Date.parse(entry.fetchedAt);
  return age >= 0 && age < TICKET_CACHE_SECONDS * 1000;
}

function toCached(entries: CachedSummary[]): CachedTickets {
  const fresh = new Map<string, TicketSummary>();
  for (const { fetchedAt: _fetchedAt, ...summary } of entries) fresh.set(ticketRef(summary), summary);
  return { fresh, entries };
}

export async function readCachedTickets(deps: PanelDeps, issueId: string): Promise<CachedTickets> {
  const parsed = CachedTicketsSchema.safeParse(await deps.cache.get(SCOPE, issueId));
  const now = deps.now();
  return toCached(parsed.success ? parsed.data.tickets.filter((entry) => isFresh(entry, now)) : []);
}

/** Leaves out the copies fetched before their link's last sync: the app changed the ticket after the copy was made. */
export function withoutSyncedSince(cached: CachedTickets, links: readonly Link[]): CachedTickets {
  const syncedAt = new Map(links.map((link) => [ticketRef(link), link.lastSyncAt]));
  return toCached(
    cached.entries.filter((entry) => {
      const synced = syncedAt.get(ticketRef(entry));
      return synced === undefined || Date.parse(synced) < Date.parse(entry.fetchedAt);
    }),
  );
}

export const NO_CACHED_TICKETS: CachedTickets = { fresh: new Map(), entries: [] };

/** Stores `fetched` (just read from the ticket system) next to the cached entries that are still fresh. */
export async function cacheTickets(
  deps: PanelDeps,
  issueId: string,
  fetched: readonly TicketSummary[],
  cached: CachedTickets,
): Promise<void> {
  if (fetched.length === 0) return;
  const fetchedAt = deps.now().toISOString();
  const replaced = new Set(fetched.map(ticketRef));
  const tickets: CachedSummary[] = [
    ...cached.entries.filter((entry) => !replaced.has(ticketRef(entry))),
    ...fetched.map((summary) => ({ ...summary, fetchedAt })),
  ];
  await deps.cache.set(SCOPE, issueId, { tickets }, TICKET_CACHE_SECONDS);
}
