// Where the issue panel keeps the details of an issue's linked tickets for a minute (sync/panel/ticket-cache.ts), and
// the one step every write the app makes to a linked ticket takes afterwards: forgetting that copy, so the panel never
// shows a status older than the app's own last change (a status pushed on "Done" shows at once, not a minute later).
import type { ShortCache } from './ports/short-cache';

export const TICKET_VIEW_SCOPE = 'issue-tickets';

/**
 * Drops the panel's copy of the tickets linked to `issueId`. The short cache has no delete, so the copy is overwritten
 * with a value the panel does not accept, which expires a second later. Never throws (a cache write failure is logged
 * by the cache); the panel also treats a copy older than the link's last sync as stale, so a lost forget heals there.
 */
export async function forgetTicket(cache: ShortCache, link: { issueId: string }): Promise<void> {
  await cache.set(TICKET_VIEW_SCOPE, link.issueId, null, 1);
}
