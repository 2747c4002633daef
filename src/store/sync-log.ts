// The sync log and errors report (custom entity `sync-event`), read newest first by instance and/or level.
//
// Retention is bounded twice. Every entry carries a TTL of RETENTION_DAYS, so the log of a quiet instance empties
// itself. And prune() keeps at most DEFAULT_KEEP_PER_INSTANCE entries per instance, because a TTL alone does not bound
// a burst: an outage that fails every item on every 5-minute pull can write thousands of entries a day. 1,000 entries
// are ten pages of the admin's log, enough to see what went wrong and retry it; at about 1 KB each they stay around
// 1 MB per instance, and a prune run reads at most ten 100-entry pages per instance, which the scheduled job can
// afford every cycle.
//
// Logging must never break the flow that logs: append() reports its own failure on the console and returns undefined.
//
// The errors report lists errors not yet resolved, through indexes of their own (`unresolved-errors`): an error is
// resolved when a later run of the same item succeeds (resolveItem, issue 20) and then leaves the report.
import { FilterConditions, Filter, kvs, Sort, WhereConditions } from '@forge/kvs';
import { z } from 'zod';
import { sameSyncItem, syncItemOf, type SyncItem } from '../domain/sync-item';
import { unlimitedBudget, type Budget } from '../lib/budget';
import { IntegrationError } from '../lib/errors';
import type { Logger } from '../lib/logger';
import type { SyncLog } from '../sync/ports/sync-log';
import type { PreparedWrite } from '../sync/records/prepared-write';
import type {
  NewSyncEvent,
  SyncEvent,
  SyncEventChange,
  SyncEventPage,
  SyncEventQuery,
  SyncEventStatus,
} from '../sync/records/sync-event';
import { fetchPage, MAX_PAGE_SIZE, type PageQuery } from './entity-pages';
import { removeAll, transactIfHolds } from './entity-writes';
import { KvsPreparedWrite } from './prepared-write';
import { STORAGE_SYSTEM, storageCall } from './storage-errors';
import { parseResults, parseStored } from './stored-record';
import {
  jsonBytes,
  MAX_RETRY_PAYLOAD_BYTES,
  newSyncEventId,
  NewSyncEventSchema,
  normalisePayload,
  SYNC_EVENT_ENTITY,
  SyncEventIdSchema,
  SyncEventRecordSchema,
  toSyncEvent,
  UNRESOLVED_ERROR,
  type SyncEventRecord,
} from './sync-event-record';
import type { Clock } from './time';

export const RETENTION_DAYS = 30;
export const DEFAULT_KEEP_PER_INSTANCE = 1_000;
const RETENTION_MS = RETENTION_DAYS * 24 * 60 * 60 * 1000;
const DEFAULT_PAGE_SIZE = 50;
const PAGE_RESERVE_MS = 3_000;

const QuerySchema = z.object({
  instanceId: z.string().min(1).max(128).optional(),
  level: z.enum(['info', 'warn', 'error']).optional(),
  ticketId: z.string().min(1).max(128).optional(),
  unresolved: z.boolean().optional(),
  limit: z
    .number()
    .int()
    .optional()
    .transform((limit) => Math.min(MAX_PAGE_SIZE, Math.max(1, limit ?? DEFAULT_PAGE_SIZE))),
  cursor: z.string().min(1).optional(),
});
type Query = z.output<typeof QuerySchema>;

/** Each combination of filters has its own index, so a page is never thinned out by filtering. */
function indexFor(query: Query): { name: string; partition?: string[] } {
  if (query.unresolved === true) {
    if (query.ticketId !== undefined || (query.level !== undefined && query.level !== 'error')) {
      throw new IntegrationError('validation', 'Only errors are unresolved, by instance or all together.', {
        system: STORAGE_SYSTEM,
      });
    }
    return query.instanceId === undefined
      ? { name: 'unresolved-errors', partition: [UNRESOLVED_ERROR] }
      : { name: 'unresolved-errors-by-instance', partition: [query.instanceId, UNRESOLVED_ERROR] };
  }
  if (query.ticketId !== undefined) {
    if (query.instanceId === undefined || query.level !== undefined) {
      throw new IntegrationError('validation', 'A ticket is looked up within its instance, at every level.', {
        system: STORAGE_SYSTEM,
      });
    }
    return { name: 'by-ticket', partition: [query.instanceId, query.ticketId] };
  }
  if (query.instanceId !== undefined && query.level !== undefined) {
    return { name: 'by-instance-level', partition: [query.instanceId, query.level] };
  }
  if (query.instanceId !== undefined) return { name: 'by-instance', partition: [query.instanceId] };
  if (query.level !== undefined) return { name: 'by-level', partition: [query.level] };
  return { name: 'by-time' };
}

function newestFirst(index: { name: string; partition?: string[] }, limit: number): PageQuery {
  return (cursor) => {
    const builder = kvs
      .entity<unknown>(SYNC_EVENT_ENTITY)
      .query()
      .index(index.name, index.partition === undefined ? undefined : { partition: index.partition })
      .sort(Sort.DESC)
      .limit(limit);
    return (cursor === undefined ? builder : builder.cursor(cursor)).getMany();
  };
}

/**
 * A ticket's unresolved errors, newest first. Filtered rather than indexed: it runs only when an error of the item is
 * known to be open (the link says so), and a ticket's entries are a few pages at most (prune keeps 1,000 an instance).
 */
function unresolvedOfTicket(instanceId: string, ticketId: string): PageQuery {
  return (cursor) => {
    const builder = kvs
      .entity<SyncEventRecord>(SYNC_EVENT_ENTITY)
      .query()
      .index('by-ticket', { partition: [instanceId, ticketId] })
      .filters(new Filter<SyncEventRecord>().and('unresolved', FilterConditions.exists()))
      .sort(Sort.DESC)
      .limit(MAX_PAGE_SIZE);
    return (cursor === undefined ? builder : builder.cursor(cursor)).getMany();
  };
}

export class KvsSyncLog implements SyncLog {
  constructor(
    private readonly logger: Logger,
    private readonly clock: Clock,
  ) {}

  async append(event: NewSyncEvent): Promise<SyncEvent | undefined> {
    try {
      const entry = this.entryOf(event);
      if (entry === undefined) return undefined;
      await storageCall('appending to the sync log', () =>
        kvs
          .entity<SyncEventRecord>(SYNC_EVENT_ENTITY)
          .set(entry.id, entry.record, { ttl: { value: RETENTION_DAYS, unit: 'DAYS' } }),
      );
      this.echo(entry.id, entry.record);
      return toSyncEvent(entry.id, entry.record);
    } catch (error) {
      // The entry itself goes to the console, so what happened is still on record (Forge keeps console output).
      this.logger.error('Could not write a sync log entry', { error, entry: this.summary(event) });
      return undefined;
    }
  }

  async grownSince(instanceId: string, since: string, threshold: number): Promise<boolean> {
    const limit = z.number().int().min(1).max(MAX_PAGE_SIZE).parse(threshold);
    const page = await storageCall('checking the size of the sync log', () =>
      kvs
        .entity<unknown>(SYNC_EVENT_ENTITY)
        .query()
        .index('by-instance', { partition: [instanceId] })
        .where(WhereConditions.greaterThan(since))
        .limit(limit)
        .getMany(),
    );
    return page.results.length >= limit;
  }

  prepare(event: NewSyncEvent): PreparedWrite | undefined {
    const entry = this.entryOf(event);
    if (entry === undefined) return undefined;
    return new KvsPreparedWrite(
      'appending to the sync log',
      (tx) =>
        tx.set(
          entry.id,
          entry.record,
          { entityName: SYNC_EVENT_ENTITY },
          { ttl: { value: RETENTION_DAYS, unit: 'DAYS' } },
        ),
      () => this.echo(entry.id, entry.record),
    );
  }

  /** The stored entry for `event`, or undefined (reported on the console) when the entry is invalid. */
  private entryOf(event: NewSyncEvent): { id: string; record: SyncEventRecord } | undefined {
    const input = NewSyncEventSchema.safeParse({
      ...event,
      retry: event.retry && { kind: event.retry.kind, payload: normalisePayload(event.retry.payload) },
    });
    if (!input.success) {
      this.logger.error('A sync log entry was rejected', {
        entry: this.summary(event),
        issues: input.error.issues,
      });
      return undefined;
    }
    const now = this.clock();
    const { retry, message, issueId, issueKey, ticketId, ticketNumber, ...fields } = input.data;
    const retryFits = retry === undefined || jsonBytes(retry.payload) <= MAX_RETRY_PAYLOAD_BYTES;
    if (!retryFits) {
      this.logger.error('A sync log entry was kept without its retry data, which was too large', {
        entry: this.summary(event),
        limitBytes: MAX_RETRY_PAYLOAD_BYTES,
      });
    }
    // Absent fields stay absent (not undefined), so what is returned equals what is read back later.
    const record: SyncEventRecord = {
      ...fields,
      ...(issueId === undefined ? {} : { issueId }),
      ...(issueKey === undefined ? {} : { issueKey }),
      ...(ticketId === undefined ? {} : { ticketId }),
      ...(ticketNumber === undefined ? {} : { ticketNumber }),
      message: retryFits ? message : `${message} (This item cannot be retried from the log.)`,
      ...(retry !== undefined && retryFits ? { retry } : {}),
      time: now.toISOString(),
      status: 'open',
      ...(fields.level === 'error' ? { unresolved: UNRESOLVED_ERROR } : {}),
    };
    return { id: newSyncEventId(now), record };
  }

  /** The same line goes to the console: `forge logs` (and the sandbox's event log) tell the story without KVS. */
  private echo(id: string, record: SyncEventRecord): void {
    this.logger[record.level](record.message, {
      syncEvent: id,
      operation: record.operation,
      instanceId: record.instanceId,
      ...(record.issueKey === undefined ? {} : { issueKey: record.issueKey }),
      ...(record.ticketNumber === undefined ? {} : { ticketNumber: record.ticketNumber }),
    });
  }

  async list(query: SyncEventQuery = {}): Promise<SyncEventPage> {
    const parsed = QuerySchema.safeParse(query);
    if (!parsed.success) {
      throw new IntegrationError('validation', 'The sync log query is invalid.', { system: STORAGE_SYSTEM });
    }
    const { limit, cursor } = parsed.data;
    const page = await fetchPage('reading the sync log', newestFirst(indexFor(parsed.data), limit), cursor);
    const entries = parseResults(SyncEventRecordSchema, page.results, SYNC_EVENT_ENTITY, this.logger).map(
      (r) => toSyncEvent(r.key, r.value),
    );
    return page.cursor === undefined ? { entries } : { entries, cursor: page.cursor };
  }

  async get(id: string): Promise<SyncEvent | undefined> {
    const record = await this.getRecord(id);
    return record === undefined ? undefined : toSyncEvent(id, record);
  }

  markRetried(id: string): Promise<SyncEventChange> {
    return this.changeStatus(id, ['open'], 'retried');
  }

  markResolved(id: string): Promise<SyncEventChange> {
    return this.changeStatus(id, ['open', 'retried'], 'resolved');
  }

  async resolveItem(item: SyncItem): Promise<number> {
    const operation = 'resolving the errors a later run fixed';
    let resolved = 0;
    let cursor: string | undefined;
    do {
      const page = await fetchPage(operation, unresolvedOfTicket(item.instanceId, item.ticketId), cursor);
      const entries = parseResults(SyncEventRecordSchema, page.results, SYNC_EVENT_ENTITY, this.logger).map(
        (r) => toSyncEvent(r.key, r.value),
      );
      for (const entry of entries) {
        const about = syncItemOf(entry);
        if (about === undefined || !sameSyncItem(about, item)) continue;
        if ((await this.markResolved(entry.id)) === 'changed') resolved += 1;
      }
      cursor = page.cursor;
    } while (cursor !== undefined);
    if (resolved > 0) {
      this.logger.info('A later run fixed what failed: its errors are resolved', {
        instanceId: item.instanceId,
        ticketId: item.ticketId,
        operation: item.operation,
        resolved,
      });
    }
    return resolved;
  }

  async prune(
    instanceId: string,
    options: { keep?: number; budget?: Budget } = {},
  ): Promise<{ removed: number; complete: boolean }> {
    const keep = z
      .number()
      .int()
      .nonnegative()
      .parse(options.keep ?? DEFAULT_KEEP_PER_INSTANCE);
    const budget = options.budget ?? unlimitedBudget;
    const operation = 'pruning the sync log';
    const query = newestFirst({ name: 'by-instance', partition: [instanceId] }, MAX_PAGE_SIZE);
    let seen = 0;
    let removed = 0;
    let cursor: string | undefined;
    do {
      if (budget.remainingMs() < PAGE_RESERVE_MS) return { removed, complete: false };
      const page = await fetchPage(operation, query, cursor);
      // Corrupt entries count towards the limit like any other: they are removed by age, not parsed.
      const keys = page.results.map((result) => result.key);
      removed += await removeAll(SYNC_EVENT_ENTITY, keys.slice(Math.max(0, keep - seen)), operation);
      seen += keys.length;
      cursor = page.cursor;
    } while (cursor !== undefined);
    return { removed, complete: true };
  }

  private async getRecord(id: string): Promise<SyncEventRecord | undefined> {
    if (!SyncEventIdSchema.safeParse(id).success) return undefined;
    const raw = await storageCall('reading a sync log entry', () =>
      kvs.entity<unknown>(SYNC_EVENT_ENTITY).get(id),
    );
    if (raw === undefined) return undefined;
    return parseStored(SyncEventRecordSchema, raw, { store: SYNC_EVENT_ENTITY, key: id }, this.logger);
  }

  /**
   * Moves an entry to `to` if its status is one of `from`. The write is conditional on the status just read, so two
   * admins pressing Retry at once re-run the item once: one gets 'changed', the other 'unchanged'.
   */
  private async changeStatus(
    id: string,
    from: SyncEventStatus[],
    to: SyncEventStatus,
  ): Promise<SyncEventChange> {
    const record = await this.getRecord(id);
    if (record === undefined) return 'not-found';
    if (!from.includes(record.status)) return 'unchanged';
    const now = this.clock();
    // A resolved error leaves the errors report's indexes with its `unresolved` attribute.
    const { unresolved: _unresolved, ...rest } = record;
    const updated: SyncEventRecord = {
      ...(to === 'resolved' ? rest : record),
      status: to,
      statusChangedAt: now.toISOString(),
    };
    // A write without a TTL would keep the entry for good; keep the expiry it was created with.
    const secondsLeft = Math.max(
      60,
      Math.ceil((Date.parse(record.time) + RETENTION_MS - now.getTime()) / 1000),
    );
    const unchanged = new Filter<SyncEventRecord>().and('status', FilterConditions.equalTo(record.status));
    const changed = await transactIfHolds('updating a sync log entry', (tx) =>
      tx.set(
        id,
        updated,
        { entityName: SYNC_EVENT_ENTITY, conditions: unchanged },
        { ttl: { value: secondsLeft, unit: 'SECONDS' } },
      ),
    );
    return changed ? 'changed' : 'unchanged';
  }

  private summary(event: NewSyncEvent): Record<string, unknown> {
    return {
      level: event.level,
      instanceId: event.instanceId,
      issueKey: event.issueKey,
      ticketNumber: event.ticketNumber,
      operation: event.operation,
      message: event.message,
      retryKind: event.retry?.kind,
    };
  }
}
