// Pull watermarks under the plain key `cursor:<instanceId>`. Besides the watermark (everything modified up to it has
// been processed) the value can hold the window being processed and the page reached, so a pull that runs out of time
// hands over and resumes at that page instead of starting the window again.
import { kvs } from '@forge/kvs';
import { z } from 'zod';
import type { Logger } from '../lib/logger';
import type { CursorStore } from '../sync/ports/cursor-store';
import type { PullCursor } from '../sync/records/pull-cursor';
import { cursorKey } from './keys';
import { storageCall } from './storage-errors';
import { parseStored } from './stored-record';
import { Timestamp, type Clock } from './time';

const pullCursorShape = {
  watermark: Timestamp,
  window: z
    .object({ since: Timestamp, until: Timestamp, nextPage: z.number().int().positive() })
    .refine(
      (window) => Date.parse(window.since) <= Date.parse(window.until),
      'A pull window must not end before it starts.',
    )
    .optional(),
  settled: z.record(z.string().min(1).max(32), z.number().int().nonnegative()).optional(),
  prunedAt: Timestamp.optional(),
  sweptAt: Timestamp.optional(),
  asking: z.number().int().positive().optional(),
  paced: z.record(z.string().regex(/^\d+$/), z.number().int().positive()).optional(),
};

const PullCursorSchema: z.ZodType<PullCursor> = z.object(pullCursorShape);

/** The stored value: the cursor plus when it was saved (for support, not for logic). */
const StoredCursorSchema = z.object({ ...pullCursorShape, savedAt: Timestamp });

export class KvsCursorStore implements CursorStore {
  constructor(
    private readonly logger: Logger,
    private readonly clock: Clock,
  ) {}

  /** undefined when there is none yet, or when the stored one is corrupt (logged): the pull starts afresh. */
  async load(instanceId: string): Promise<PullCursor | undefined> {
    const key = cursorKey(instanceId);
    const raw = await storageCall('reading a pull watermark', () => kvs.get<unknown>(key));
    if (raw === undefined) return undefined;
    const stored = parseStored(StoredCursorSchema, raw, { store: 'plain', key }, this.logger);
    if (stored === undefined) return undefined;
    const { savedAt: _savedAt, ...cursor } = stored;
    return cursor;
  }

  async save(instanceId: string, cursor: PullCursor): Promise<void> {
    const key = cursorKey(instanceId);
    const value = { ...PullCursorSchema.parse(cursor), savedAt: this.clock().toISOString() };
    await storageCall('saving a pull watermark', () => kvs.set(key, value));
  }

  async clear(instanceId: string): Promise<void> {
    const key = cursorKey(instanceId);
    await storageCall('deleting a pull watermark', () => kvs.delete(key));
  }
}
