// The sync log against the KVS emulator: append and read, listing by instance and level, paging, retried-once
// marks, pruning.
import { kvs } from '@forge/kvs';
import { registerSecret, withSecretScope } from '../../../src/lib/logger';
import { MAX_RETRY_PAYLOAD_BYTES } from '../../../src/store';
import type {
  NewSyncEvent,
  SyncEvent,
  SyncEventQuery,
  SyncLevel,
} from '../../../src/sync/records/sync-event';
import { useStore, type StoreContext } from './store-harness';

const DAY = 24 * 60 * 60 * 1000;

function event(overrides: Partial<NewSyncEvent> = {}): NewSyncEvent {
  return {
    level: 'error',
    instanceId: 'inst-1',
    issueId: '10042',
    issueKey: 'SUP-7',
    ticketId: '745895',
    ticketNumber: '21345',
    operation: 'comment-to-action',
    message: 'TeamSupport answered 500',
    retry: { kind: 'comment', payload: { issueId: '10042', commentId: '10100' } },
    ...overrides,
  };
}

async function appended(ctx: StoreContext, overrides: Partial<NewSyncEvent> = {}): Promise<SyncEvent> {
  const entry = await ctx.run(() => ctx.store.syncLog.append(event(overrides)));
  if (!entry) throw new Error('append failed');
  return entry;
}

async function readAll(
  ctx: StoreContext,
  query: SyncEventQuery,
): Promise<{ entries: SyncEvent[]; pages: number }> {
  const entries: SyncEvent[] = [];
  let pages = 0;
  let cursor: string | undefined;
  do {
    const page = await ctx.run(() =>
      ctx.store.syncLog.list({ ...query, ...(cursor === undefined ? {} : { cursor }) }),
    );
    entries.push(...page.entries);
    pages += 1;
    cursor = page.cursor;
  } while (cursor !== undefined);
  return { entries, pages };
}

describe('sync log', () => {
  const ctx = useStore();

  it('appends an entry and reads it back by id', async () => {
    const entry = await appended(ctx);
    expect(entry).toEqual({
      ...event(),
      id: expect.any(String) as unknown,
      time: '2025-03-01T09:00:00.000Z',
      status: 'open',
    });
    expect(await ctx.run(() => ctx.store.syncLog.get(entry.id))).toEqual(entry);
    expect(await ctx.run(() => ctx.store.syncLog.get('no-such-entry'))).toBeUndefined();
    expect(await ctx.run(() => ctx.store.syncLog.get('../../etc'))).toBeUndefined();
  });

  it('lists newest first by instance, by level, by both and overall, page by page', async () => {
    const levels: SyncLevel[] = ['info', 'warn', 'error'];
    await ctx.run(async () => {
      for (let n = 0; n < 150; n++) {
        ctx.clock.advance(1_000);
        await ctx.store.syncLog.append(
          event({
            instanceId: n % 2 === 0 ? 'inst-1' : 'inst-2',
            level: levels[n % 3] ?? 'info',
            message: `#${n}`,
          }),
        );
      }
    });
    const isNewestFirst = (entries: SyncEvent[]) =>
      entries.every((entry, i) => i === 0 || (entries[i - 1]?.time ?? '') >= entry.time);

    const all = await readAll(ctx, { limit: 40 });
    expect(all.entries).toHaveLength(150);
    expect(all.pages).toBe(4);
    expect(isNewestFirst(all.entries)).toBe(true);
    expect(all.entries[0]?.message).toBe('#149');

    const inst1 = await readAll(ctx, { instanceId: 'inst-1', limit: 30 });
    expect(inst1.entries).toHaveLength(75);
    expect(inst1.entries.every((e) => e.instanceId === 'inst-1')).toBe(true);
    expect(isNewestFirst(inst1.entries)).toBe(true);

    const errors = await readAll(ctx, { level: 'error' });
    expect(errors.entries).toHaveLength(50);
    expect(errors.entries.every((e) => e.level === 'error')).toBe(true);
    expect(isNewestFirst(errors.entries)).toBe(true);

    const inst2Warnings = await readAll(ctx, { instanceId: 'inst-2', level: 'warn', limit: 10 });
    expect(inst2Warnings.entries.map((e) => e.message)).toEqual(
      Array.from({ length: 150 }, (_, n) => n)
        .filter((n) => n % 2 === 1 && n % 3 === 1)
        .reverse()
        .map((n) => `#${n}`),
    );
  });

  it('caps a page at 100 entries and defaults to 50', async () => {
    await ctx.run(async () => {
      for (let n = 0; n < 120; n++) await ctx.store.syncLog.append(event({ message: `#${n}` }));
    });
    expect((await ctx.run(() => ctx.store.syncLog.list({ limit: 500 }))).entries).toHaveLength(100);
    expect((await ctx.run(() => ctx.store.syncLog.list())).entries).toHaveLength(50);
  });

  it('marks an entry retried exactly once, even when two retries race', async () => {
    const entry = await appended(ctx);
    const results = await Promise.all([
      ctx.run(() => ctx.store.syncLog.markRetried(entry.id)),
      ctx.run(() => ctx.store.syncLog.markRetried(entry.id)),
    ]);
    expect(results.sort()).toEqual(['changed', 'unchanged']);
    expect(await ctx.run(() => ctx.store.syncLog.get(entry.id))).toMatchObject({
      status: 'retried',
      statusChangedAt: '2025-03-01T09:00:00.000Z',
    });
    expect(await ctx.run(() => ctx.store.syncLog.markResolved(entry.id))).toBe('changed');
    expect(await ctx.run(() => ctx.store.syncLog.markResolved(entry.id))).toBe('unchanged');
    expect(await ctx.run(() => ctx.store.syncLog.markRetried(entry.id))).toBe('unchanged');
    expect(await ctx.run(() => ctx.store.syncLog.markRetried('missing'))).toBe('not-found');
  });

  it('prunes each instance down to its newest entries', async () => {
    await ctx.run(async () => {
      for (let n = 0; n < 12; n++) {
        ctx.clock.advance(1_000);
        await ctx.store.syncLog.append(event({ message: `a${n}` }));
        await ctx.store.syncLog.append(event({ instanceId: 'inst-2', message: `b${n}` }));
      }
    });
    expect(await ctx.run(() => ctx.store.syncLog.prune('inst-1', { keep: 5 }))).toEqual({
      removed: 7,
      complete: true,
    });
    const inst1 = await readAll(ctx, { instanceId: 'inst-1' });
    expect(inst1.entries.map((e) => e.message)).toEqual(['a11', 'a10', 'a9', 'a8', 'a7']);
    expect((await readAll(ctx, { instanceId: 'inst-2' })).entries).toHaveLength(12);
    expect(await ctx.run(() => ctx.store.syncLog.prune('inst-1', { keep: 5 }))).toEqual({
      removed: 0,
      complete: true,
    });
  });

  it('keeps 1,000 entries per instance by default', async () => {
    await ctx.run(async () => {
      for (let n = 0; n < 1_030; n++) {
        ctx.clock.advance(10);
        await ctx.store.syncLog.append(event({ level: 'info', message: `#${n}`, retry: undefined }));
      }
    });
    expect(await ctx.run(() => ctx.store.syncLog.prune('inst-1'))).toEqual({ removed: 30, complete: true });
    const kept = await readAll(ctx, { instanceId: 'inst-1', limit: 100 });
    expect(kept.entries).toHaveLength(1_000);
    expect(kept.entries.at(-1)?.message).toBe('#30');
  });

  it('skips and logs a corrupt entry', async () => {
    const good = await appended(ctx);
    await ctx.run(() =>
      kvs
        .entity('sync-event')
        .set('000000000000001-0badc0ffee', { time: 'soon', level: 'error', instanceId: 'inst-1' }),
    );
    const page = await ctx.run(() => ctx.store.syncLog.list({ instanceId: 'inst-1' }));
    expect(page.entries).toEqual([good]);
    expect(await ctx.run(() => ctx.store.syncLog.get('000000000000001-0badc0ffee'))).toBeUndefined();
    expect(ctx.logLines()).toContainEqual(
      expect.objectContaining({
        message: 'Skipped a corrupt stored record',
        store: 'sync-event',
        key: '000000000000001-0badc0ffee',
      }),
    );
  });

  it('never fails the flow that logs: a failed write is reported on the console', async () => {
    ctx.sandbox.kvs.failNext('RATE_LIMIT_EXCEEDED', 429);
    const result = await ctx.run(() => ctx.store.syncLog.append(event({ message: 'lost to a 429' })));
    expect(result).toBeUndefined();
    expect(ctx.logLines()).toContainEqual(
      expect.objectContaining({
        level: 'error',
        message: 'Could not write a sync log entry',
        entry: expect.objectContaining({ message: 'lost to a 429', ticketNumber: '21345' }) as unknown,
        error: expect.objectContaining({ kind: 'rate-limited' }) as unknown,
      }),
    );
  });

  it('never fails the flow that logs: an invalid entry is reported on the console', async () => {
    const invalid = { ...event(), level: 'fatal' } as unknown as NewSyncEvent;
    expect(await ctx.run(() => ctx.store.syncLog.append(invalid))).toBeUndefined();
    expect(ctx.logLines()).toContainEqual(
      expect.objectContaining({ message: 'A sync log entry was rejected' }),
    );
  });

  it('keeps an entry whose retry payload is too large, without the payload', async () => {
    const entry = await appended(ctx, {
      retry: { kind: 'comment', payload: { blob: 'x'.repeat(MAX_RETRY_PAYLOAD_BYTES) } },
    });
    expect(entry).not.toHaveProperty('retry');
    expect(entry.message).toMatch(/cannot be retried/);
    expect(ctx.logLines()).toContainEqual(
      expect.objectContaining({ level: 'error', limitBytes: MAX_RETRY_PAYLOAD_BYTES }),
    );
  });

  it('stores small, clean JSON: blank fields dropped, long text cut, secrets masked', async () => {
    // Secrets are remembered per invocation (lib/logger withSecretScope), as every handler runs.
    const entry = await withSecretScope(async () => {
      registerSecret('tok-sync-log-5566');
      return appended(ctx, {
        issueKey: '  ',
        message: `failed with tok-sync-log-5566 ${'y'.repeat(5_000)}`,
        retry: { kind: 'comment', payload: { at: '2025-03-01', list: [1, 2] } },
      });
    })();
    expect(entry).not.toHaveProperty('issueKey');
    expect(entry.message).not.toContain('tok-sync-log-5566');
    expect(entry.message.length).toBe(2_000);
    expect(await ctx.run(() => ctx.store.syncLog.get(entry.id))).toEqual(entry);
  });
});

describe('sync log: errors a later run fixed (issue 20)', () => {
  const ctx = useStore();
  const outbound = (commentId: string) => ({
    kind: 'outbound',
    payload: { kind: 'comment', issueId: '10042', commentId, isEdit: false },
  });

  it('lists unresolved errors only in the errors report, and drops an error once it is resolved', async () => {
    const open = await appended(ctx, { retry: outbound('1') });
    const retried = await appended(ctx, { retry: outbound('2') });
    const resolved = await appended(ctx, { retry: outbound('3') });
    await appended(ctx, { level: 'warn', retry: undefined });
    await appended(ctx, { level: 'error', instanceId: 'inst-2', retry: undefined });
    await ctx.run(() => ctx.store.syncLog.markRetried(retried.id));
    await ctx.run(() => ctx.store.syncLog.markResolved(resolved.id));

    const report = await readAll(ctx, { unresolved: true, instanceId: 'inst-1' });
    expect(report.entries.map((e) => e.id).sort()).toEqual([open.id, retried.id].sort());
    expect((await readAll(ctx, { unresolved: true })).entries).toHaveLength(3);
    // The log keeps every entry; the resolved one says so, and carries nothing of the report's index.
    const all = await readAll(ctx, { instanceId: 'inst-1', level: 'error' });
    expect(all.entries.find((e) => e.id === resolved.id)).toEqual({
      ...resolved,
      status: 'resolved',
      statusChangedAt: expect.any(String) as unknown,
    });
    expect(
      await ctx
        .run(() => ctx.store.syncLog.list({ unresolved: true, level: 'warn' }))
        .catch((e: unknown) => e),
    ).toBeInstanceOf(Error);
  });

  it('resolves the errors of one item, open or retried, and no other', async () => {
    const first = await appended(ctx, { retry: outbound('1') });
    const again = await appended(ctx, { retry: outbound('1') });
    const other = await appended(ctx, { retry: outbound('2') });
    const otherTicket = await appended(ctx, { ticketId: '999', retry: outbound('1') });
    await ctx.run(() => ctx.store.syncLog.markRetried(again.id));

    const resolved = await ctx.run(() =>
      ctx.store.syncLog.resolveItem({
        instanceId: 'inst-1',
        ticketId: '745895',
        operation: 'comment-to-action',
        sourceId: '1',
      }),
    );

    expect(resolved).toBe(2);
    const status = async (id: string) => (await ctx.run(() => ctx.store.syncLog.get(id)))?.status;
    expect([await status(first.id), await status(again.id)]).toEqual(['resolved', 'resolved']);
    expect([await status(other.id), await status(otherTicket.id)]).toEqual(['open', 'open']);
  });
});

describe('sync log retention', () => {
  // Only Date is faked, so the KVS emulator's clock (and with it TTL expiry) can be moved; timers stay real.
  beforeEach(() => {
    jest.useFakeTimers({
      now: new Date('2025-03-01T09:00:00.000Z'),
      doNotFake: [
        'hrtime',
        'nextTick',
        'performance',
        'queueMicrotask',
        'requestAnimationFrame',
        'cancelAnimationFrame',
        'requestIdleCallback',
        'cancelIdleCallback',
        'setImmediate',
        'clearImmediate',
        'setInterval',
        'clearInterval',
        'setTimeout',
        'clearTimeout',
      ],
    });
  });
  afterEach(() => jest.useRealTimers());
  const ctx = useStore();

  function advanceDays(days: number): void {
    jest.setSystemTime(Date.now() + days * DAY);
    ctx.clock.advance(days * DAY);
  }

  it('lets entries expire after 30 days, also after a status change', async () => {
    const first = await appended(ctx, { message: 'first' });
    advanceDays(10);
    const second = await appended(ctx, { message: 'second' });
    expect(await ctx.run(() => ctx.store.syncLog.markRetried(first.id))).toBe('changed');

    advanceDays(19);
    expect((await readAll(ctx, { instanceId: 'inst-1' })).entries.map((e) => e.message)).toEqual([
      'second',
      'first',
    ]);

    advanceDays(2); // day 31: the first entry is past its 30 days, the second is 21 days old
    expect((await readAll(ctx, { instanceId: 'inst-1' })).entries.map((e) => e.message)).toEqual(['second']);
    expect(await ctx.run(() => ctx.store.syncLog.get(first.id))).toBeUndefined();

    advanceDays(10);
    expect(await ctx.run(() => ctx.store.syncLog.get(second.id))).toBeUndefined();
  });
});
