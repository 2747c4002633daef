// getLinkedTickets: the issue's links from storage, each with the ticket's details. Details come from the short cache
// when fresh, otherwise from the ticket systems in one round of parallel requests; when a ticket system cannot
// answer, its links are still listed as stored and `notice` says why.
import { z } from 'zod';
import type { StoredInstance } from '../../domain/config';
import { ok, parseInput, type Envelope } from '../../lib/envelope';
import { checkIssueAccess } from './access';
import type { PanelCall, PanelDeps } from './deps';
import { toLinkedTicket, ticketRef, type LinkedTicket } from './linked-ticket';
import { readLinkHealth } from './link-health';
import { fetchTicketDetails } from './ticket-details';
import { markLinksHot } from '../inbound/hot-links';
import type { HotActivity } from '../inbound/hot-window';
import { cacheTickets, NO_CACHED_TICKETS, readCachedTickets, withoutSyncedSince } from './ticket-cache';

/** `refresh`: the user pressed Refresh, so every ticket is read from the ticket system, none from the cache. */
export const getLinkedTicketsPayload = z.object({ refresh: z.boolean().optional() });

export interface LinkedTickets {
  tickets: LinkedTicket[];
  /** why some tickets are shown without current details (ticket system unreachable, ticket deleted, …) */
  notice?: string;
}

const CONFIG_UNREADABLE =
  "The app's settings cannot be read right now, so the links below are shown without ticket details.";

export async function getLinkedTickets(
  deps: PanelDeps & Partial<HotActivity>,
  call: PanelCall,
): Promise<Envelope<LinkedTickets>> {
  const denied = await checkIssueAccess(deps, call.issue, 'browse');
  if (denied) return denied;
  const input = parseInput(getLinkedTicketsPayload, call.payload);
  if (!input.ok) return input;

  const [links, config, read] = await Promise.all([
    deps.links.listByIssue(call.issue.id),
    deps.config.read(),
    input.value.refresh === true ? NO_CACHED_TICKETS : readCachedTickets(deps, call.issue.id),
  ]);
  if (links.length === 0) return ok({ tickets: [] });
  const cached = withoutSyncedSince(read, links);
  if (!config.ok) {
    return ok({
      tickets: links.map((link) => toLinkedTicket(link, link.instanceId, cached.fresh.get(ticketRef(link)))),
      notice: CONFIG_UNREADABLE,
    });
  }
  const instances = new Map(config.document.instances.map((instance) => [instance.id, instance]));
  // Links of an instance that is no longer configured are leftovers of its deletion, which removes them.
  const shown = links.filter((link) => instances.has(link.instanceId));
  const missing = shown.filter((link) => !cached.fresh.has(ticketRef(link)));
  const needed = [...new Set(missing.map((link) => link.instanceId))]
    .map((id) => instances.get(id))
    .filter((instance): instance is StoredInstance => instance !== undefined);

  // Someone is looking at the issue: its tickets are checked for news every few seconds for a while (hot-window.ts).
  await markLinksHot(deps, instances, shown);
  const [details, health] = await Promise.all([
    fetchTicketDetails(deps, missing, needed),
    readLinkHealth(deps, shown),
  ]);
  await cacheTickets(deps, call.issue.id, details.fetched, cached);
  const summaries = new Map(cached.fresh);
  for (const summary of details.fetched) summaries.set(ticketRef(summary), summary);

  const tickets = shown.map((link) =>
    toLinkedTicket(
      link,
      instances.get(link.instanceId)?.name ?? link.instanceId,
      summaries.get(ticketRef(link)),
      details.urls.get(ticketRef(link)) ?? '',
      health.get(ticketRef(link)),
    ),
  );
  return ok(details.problems.length === 0 ? { tickets } : { tickets, notice: details.problems.join(' ') });
}
