// What the outbound use cases need from the outside world, all behind ports: the shared ones (sync/copy-deps.ts),
// how many tickets are written at once, and the panel's cache of ticket details.
import type { StoredInstance } from '../../domain/config';
import type { CopyDeps } from '../copy-deps';
import type { ShortCache } from '../ports/short-cache';
import type { TicketSystem } from '../ports/ticket-system';
import type { Link } from '../records/link';

export interface OutboundDeps extends CopyDeps {
  /** how many tickets are written at once */
  concurrency: number;
  /** the issue panel's copy of ticket details, forgotten after every write to a ticket (sync/ticket-view-cache) */
  cache: ShortCache;
}

/** One linked ticket the job must reach, with its instance and a ticket-system client for it. */
export interface OutboundTarget {
  link: Link;
  instance: StoredInstance;
  tickets: TicketSystem;
}
