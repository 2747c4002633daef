// The issue panel's activity (issue 19): someone looking at an issue makes its linked tickets hot, so that news on
// them reaches Jira within a check interval while the panel is likely still open (hot-window.ts).
import type { StoredInstance } from '../../domain/config';
import type { Link } from '../records/link';
import { markHot, type HotActivity } from './hot-window';

/**
 * Marks every link's ticket hot, one after the other so that each start counts the ones before it against the cap
 * (an issue has a handful of links; a ticket already hot costs one read). Never throws (markHot logs and goes on).
 */
export async function markLinksHot(
  deps: Partial<HotActivity>,
  instances: ReadonlyMap<string, StoredInstance>,
  links: readonly Pick<Link, 'instanceId' | 'ticketId'>[],
): Promise<void> {
  for (const link of links) {
    const instance = instances.get(link.instanceId);
    if (instance !== undefined) await markHot(deps, instance, link.ticketId);
  }
}
