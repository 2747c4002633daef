// The SyncLog port: the entries the admin page and the issue panel show, one per item that was sent, skipped or failed
// (adapter: store/sync-log.ts). Stored entries are validated on every read; a corrupt one is logged and skipped.
import type { SyncItem } from '../../domain/sync-item';
import type { Budget } from '../../lib/budget';
import type { PreparedWrite } from '../records/prepared-write';
import type {
  NewSyncEvent,
  SyncEvent,
  SyncEventChange,
  SyncEventPage,
  SyncEventQuery,
} from '../records/sync-event';

export interface SyncLog {
  /** never throws: a failed write is reported on the console and yields undefined */
  append(event: NewSyncEvent): Promise<SyncEvent | undefined>;
  /** whether the instance's log has at least `threshold` entries newer than `since` (one read of at most that many) */
  grownSince(instanceId: string, since: string, threshold: number): Promise<boolean>;
  /** the entry as a write to apply with another (undefined, and reported, when the entry is invalid) */
  prepare(event: NewSyncEvent): PreparedWrite | undefined;
  list(query?: SyncEventQuery): Promise<SyncEventPage>;
  get(id: string): Promise<SyncEvent | undefined>;
  /** open → retried; of two concurrent calls exactly one gets 'changed' */
  markRetried(id: string): Promise<SyncEventChange>;
  /** open or retried → resolved */
  markResolved(id: string): Promise<SyncEventChange>;
  /**
   * Resolves every unresolved error about `item` (domain/sync-item.ts: same instance, ticket, operation and source):
   * a later run of the item succeeded. Reads the ticket's unresolved entries, so call it only when an error of the
   * item is known to be open (Link.openErrors); answers how many were resolved.
   */
  resolveItem(item: SyncItem): Promise<number>;
  /** keeps the newest `keep` entries of an instance (default 1,000) and removes the rest */
  prune(
    instanceId: string,
    options?: { keep?: number; budget?: Budget },
  ): Promise<{ removed: number; complete: boolean }>;
}
