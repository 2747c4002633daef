// The link repository against the KVS emulator: create once under concurrency, one issue per ticket, look-ups by
// issue and ticket across pages, sync results.
import { kvs, WhereConditions } from '@forge/kvs';
import { linkKey } from '../../../src/store';
import type { NewLink } from '../../../src/sync/records/link';
import { useStore } from './store-harness';

function link(overrides: Partial<NewLink> = {}): NewLink {
  return {
    instanceId: 'inst-1',
    ticketId: '745895',
    ticketNumber: '21345',
    issueId: '10042',
    issueKey: 'SUP-7',
    ...overrides,
  };
}

async function countItems(instanceId: string): Promise<number> {
  let count = 0;
  let cursor: string | undefined;
  do {
    const query = kvs
      .entity('link')
      .query()
      .index('by-key')
      .where(WhereConditions.beginsWith(`${instanceId}:`))
      .limit(100);
    const page = await (cursor === undefined ? query : query.cursor(cursor)).getMany();
    count += page.results.length;
    cursor = page.nextCursor;
  } while (cursor !== undefined);
  return count;
}

describe('link repository', () => {
  const ctx = useStore();

  it('creates a link once: a second create of the same link is a no-op', async () => {
    const first = await ctx.run(() => ctx.store.links.create(link()));
    expect(first).toEqual({ status: 'created', link: { ...link(), linkedAt: '2025-03-01T09:00:00.000Z' } });
    ctx.clock.advance(1_000);
    const second = await ctx.run(() => ctx.store.links.create(link({ issueKey: 'SUP-8' })));
    expect(second).toEqual({ status: 'exists', link: first.link });
    expect(await ctx.run(() => ctx.store.links.getByTicket('inst-1', '745895'))).toEqual(first.link);
  });

  it('keeps exactly one item when 20 creates of one link run concurrently', async () => {
    const results = await Promise.all(
      Array.from({ length: 20 }, () => ctx.run(() => ctx.store.links.create(link()))),
    );
    expect(results.filter((r) => r.status === 'created')).toHaveLength(1);
    expect(results.filter((r) => r.status === 'exists')).toHaveLength(19);
    expect(await ctx.run(() => countItems('inst-1'))).toBe(1);
  });

  it('lets exactly one of two issues racing for one ticket win', async () => {
    const [a, b] = await Promise.all([
      ctx.run(() => ctx.store.links.create(link({ issueId: '1', issueKey: 'A-1' }))),
      ctx.run(() => ctx.store.links.create(link({ issueId: '2', issueKey: 'B-2' }))),
    ]);
    const statuses = [a.status, b.status].sort();
    expect(statuses).toEqual(['created', 'ticket-linked-elsewhere']);
    const winner = a.status === 'created' ? a.link : b.link;
    expect((a.status === 'created' ? b : a).link).toEqual(winner);
    expect(await ctx.run(() => ctx.store.links.getByTicket('inst-1', '745895'))).toEqual(winner);
  });

  it('lets one issue link many tickets', async () => {
    await ctx.run(async () => {
      await ctx.store.links.create(link({ ticketId: '1' }));
      await ctx.store.links.create(link({ ticketId: '2' }));
      await ctx.store.links.create(link({ instanceId: 'inst-2', ticketId: '1' }));
    });
    const links = await ctx.run(() => ctx.store.links.listByIssue('10042'));
    expect(links.map((l) => `${l.instanceId}/${l.ticketId}`).sort()).toEqual([
      'inst-1/1',
      'inst-1/2',
      'inst-2/1',
    ]);
  });

  it('finds links by issue and by ticket among 1,000+ links across many pages', async () => {
    await ctx.run(async () => {
      for (let ticket = 1; ticket <= 1_050; ticket++) {
        ctx.clock.advance(1);
        // 1,010 tickets on one busy issue, the rest on others
        const issueId = ticket <= 1_010 ? '20000' : String(30_000 + ticket);
        await ctx.store.links.create(link({ ticketId: String(ticket), ticketNumber: `#${ticket}`, issueId }));
      }
    });
    const busy = await ctx.run(() => ctx.store.links.listByIssue('20000'));
    expect(busy).toHaveLength(1_010);
    expect(new Set(busy.map((l) => l.ticketId)).size).toBe(1_010);
    // oldest first
    expect(busy.map((l) => l.linkedAt)).toEqual([...busy.map((l) => l.linkedAt)].sort());
    expect(await ctx.run(() => ctx.store.links.listByIssue('31040'))).toEqual([
      expect.objectContaining({ ticketId: '1040', issueId: '31040' }),
    ]);
    expect(await ctx.run(() => ctx.store.links.getByTicket('inst-1', '777'))).toMatchObject({
      ticketNumber: '#777',
      issueId: '20000',
    });
    expect(await ctx.run(() => ctx.store.links.getByTicket('inst-1', '9999'))).toBeUndefined();
    expect(await ctx.run(() => ctx.store.links.listByIssue('nope'))).toEqual([]);

    const seen: string[] = [];
    await ctx.run(async () => {
      let cursor: string | undefined;
      do {
        const page = await ctx.store.links.pageByInstance('inst-1', cursor);
        expect(page.links.length).toBeLessThanOrEqual(100);
        seen.push(...page.links.map((l) => l.ticketId));
        cursor = page.cursor;
      } while (cursor !== undefined);
    });
    expect(seen).toHaveLength(1_050);
    expect(new Set(seen).size).toBe(1_050);
    expect(await ctx.run(() => ctx.store.links.countByInstance('inst-1'))).toBe(1_050);
  });

  it('records sync success and failure on a link', async () => {
    await ctx.run(() => ctx.store.links.create(link()));
    const ref = { instanceId: 'inst-1', ticketId: '745895', issueId: '10042' };
    expect(
      await ctx.run(() =>
        ctx.store.links.recordSync(ref, { at: new Date('2025-03-01T10:00:00.000Z'), error: 'HTTP 500' }),
      ),
    ).toBe(true);
    expect(await ctx.run(() => ctx.store.links.getByTicket('inst-1', '745895'))).toMatchObject({
      lastError: 'HTTP 500',
      lastErrorAt: '2025-03-01T10:00:00.000Z',
    });
    await ctx.run(() => ctx.store.links.recordSync(ref, { at: new Date('2025-03-01T10:05:00.000Z') }));
    const after = await ctx.run(() => ctx.store.links.getByTicket('inst-1', '745895'));
    expect(after).toMatchObject({ lastSyncAt: '2025-03-01T10:05:00.000Z' });
    expect(after).not.toHaveProperty('lastError');
    expect(after).not.toHaveProperty('lastErrorAt');
  });

  it('does not bring back a removed link, or touch a ticket relinked to another issue, when recording a sync', async () => {
    const ref = { instanceId: 'inst-1', ticketId: '745895', issueId: '10042' };
    expect(await ctx.run(() => ctx.store.links.recordSync(ref, { at: new Date() }))).toBe(false);
    await ctx.run(() => ctx.store.links.create(link({ issueId: '99' })));
    expect(await ctx.run(() => ctx.store.links.recordSync(ref, { at: new Date(), error: 'x' }))).toBe(false);
    expect(await ctx.run(() => ctx.store.links.getByTicket('inst-1', '745895'))).not.toHaveProperty(
      'lastError',
    );
    expect(await ctx.run(() => countItems('inst-1'))).toBe(1);
  });

  it('removes a link only while it joins the given issue', async () => {
    await ctx.run(() => ctx.store.links.create(link()));
    expect(
      await ctx.run(() => ctx.store.links.remove({ instanceId: 'inst-1', ticketId: '745895', issueId: '1' })),
    ).toBe(false);
    expect(
      await ctx.run(() =>
        ctx.store.links.remove({ instanceId: 'inst-1', ticketId: '745895', issueId: '10042' }),
      ),
    ).toBe(true);
    expect(
      await ctx.run(() =>
        ctx.store.links.remove({ instanceId: 'inst-1', ticketId: '745895', issueId: '10042' }),
      ),
    ).toBe(false);
    expect(await ctx.run(() => ctx.store.links.getByTicket('inst-1', '745895'))).toBeUndefined();
    // and the ticket can be linked again
    expect(await ctx.run(() => ctx.store.links.create(link({ issueId: '5' })))).toMatchObject({
      status: 'created',
    });
  });

  it('removes every link of a deleted issue and nothing else', async () => {
    await ctx.run(async () => {
      for (let ticket = 1; ticket <= 130; ticket++) {
        await ctx.store.links.create(
          link({ ticketId: String(ticket), issueId: ticket % 2 === 0 ? 'even' : 'odd' }),
        );
      }
    });
    expect(await ctx.run(() => ctx.store.links.removeByIssue('even'))).toBe(65);
    expect(await ctx.run(() => ctx.store.links.listByIssue('even'))).toEqual([]);
    expect(await ctx.run(() => ctx.store.links.listByIssue('odd'))).toHaveLength(65);
  });

  it('skips and logs a corrupt link, and replaces it when its ticket is linked again', async () => {
    await ctx.run(async () => {
      await ctx.store.links.create(link({ ticketId: '1' }));
      await kvs.entity('link').set(linkKey('inst-1', '2'), {
        instanceId: 'inst-1',
        ticketId: '2',
        issueId: '10042',
        linkedAt: 'yesterday',
      });
    });
    const links = await ctx.run(() => ctx.store.links.listByIssue('10042'));
    expect(links.map((l) => l.ticketId)).toEqual(['1']);
    expect(await ctx.run(() => ctx.store.links.getByTicket('inst-1', '2'))).toBeUndefined();
    expect(ctx.logLines()).toContainEqual(
      expect.objectContaining({
        level: 'warn',
        message: 'Skipped a corrupt stored record',
        store: 'link',
        key: 'inst-1:2',
      }),
    );
    expect(await ctx.run(() => ctx.store.links.countByInstance('inst-1'))).toBe(2);
    expect(await ctx.run(() => ctx.store.links.create(link({ ticketId: '2' })))).toMatchObject({
      status: 'created',
    });
    expect(await ctx.run(() => ctx.store.links.getByTicket('inst-1', '2'))).toMatchObject({
      issueKey: 'SUP-7',
    });
  });

  it('rejects ids that cannot be part of a storage key', async () => {
    await expect(ctx.run(() => ctx.store.links.create(link({ ticketId: '12:34' })))).rejects.toMatchObject({
      name: 'IntegrationError',
      kind: 'validation',
    });
  });
});
