// The sync-log entry about one item of a link, in one shape for every flow (invariant 4, docs/architecture.md): where
// it happened — the instance, the ticket and, once the ticket is linked, the issue — what was being done, what became
// of it in words, and for a failure what Retry runs again. The issue panel finds a link's entries by its ticket and
// issue (sync/panel/link-health.ts), the admin page by instance and level.
import type { Link } from './records/link';
import type { NewSyncEvent, SyncLevel, SyncRetry } from './records/sync-event';

/** Where an item is: a link, or a ticket of an instance not linked (yet), named as far as it is known. */
export type EntryPlace = Pick<Link, 'instanceId' | 'ticketId'> &
  Partial<Pick<Link, 'ticketNumber' | 'issueId' | 'issueKey'>>;

export interface EntryWords {
  level: SyncLevel;
  /** what was being done, e.g. 'comment-to-action' (domain/sync-operation.ts names it in words) */
  operation: string;
  message: string;
  /** the job that runs the item again (a failure's Retry) */
  retry?: SyncRetry | undefined;
}

export function linkEntry(place: EntryPlace, words: EntryWords): NewSyncEvent {
  return {
    level: words.level,
    instanceId: place.instanceId,
    ...(place.issueId === undefined ? {} : { issueId: place.issueId }),
    ...(place.issueKey === undefined ? {} : { issueKey: place.issueKey }),
    ticketId: place.ticketId,
    ...(place.ticketNumber === undefined ? {} : { ticketNumber: place.ticketNumber }),
    operation: words.operation,
    message: words.message,
    ...(words.retry === undefined ? {} : { retry: words.retry }),
  };
}
