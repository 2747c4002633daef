// The ShortCache port: copies of slow reads kept for a few seconds in storage (adapter: store/short-cache.ts).
import type { SyncJson } from '../records/json';

/**
 * Copies of slow reads kept for a few seconds, so that re-opening a view is fast. Forge invocations share no memory,
 * so the copies live in KVS. A cache is an optimisation only: a failed read is a miss and a failed write is ignored
 * (both logged), never an error for the caller.
 */
export interface ShortCache {
  /** the value stored under `scope` and `id` if it has not expired; undefined otherwise */
  get(scope: string, id: string): Promise<unknown>;
  set(scope: string, id: string, value: SyncJson, ttlSeconds: number): Promise<void>;
}
