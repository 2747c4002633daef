// The mirror ledger against the KVS emulator: its keys, claims exactly one writer wins, completion, reclaiming a
// stale claim, releases and origin records.
import { kvs } from '@forge/kvs';
import { actionMirrorKey, commentMirrorKey, mirrorKey, noteMirrorKey } from '../../../src/store';
import type { ClaimOutcome, MirrorClaim, MirrorItem } from '../../../src/sync/records/mirror';
import { useStore } from './store-harness';

const action: MirrorItem = { kind: 'action', instanceId: 'inst-1', actionId: '555' };
const comment: MirrorItem = { kind: 'comment', instanceId: 'inst-1', commentId: '10100', ticketId: '745895' };
const LEASE = 120_000;

function claimOf(outcome: ClaimOutcome): MirrorClaim {
  if (outcome.status !== 'claimed' && outcome.status !== 'reclaimed') {
    throw new Error(`expected a claim, got ${JSON.stringify(outcome)}`);
  }
  return outcome.claim;
}

describe('mirror ledger keys', () => {
  it('are exactly the keys of docs/resolver-contract.md', () => {
    expect(mirrorKey(action)).toBe('inst-1:action:555');
    expect(actionMirrorKey('inst-1', '555')).toBe('inst-1:action:555');
    expect(mirrorKey(comment)).toBe('inst-1:comment:10100:745895');
    expect(commentMirrorKey('inst-1', '10100', '745895')).toBe('inst-1:comment:10100:745895');
  });

  it('add a key for notes the app adds once per source event', () => {
    expect(
      mirrorKey({ kind: 'note', instanceId: 'inst-1', noteId: 'status:10500', ticketId: '745895' }),
    ).toBe('inst-1:note:status:10500:745895');
    expect(() => noteMirrorKey('inst-1', 'status 1', '745895')).toThrow(/Note id/);
  });

  it('refuse parts that would make a key ambiguous', () => {
    expect(() => actionMirrorKey('inst-1', '5:5')).toThrow(/Action id/);
    expect(() => commentMirrorKey('inst 1', '1', '2')).toThrow(/Instance id/);
  });
});

describe('mirror ledger', () => {
  const ctx = useStore();

  it('claims an item once, then reports it done with its target after completion', async () => {
    const first = await ctx.run(() => ctx.store.ledger.claim(action, { leaseMs: LEASE, issueId: '10042' }));
    expect(first).toMatchObject({
      status: 'claimed',
      claim: { item: action, attempt: 1, leaseExpiresAt: '2025-03-01T09:02:00.000Z' },
    });
    expect(await ctx.run(() => ctx.store.ledger.claim(action, { leaseMs: LEASE }))).toEqual({
      status: 'in-progress',
      leaseExpiresAt: '2025-03-01T09:02:00.000Z',
    });
    expect(await ctx.run(() => ctx.store.ledger.complete(claimOf(first), '10777'))).toEqual({
      status: 'completed',
    });
    expect(await ctx.run(() => ctx.store.ledger.claim(action, { leaseMs: LEASE }))).toEqual({
      status: 'done',
      targetId: '10777',
      createdByApp: false,
    });
    // completing again with the same target is idempotent
    expect(await ctx.run(() => ctx.store.ledger.complete(claimOf(first), '10777'))).toEqual({
      status: 'completed',
    });
  });

  it('lets exactly one of two concurrent claims win', async () => {
    const outcomes = await Promise.all([
      ctx.run(() => ctx.store.ledger.claim(comment, { leaseMs: LEASE })),
      ctx.run(() => ctx.store.ledger.claim(comment, { leaseMs: LEASE })),
    ]);
    expect(outcomes.map((o) => o.status).sort()).toEqual(['claimed', 'in-progress']);
  });

  it('lets exactly one of many concurrent claims win', async () => {
    const outcomes = await Promise.all(
      Array.from({ length: 12 }, () => ctx.run(() => ctx.store.ledger.claim(comment, { leaseMs: LEASE }))),
    );
    expect(outcomes.filter((o) => o.status === 'claimed')).toHaveLength(1);
    expect(outcomes.filter((o) => o.status === 'in-progress')).toHaveLength(11);
  });

  it('lets exactly one of two concurrent reclaims of a stale claim win', async () => {
    const crashed = claimOf(await ctx.run(() => ctx.store.ledger.claim(action, { leaseMs: LEASE })));
    ctx.clock.advance(LEASE + 1);
    const outcomes = await Promise.all([
      ctx.run(() => ctx.store.ledger.claim(action, { leaseMs: LEASE })),
      ctx.run(() => ctx.store.ledger.claim(action, { leaseMs: LEASE })),
    ]);
    expect(outcomes.map((o) => o.status).sort()).toEqual(['in-progress', 'reclaimed']);
    const reclaimed = outcomes.find((o) => o.status === 'reclaimed');
    expect(reclaimed).toMatchObject({ claim: { attempt: 2 } });
    expect(claimOf(reclaimed ?? outcomes[0]).token).not.toBe(crashed.token);
  });

  it('retries a claimed-but-not-completed item after its lease and completes it once', async () => {
    // Invocation 1 claims and dies before writing.
    await ctx.run(() => ctx.store.ledger.claim(action, { leaseMs: LEASE }));
    // A redelivery within the lease is told to come back later.
    expect((await ctx.run(() => ctx.store.ledger.claim(action, { leaseMs: LEASE }))).status).toBe(
      'in-progress',
    );
    ctx.clock.advance(LEASE);
    // The retry after the lease takes the item over, writes it and completes it.
    const retry = await ctx.run(() => ctx.store.ledger.claim(action, { leaseMs: LEASE }));
    expect(retry.status).toBe('reclaimed');
    expect(await ctx.run(() => ctx.store.ledger.complete(claimOf(retry), 'comment-1'))).toEqual({
      status: 'completed',
    });
    // Every later delivery skips it.
    ctx.clock.advance(10 * LEASE);
    const later = await Promise.all([
      ctx.run(() => ctx.store.ledger.claim(action, { leaseMs: LEASE })),
      ctx.run(() => ctx.store.ledger.claim(action, { leaseMs: LEASE })),
    ]);
    expect(later).toEqual([
      { status: 'done', targetId: 'comment-1', createdByApp: false },
      { status: 'done', targetId: 'comment-1', createdByApp: false },
    ]);
  });

  it('keeps the first target when a holder whose lease ran out completes after the reclaimer', async () => {
    const slow = claimOf(await ctx.run(() => ctx.store.ledger.claim(action, { leaseMs: LEASE })));
    ctx.clock.advance(LEASE + 1);
    const fast = claimOf(await ctx.run(() => ctx.store.ledger.claim(action, { leaseMs: LEASE })));
    expect(await ctx.run(() => ctx.store.ledger.complete(fast, 'comment-fast'))).toEqual({
      status: 'completed',
    });
    expect(await ctx.run(() => ctx.store.ledger.complete(slow, 'comment-slow'))).toEqual({
      status: 'already-done',
      targetId: 'comment-fast',
    });
  });

  it('records done when the old holder completes while a reclaimer still holds the item', async () => {
    const slow = claimOf(await ctx.run(() => ctx.store.ledger.claim(action, { leaseMs: LEASE })));
    ctx.clock.advance(LEASE + 1);
    const reclaimer = claimOf(await ctx.run(() => ctx.store.ledger.claim(action, { leaseMs: LEASE })));
    expect(await ctx.run(() => ctx.store.ledger.complete(slow, 'comment-slow'))).toEqual({
      status: 'completed',
    });
    // The reclaimer read the target side, found the slow holder's copy and completes with it.
    expect(await ctx.run(() => ctx.store.ledger.complete(reclaimer, 'comment-slow'))).toEqual({
      status: 'completed',
    });
    expect(await ctx.run(() => ctx.store.ledger.release(reclaimer))).toBe(false);
  });

  it('releases a claim after a failed write so that a retry can claim at once', async () => {
    const claim = claimOf(await ctx.run(() => ctx.store.ledger.claim(comment, { leaseMs: LEASE })));
    expect(await ctx.run(() => ctx.store.ledger.release(claim))).toBe(true);
    expect(await ctx.run(() => ctx.store.ledger.claim(comment, { leaseMs: LEASE }))).toMatchObject({
      status: 'claimed',
      claim: { attempt: 1 },
    });
  });

  it('does not let a holder whose lease ran out release the claim that replaced it', async () => {
    const stale = claimOf(await ctx.run(() => ctx.store.ledger.claim(comment, { leaseMs: LEASE })));
    ctx.clock.advance(LEASE + 1);
    await ctx.run(() => ctx.store.ledger.claim(comment, { leaseMs: LEASE }));
    expect(await ctx.run(() => ctx.store.ledger.release(stale))).toBe(false);
    expect((await ctx.run(() => ctx.store.ledger.claim(comment, { leaseMs: LEASE }))).status).toBe(
      'in-progress',
    );
  });

  it('marks items the app created so that they are never copied back', async () => {
    const created: MirrorItem = { kind: 'action', instanceId: 'inst-1', actionId: '900' };
    await ctx.run(() =>
      ctx.store.ledger.recordOrigin(created, '10100', { issueId: '10042', ticketId: '745895' }),
    );
    expect(await ctx.run(() => ctx.store.ledger.claim(created, { leaseMs: LEASE }))).toEqual({
      status: 'done',
      targetId: '10100',
      createdByApp: true,
    });
  });

  it('treats a corrupt entry as stale: logs it and reclaims it atomically', async () => {
    await ctx.run(() =>
      kvs
        .entity('mirror')
        .set(mirrorKey(action), { instanceId: 'inst-1', state: 'half-done', claimToken: 'old' }),
    );
    const outcomes = await Promise.all([
      ctx.run(() => ctx.store.ledger.claim(action, { leaseMs: LEASE })),
      ctx.run(() => ctx.store.ledger.claim(action, { leaseMs: LEASE })),
    ]);
    expect(outcomes.map((o) => o.status).sort()).toEqual(['in-progress', 'reclaimed']);
    expect(ctx.logLines()).toContainEqual(
      expect.objectContaining({
        message: 'Skipped a corrupt stored record',
        store: 'mirror',
        key: 'inst-1:action:555',
      }),
    );
  });

  it('claims and completes a copy, with its origin record, in two storage requests and no read', async () => {
    ctx.sandbox.accounting.reset();
    const claimed = await ctx.run(() => ctx.store.ledger.claim(action, { leaseMs: LEASE, issueId: '10042' }));
    await ctx.run(() =>
      ctx.store.ledger.complete(claimOf(claimed), '10777', { item: comment, sourceId: '555', context: {} }),
    );
    expect(ctx.sandbox.accounting.requestsTo('kvs')).toBe(2);
    expect(await ctx.run(() => ctx.store.ledger.claim(action, { leaseMs: LEASE }))).toEqual({
      status: 'done',
      targetId: '10777',
      createdByApp: false,
    });
    expect(await ctx.run(() => ctx.store.ledger.claim(comment, { leaseMs: LEASE }))).toEqual({
      status: 'done',
      targetId: '555',
      createdByApp: true,
    });
  });

  it('completes a claim that was taken over by reading, and still records the origin', async () => {
    const first = claimOf(await ctx.run(() => ctx.store.ledger.claim(action, { leaseMs: LEASE })));
    ctx.clock.advance(LEASE + 1);
    const second = await ctx.run(() => ctx.store.ledger.claim(action, { leaseMs: LEASE }));
    expect(second.status).toBe('reclaimed');
    // The first holder wrote the target after all: its completion wins, since the copy exists.
    expect(
      await ctx.run(() => ctx.store.ledger.complete(first, '10777', { item: comment, sourceId: '555' })),
    ).toEqual({ status: 'completed' });
    expect(await ctx.run(() => ctx.store.ledger.claim(comment, { leaseMs: LEASE }))).toMatchObject({
      status: 'done',
      createdByApp: true,
    });
  });

  it('rejects a lease that is not a positive number of milliseconds', async () => {
    await expect(ctx.run(() => ctx.store.ledger.claim(action, { leaseMs: 0 }))).rejects.toThrow();
    expect(await ctx.run(() => kvs.entity('mirror').get(mirrorKey(action)))).toBeUndefined();
  });
});
