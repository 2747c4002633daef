// Where a pull of an instance's changes stands (sync/ports/cursor-store.ts; sync/inbound/pull.ts).

/** Where a pull of an instance's changes stands. */
export interface PullCursor {
  /** everything modified up to this instant (ISO-8601 UTC) has been processed */
  watermark: string;
  /** a window being processed: the pages before `nextPage` are done, so a handed-over pull resumes there */
  window?: { since: string; until: string; nextPage: number };
  /**
   * tickets handled in full whose modification time (epoch ms) the next windows still reach: listed again unchanged,
   * they cost nothing, not even a link read (sync/inbound/pull)
   */
  settled?: Record<string, number>;
  /** when the instance's sync log was last pruned (or found small enough): the next check looks past it */
  prunedAt?: string;
  /** when tickets that ask for escalation were last searched for whether listed or not (sync/inbound/pull) */
  sweptAt?: string;
  /** how many tickets that search found still asking: while any do, it runs every cycle */
  asking?: number;
  /** the copies of the last minute per epoch second, for the continuation of a handed-over pull (lib/pacer) */
  paced?: Record<string, number>;
}
