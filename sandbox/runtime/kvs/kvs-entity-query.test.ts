// Entity queries in the KVS emulator through @forge/kvs: indexes, partitions, range conditions, order and paging.
import type { EntityQueryBuilder } from '@forge/kvs/out/interfaces/entity-query';
import { KvsEmulator } from './emulator';
import { loadKvsSdk, type ForgeKvsSdk } from './sdk-harness';
import { FakeClock, kvsErrorOf, SAMPLE_ENTITIES, type Link, type SyncEvent } from './kvs.test-support';

const clock = new FakeClock();
const emulator = new KvsEmulator({ entities: SAMPLE_ENTITIES, now: clock.now });
let sdk: ForgeKvsSdk;

beforeAll(async () => {
  sdk = await loadKvsSdk(emulator);
});
beforeEach(() => emulator.clear());

const links = () => sdk.kvs.entity<Link>('link');
const events = () => sdk.kvs.entity<SyncEvent>('event');
/** Paging loops stop here, so a cursor that never ends fails the test instead of hanging it. */
const MAX_PAGES = 50;
const keysOf = (page: { results: Array<{ key: string }> }) => page.results.map((r) => r.key);

/** Ten links on ticket inst-1/T-1 with updatedAt 1..10 (keys l01..l10), two on other tickets, one without updatedAt. */
async function seedTicketLinks(): Promise<void> {
  for (let i = 1; i <= 10; i += 1) {
    const key = `l${String(i).padStart(2, '0')}`;
    await links().set(key, { issueId: `100${i}`, instanceId: 'inst-1', ticketId: 'T-1', updatedAt: i });
  }
  await links().set('other-ticket', { instanceId: 'inst-1', ticketId: 'T-2', updatedAt: 5 });
  await links().set('other-instance', { instanceId: 'inst-2', ticketId: 'T-1', updatedAt: 5 });
  await links().set('no-range', { instanceId: 'inst-1', ticketId: 'T-1' });
}

const byTicket = () =>
  links()
    .query()
    .index('by-ticket', { partition: ['inst-1', 'T-1'] });

describe('entity queries: index, partition and range', () => {
  it('applies each range condition to the range attribute within the partition', async () => {
    await seedTicketLinks();
    const W = sdk.WhereConditions;
    const cases: Array<[ReturnType<(typeof W)[keyof typeof W]>, string[]]> = [
      [W.equalTo(5), ['l05']],
      [W.greaterThan(8), ['l09', 'l10']],
      [W.greaterThanEqualTo(8), ['l08', 'l09', 'l10']],
      [W.lessThan(3), ['l01', 'l02']],
      [W.lessThanEqualTo(3), ['l01', 'l02', 'l03']],
      [W.between(4, 6), ['l04', 'l05', 'l06']],
    ];
    for (const [condition, expected] of cases) {
      const page = await byTicket().where(condition).limit(100).getMany();
      expect({ condition, keys: keysOf(page) }).toEqual({ condition, keys: expected });
    }
  });

  it('leaves out items that lack a partition or range attribute of the index', async () => {
    await seedTicketLinks();
    const page = await byTicket().limit(100).getMany();
    expect(keysOf(page)).toEqual(['l01', 'l02', 'l03', 'l04', 'l05', 'l06', 'l07', 'l08', 'l09', 'l10']);
    const all = await links().query().index('by-key').limit(100).getMany();
    expect(keysOf(all)).toContain('no-range');
  });

  it('queries a bare-attribute index by its range, without a partition', async () => {
    await seedTicketLinks();
    const page = await links().query().index('issueId').where(sdk.WhereConditions.equalTo('1003')).getMany();
    expect(page.results).toEqual([
      { key: 'l03', value: { issueId: '1003', instanceId: 'inst-1', ticketId: 'T-1', updatedAt: 3 } },
    ]);
  });

  it('orders by range value then key, and DESC reverses both', async () => {
    for (const [key, at] of [
      ['e-b', 2],
      ['e-a', 2],
      ['e-c', 1],
      ['e-d', 3],
    ] as const) {
      await events().set(key, { instanceId: 'inst-1', at, level: 'info' });
    }
    const query = () =>
      events()
        .query()
        .index('by-instance', { partition: ['inst-1'] });
    expect(keysOf(await query().getMany())).toEqual(['e-c', 'e-a', 'e-b', 'e-d']);
    expect(keysOf(await query().sort(sdk.Sort.DESC).getMany())).toEqual(['e-d', 'e-b', 'e-a', 'e-c']);
  });

  it('ranges by-key over the item key, e.g. with beginsWith', async () => {
    for (const key of ['inst-1:action:2', 'inst-1:action:1', 'inst-1:comment:1', 'inst-2:action:1']) {
      await sdk.kvs.entity('mirror').set(key, { source: key });
    }
    const page = await sdk.kvs
      .entity('mirror')
      .query()
      .index('by-key')
      .where(sdk.WhereConditions.beginsWith('inst-1:action:'))
      .getMany();
    expect(keysOf(page)).toEqual(['inst-1:action:1', 'inst-1:action:2']);
  });

  it('orders an index without a range attribute by key', async () => {
    for (const key of ['z', 'm', 'a']) await events().set(key, { instanceId: 'i', at: 1, level: 'error' });
    await events().set('warn', { instanceId: 'i', at: 1, level: 'warn' });
    const page = await events()
      .query()
      .index('by-level', { partition: ['error'] })
      .getMany();
    expect(keysOf(page)).toEqual(['a', 'm', 'z']);
    const ranged = events()
      .query()
      .index('by-level', { partition: ['error'] })
      .where(sdk.WhereConditions.equalTo(1));
    expect((await kvsErrorOf(sdk, ranged.getMany())).code).toBe('BAD_REQUEST');
  });

  it('leaves out expired items and returns metadata when asked', async () => {
    await events().set(
      'gone',
      { instanceId: 'i', at: 1, level: 'info' },
      { ttl: { value: 1, unit: 'SECONDS' } },
    );
    await events().set('kept', { instanceId: 'i', at: 2, level: 'info' });
    clock.advance(1_000);
    const page = await events()
      .query({ metadataFields: [sdk.MetadataField.CREATED_AT] })
      .index('by-instance', { partition: ['i'] })
      .getMany();
    expect(page.results).toEqual([
      {
        key: 'kept',
        value: { instanceId: 'i', at: 2, level: 'info' },
        createdAt: (clock.now() - 1_000) / 1000,
      },
    ]);
  });

  it('refuses an unknown index, a wrong partition and an out-of-range limit', async () => {
    await seedTicketLinks();
    expect((await kvsErrorOf(sdk, links().query().index('by-nothing').getMany())).code).toBe(
      'INVALID_ENTITY_INDEX',
    );
    expect((await kvsErrorOf(sdk, links().query().index('by-ticket').getMany())).code).toBe('BAD_REQUEST');
    const short = links()
      .query()
      .index('by-ticket', { partition: ['inst-1'] });
    expect((await kvsErrorOf(sdk, short.getMany())).code).toBe('BAD_REQUEST');
    const extra = links()
      .query()
      .index('issueId', { partition: ['x'] });
    expect((await kvsErrorOf(sdk, extra.getMany())).code).toBe('BAD_REQUEST');
    for (const limit of [0, 101]) {
      const error = await kvsErrorOf(sdk, byTicket().limit(limit).getMany());
      expect([error.code, error.responseDetails.status]).toEqual([
        'COMPLEX_QUERY_PAGE_LIMIT_NOT_IN_RANGE',
        400,
      ]);
    }
  });
});

describe('entity queries: filters', () => {
  const sample: Array<[string, Link]> = [
    ['a', { state: 'open', score: 0.9, tags: ['vip', 'eu'], open: true, issueId: 'PRJ-1' }],
    ['b', { state: 'closed', score: 0.2, tags: ['eu'], open: false, issueId: 'PRJ-2' }],
    ['c', { state: 'open', score: 0.4, open: true, issueId: 'OPS-1' }],
    ['d', { state: 'pending review' }],
  ];

  beforeEach(async () => {
    for (const [key, value] of sample) await links().set(key, value);
  });

  const filtered = async (filter: Parameters<EntityQueryBuilder<Link>['filters']>[0]) =>
    keysOf(await links().query().index('by-key').filters(filter).getMany());

  it('combines conditions with and / or', async () => {
    const F = sdk.FilterConditions;
    const and = new sdk.Filter<Link>().and('state', F.equalTo('open')).and('score', F.greaterThan(0.5));
    expect(await filtered(and)).toEqual(['a']);
    const or = new sdk.Filter<Link>().or('state', F.equalTo('closed')).or('score', F.greaterThan(0.5));
    expect(await filtered(or)).toEqual(['a', 'b']);
  });

  it('supports every filter condition', async () => {
    const F = sdk.FilterConditions;
    const cases: Array<[keyof Link, ReturnType<(typeof F)[keyof typeof F]>, string[]]> = [
      ['state', F.equalTo('open'), ['a', 'c']],
      ['open', F.equalTo(false), ['b']],
      ['state', F.notEqualTo('open'), ['b', 'd']],
      ['issueId', F.notEqualTo('PRJ-1'), ['b', 'c', 'd']],
      ['tags', F.contains('vip'), ['a']],
      ['state', F.contains('review'), ['d']],
      ['tags', F.notContains('vip'), ['b', 'c', 'd']],
      ['tags', F.exists(), ['a', 'b']],
      ['tags', F.notExists(), ['c', 'd']],
      ['issueId', F.beginsWith('PRJ-'), ['a', 'b']],
      ['score', F.between(0.3, 0.9), ['a', 'c']],
      ['score', F.greaterThanEqualTo(0.4), ['a', 'c']],
      ['score', F.lessThan(0.4), ['b']],
      ['score', F.lessThanEqualTo(0.4), ['b', 'c']],
      ['issueId', F.greaterThan('P'), ['a', 'b']],
    ];
    for (const [property, condition, expected] of cases) {
      const keys = await filtered(new sdk.Filter<Link>().and(property, condition));
      expect({ property, condition, keys }).toEqual({ property, condition, keys: expected });
    }
  });

  it('applies the page limit before filters, so callers must follow the cursor', async () => {
    for (let at = 1; at <= 30; at += 1) {
      await events().set(`ev${String(at).padStart(2, '0')}`, {
        instanceId: 'i',
        at,
        level: at > 25 ? 'error' : 'info',
      });
    }
    const errorsOnly = new sdk.Filter<SyncEvent>().and('level', sdk.FilterConditions.equalTo('error'));
    const query = () =>
      events()
        .query()
        .index('by-instance', { partition: ['i'] })
        .filters(errorsOnly)
        .limit(10);
    const first = await query().getMany();
    expect(first.results).toEqual([]);
    expect(first.nextCursor).toEqual(expect.any(String));

    const found: string[] = [];
    let cursor = first.nextCursor;
    for (let pages = 1; cursor !== undefined && pages < MAX_PAGES; pages += 1) {
      const page = await query().cursor(cursor).getMany();
      found.push(...keysOf(page));
      cursor = page.nextCursor;
    }
    expect(cursor).toBeUndefined();
    expect(found).toEqual(['ev26', 'ev27', 'ev28', 'ev29', 'ev30']);
  });

  it('refuses malformed filters with the documented codes', () => {
    const query = (extra: Record<string, unknown>) =>
      emulator.handle('/api/v1/entity/query', { entityName: 'link', indexName: 'by-key', ...extra }).body;
    const clause = { property: 'state', condition: 'EQUAL_TO', values: ['open'] };
    expect(query({ filters: { and: [clause], or: [clause] } })).toMatchObject({
      code: 'INVALID_FILTER_OPERATORS_COMBINATION',
    });
    expect(query({ filters: { and: [] } })).toMatchObject({ code: 'EMPTY_FILTER_OPERATOR' });
    expect(query({ filters: { and: [{ ...clause, condition: 'BETWEEN' }] } })).toMatchObject({
      code: 'INSUFFICIENT_FILTER_VALUES',
    });
    expect(query({ filters: { and: [{ ...clause, values: ['a', 'b'] }] } })).toMatchObject({
      code: 'INVALID_FILTER_VALUES',
    });
    expect(query({ filters: { and: [{ ...clause, values: [{}] }] } })).toMatchObject({
      code: 'INVALID_FILTER_VALUES',
    });
    expect(query({ filters: { and: [{ ...clause, condition: 'MATCHES' }] } })).toMatchObject({
      code: 'INVALID_FILTER_CONDITION',
    });
    expect(query({ range: { condition: 'CONTAINS', values: ['x'] } })).toMatchObject({
      code: 'INVALID_FILTER_CONDITION',
    });
  });

  it('allows 100 conditions and refuses 101', async () => {
    const F = sdk.FilterConditions;
    const many = (n: number) => {
      let filter = new sdk.Filter<Link>().or('state', F.equalTo('s0'));
      for (let i = 1; i < n; i += 1) filter = filter.or('state', F.equalTo(`s${i}`));
      return filter;
    };
    expect(await filtered(many(100))).toEqual([]);
    const tooMany = links()
      .query()
      .index('by-key')
      .where(sdk.WhereConditions.beginsWith('a'))
      .filters(many(100));
    expect((await kvsErrorOf(sdk, tooMany.getMany())).code).toBe('BAD_REQUEST');
  });
});

describe('entity queries: cursor paging', () => {
  const total = 1_200;

  beforeEach(async () => {
    // Inserted out of order; `at` repeats every 400 items so ties are broken by key.
    for (let i = total - 1; i >= 0; i -= 1) {
      await events().set(`evt-${String(i).padStart(4, '0')}`, {
        instanceId: 'inst-1',
        at: i % 400,
        level: 'info',
      });
    }
    await events().set('elsewhere', { instanceId: 'inst-2', at: 1, level: 'info' });
  });

  async function pageThrough(sort: 'ASC' | 'DESC'): Promise<{ keys: string[]; pages: number }> {
    const keys: string[] = [];
    let pages = 0;
    let cursor: string | undefined;
    do {
      let query = events()
        .query()
        .index('by-instance', { partition: ['inst-1'] })
        .sort(sort === 'ASC' ? sdk.Sort.ASC : sdk.Sort.DESC)
        .limit(100);
      if (cursor !== undefined) query = query.cursor(cursor);
      const page = await query.getMany();
      keys.push(...keysOf(page));
      pages += 1;
      cursor = page.nextCursor;
    } while (cursor !== undefined && pages < MAX_PAGES);
    return { keys, pages };
  }

  const expectedAscending = () =>
    Array.from({ length: total }, (_, i) => ({ at: i % 400, key: `evt-${String(i).padStart(4, '0')}` }))
      .sort((a, b) => a.at - b.at || (a.key < b.key ? -1 : 1))
      .map((e) => e.key);

  it('returns every item exactly once, in order, over 12 pages of 100', async () => {
    const { keys, pages } = await pageThrough('ASC');
    expect(pages).toBe(12);
    expect(keys).toEqual(expectedAscending());
  });

  it('pages DESC in exactly the reverse order', async () => {
    const { keys, pages } = await pageThrough('DESC');
    expect(pages).toBe(12);
    expect(keys).toEqual(expectedAscending().reverse());
  });

  it('refuses a cursor issued for another query', async () => {
    const page = await events()
      .query()
      .index('by-instance', { partition: ['inst-1'] })
      .limit(5)
      .getMany();
    const other = events()
      .query()
      .index('by-instance', { partition: ['inst-2'] })
      .cursor(page.nextCursor ?? '');
    expect((await kvsErrorOf(sdk, other.getMany())).code).toBe('BAD_REQUEST');
  });
});
