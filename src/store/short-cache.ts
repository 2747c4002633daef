// Short-lived copies of slow reads under plain keys `cache:<scope>:<id>`. Each value carries its own expiry, checked on
// read, because KVS deletes expired items only eventually (up to 48 h, docs/forge-platform.md §3.2); the KVS TTL is
// what removes the item in the end. Cache failures never reach the caller: a failed read is a miss, a failed write is
// skipped, and both are logged.
import { kvs } from '@forge/kvs';
import { z } from 'zod';
import type { Logger } from '../lib/logger';
import type { ShortCache } from '../sync/ports/short-cache';
import type { SyncJson } from '../sync/records/json';
import { cacheKey, isKeyPart } from './keys';
import { storageCall } from './storage-errors';
import { Timestamp, type Clock } from './time';

const CachedSchema = z.object({ expiresAt: Timestamp, value: z.json() });

/** KVS accepts whole seconds; one hour is far beyond what a short cache is for. */
const TtlSchema = z.number().int().min(1).max(3_600);

export class KvsShortCache implements ShortCache {
  constructor(
    private readonly logger: Logger,
    private readonly clock: Clock,
  ) {}

  async get(scope: string, id: string): Promise<unknown> {
    if (!isKeyPart(scope) || !isKeyPart(id)) return undefined;
    try {
      const raw = await storageCall('reading a cached value', () => kvs.get<unknown>(cacheKey(scope, id)));
      const cached = CachedSchema.safeParse(raw);
      if (!cached.success) return undefined;
      return Date.parse(cached.data.expiresAt) > this.clock().getTime() ? cached.data.value : undefined;
    } catch (error) {
      this.logger.warn('A cache read failed; reading from the source instead', { scope, error });
      return undefined;
    }
  }

  async set(scope: string, id: string, value: SyncJson, ttlSeconds: number): Promise<void> {
    try {
      const ttl = TtlSchema.parse(ttlSeconds);
      const expiresAt = new Date(this.clock().getTime() + ttl * 1000).toISOString();
      await storageCall('writing a cached value', () =>
        kvs.set(cacheKey(scope, id), { expiresAt, value }, { ttl: { value: ttl, unit: 'SECONDS' } }),
      );
    } catch (error) {
      this.logger.warn('A cache write failed; the next read goes to the source', { scope, error });
    }
  }
}
