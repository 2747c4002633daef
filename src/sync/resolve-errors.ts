// An error that a later run of the same item fixed is resolved, so it leaves the errors report (issue 20): a retried
// comment that now went through, a ticket whose correlation field the agent corrected, an action Jira accepts again.
// "The same item" is one domain rule (domain/sync-item.ts). Each success path calls this once; it costs nothing when
// the link knows of no open error of the item (Link.openErrors), which is every success in a healthy sync.
import { syncItemKey, type SyncItem } from '../domain/sync-item';
import { logger } from '../lib/logger';
import type { LinkRepository } from './ports/link-repository';
import type { SyncLog } from './ports/sync-log';
import type { Link } from './records/link';

export interface ResolveDeps {
  log: SyncLog;
  links: LinkRepository;
}

/**
 * Resolves the item's unresolved errors after it succeeded. With `link`, only when the link lists the item as failing
 * (then the link forgets it), unless `always`: a path whose errors the link may not know of (no link existed when it
 * failed, e.g. an escalation; a retry given up without one) reads the ticket's unresolved errors each time, so it must
 * be a rare one. Never throws: an error left open can still be resolved by hand.
 */
export async function resolveFixedErrors(
  deps: ResolveDeps,
  item: SyncItem | undefined,
  link: Link | undefined,
  always = false,
): Promise<void> {
  if (item === undefined) return;
  const key = syncItemKey(item);
  const listed = link !== undefined && (link.openErrors ?? []).includes(key);
  if (!listed && !always) return;
  try {
    await deps.log.resolveItem(item);
    if (link !== undefined && listed)
      await deps.links.recordSync(link, { at: new Date(), resolvedItem: key });
  } catch (error) {
    logger.warn('Could not resolve the errors a later run fixed', {
      instanceId: item.instanceId,
      ticketId: item.ticketId,
      operation: item.operation,
      error,
    });
  }
}
