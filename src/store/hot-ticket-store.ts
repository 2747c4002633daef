// Hot tickets' windows (issue 19, src/sync/inbound/hot-window.ts) under plain keys `hot:<instanceId>:<ticketId>`, one
// per ticket so that activity on two tickets never overwrites the other's window. Each carries a KVS TTL a minute past
// its end; KVS removes expired items only eventually (docs/forge-platform.md §3.2), so `until` is what counts.
import { kvs, WhereConditions } from '@forge/kvs';
import { z } from 'zod';
import type { Logger } from '../lib/logger';
import type { HotTicketStore, HotWindow } from '../sync/inbound/hot-window';
import { fetchPage, MAX_PAGE_SIZE } from './entity-pages';
import { isKeyPart } from './keys';
import { storageCall } from './storage-errors';
import { parseResults, parseStored } from './stored-record';
import { Timestamp, type Clock } from './time';

const HotWindowSchema = z.object({ until: Timestamp, chain: z.string().min(1) });

/** `hot:<instanceId>:` — the ids are key parts, so the prefix of one instance never covers another's keys. */
function hotPrefix(instanceId: string): string | undefined {
  return isKeyPart(instanceId) ? `hot:${instanceId}:` : undefined;
}

function hotKey(instanceId: string, ticketId: string): string | undefined {
  const prefix = hotPrefix(instanceId);
  return prefix === undefined || !isKeyPart(ticketId) ? undefined : `${prefix}${ticketId}`;
}

/** A window's record outlives its end by a minute, and never more than the longest window (60 min) allows. */
const TTL_MARGIN_SECONDS = 60;

export class KvsHotTicketStore implements HotTicketStore {
  constructor(
    private readonly logger: Logger,
    private readonly clock: Clock,
  ) {}

  async get(instanceId: string, ticketId: string): Promise<HotWindow | undefined> {
    const key = hotKey(instanceId, ticketId);
    if (key === undefined) return undefined;
    const raw = await storageCall('reading a hot ticket', () => kvs.get<unknown>(key));
    if (raw === undefined) return undefined;
    return parseStored(HotWindowSchema, raw, { store: 'plain', key }, this.logger);
  }

  async put(instanceId: string, ticketId: string, window: HotWindow): Promise<void> {
    const key = hotKey(instanceId, ticketId);
    if (key === undefined) return;
    const left = Math.ceil((Date.parse(window.until) - this.clock().getTime()) / 1000);
    const ttl = Math.max(1, left) + TTL_MARGIN_SECONDS;
    await storageCall('marking a ticket hot', () =>
      kvs.set(key, HotWindowSchema.parse(window), { ttl: { value: ttl, unit: 'SECONDS' } }),
    );
  }

  async countHot(instanceId: string, now: Date, max: number): Promise<number> {
    const prefix = hotPrefix(instanceId);
    if (prefix === undefined || max <= 0) return 0;
    let count = 0;
    let cursor: string | undefined;
    do {
      const page = await fetchPage(
        'counting hot tickets',
        (from) => {
          const query = kvs.query().where('key', WhereConditions.beginsWith(prefix)).limit(MAX_PAGE_SIZE);
          return (from === undefined ? query : query.cursor(from)).getMany();
        },
        cursor,
      );
      const windows = parseResults(HotWindowSchema, page.results, 'plain', this.logger);
      count += windows.filter(({ value }) => Date.parse(value.until) > now.getTime()).length;
      cursor = page.cursor;
    } while (cursor !== undefined && count < max);
    return count;
  }
}
