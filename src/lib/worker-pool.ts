// A worker pool for work that must stop in good order: at most `limit` items in flight, the next one started as soon
// as any finishes (no group waits for its slowest member), a check before each start (the invocation's time budget),
// and a way for one item to stop the rest. It never abandons an item it started: every stop waits for the items in
// flight to settle, so the caller can keep its place (a checkpoint) knowing nothing is still running. The inbound
// pull uses it for the tickets of a page (sync/inbound/pull, docs/reliability.md).

/** Why the pool stopped starting items. */
export type PoolEnd =
  /** every item ran */
  | 'done'
  /** `shouldStart` said no before an item: the items not started are left for later */
  | 'declined'
  /** an item's work answered false: the items not started are left for later */
  | 'stopped';

export interface PoolOptions<T> {
  /** the most items in flight at once */
  limit: number;
  /** asked before each item starts; false starts no more items */
  shouldStart(): boolean;
  /**
   * One item's work. False starts no more items; a throw starts no more items either and is rethrown, the first
   * one only, once every item in flight has settled.
   */
  work(item: T): Promise<boolean>;
}

export interface PoolResult {
  end: PoolEnd;
  /** how many items were started, from the first: the items from this index on never ran */
  started: number;
}

export async function runPool<T>(items: readonly T[], options: PoolOptions<T>): Promise<PoolResult> {
  if (!Number.isInteger(options.limit) || options.limit < 1) {
    throw new RangeError('A worker pool needs a positive whole number of workers.');
  }
  let next = 0;
  let end: PoolEnd = 'done';
  let failure: { error: unknown } | undefined;
  const worker = async (): Promise<void> => {
    while (end === 'done' && failure === undefined && next < items.length) {
      if (!options.shouldStart()) {
        end = 'declined';
        return;
      }
      const index = next++;
      const item = items[index];
      if (item === undefined) continue;
      try {
        // A stop answered by one item outranks a decline seen by another: it says something went wrong.
        if (!(await options.work(item))) end = 'stopped';
      } catch (error) {
        failure ??= { error };
      }
    }
  };
  await Promise.all(Array.from({ length: Math.min(options.limit, items.length) }, worker));
  if (failure !== undefined) throw failure.error;
  return { end, started: next };
}
