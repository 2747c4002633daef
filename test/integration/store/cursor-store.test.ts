// The pull's cursor store against the KVS emulator: watermarks and checkpoints per instance, corrupt values skipped.
import { kvs } from '@forge/kvs';
import { cursorKey } from '../../../src/store';
import { useStore } from './store-harness';

describe('cursor store', () => {
  const ctx = useStore();

  it('returns nothing before the first pull', async () => {
    expect(await ctx.run(() => ctx.store.cursors.load('inst-1'))).toBeUndefined();
  });

  it('keeps a watermark and a checkpoint within a window, per instance', async () => {
    const checkpoint = {
      watermark: '2025-03-01T08:00:00.000Z',
      window: { since: '2025-03-01T07:30:00.000Z', until: '2025-03-01T09:00:00.000Z', nextPage: 3 },
    };
    await ctx.run(async () => {
      await ctx.store.cursors.save('inst-1', checkpoint);
      await ctx.store.cursors.save('inst-2', { watermark: '2025-02-01T00:00:00.000Z' });
    });
    expect(await ctx.run(() => ctx.store.cursors.load('inst-1'))).toEqual(checkpoint);
    expect(await ctx.run(() => kvs.get(cursorKey('inst-1')))).toEqual({
      ...checkpoint,
      savedAt: '2025-03-01T09:00:00.000Z',
    });

    await ctx.run(() => ctx.store.cursors.save('inst-1', { watermark: '2025-03-01T09:00:00.000Z' }));
    expect(await ctx.run(() => ctx.store.cursors.load('inst-1'))).toEqual({
      watermark: '2025-03-01T09:00:00.000Z',
    });
    expect(await ctx.run(() => ctx.store.cursors.load('inst-2'))).toEqual({
      watermark: '2025-02-01T00:00:00.000Z',
    });

    await ctx.run(() => ctx.store.cursors.clear('inst-1'));
    expect(await ctx.run(() => ctx.store.cursors.load('inst-1'))).toBeUndefined();
  });

  it('refuses to save a watermark that is not an ISO timestamp, or a window that ends before it starts', async () => {
    await expect(
      ctx.run(() => ctx.store.cursors.save('inst-1', { watermark: 'last Tuesday' })),
    ).rejects.toThrow();
    await expect(
      ctx.run(() =>
        ctx.store.cursors.save('inst-1', {
          watermark: '2025-03-01T08:00:00.000Z',
          window: { since: '2025-03-01T09:00:00Z', until: '2025-03-01T08:00:00.000Z', nextPage: 1 },
        }),
      ),
    ).rejects.toThrow();
    expect(await ctx.run(() => kvs.get(cursorKey('inst-1')))).toBeUndefined();
  });

  it('skips and logs a corrupt watermark, so the pull starts afresh', async () => {
    await ctx.run(() => kvs.set(cursorKey('inst-1'), { watermark: 1700000000 }));
    expect(await ctx.run(() => ctx.store.cursors.load('inst-1'))).toBeUndefined();
    expect(ctx.logLines()).toContainEqual(
      expect.objectContaining({
        message: 'Skipped a corrupt stored record',
        store: 'plain',
        key: 'cursor:inst-1',
      }),
    );
  });
});
