// kvs.query() over plain keys in the KVS emulator: beginsWith, byte order, cursors and what is left out.
import { KvsEmulator } from './emulator';
import { loadKvsSdk, type ForgeKvsSdk } from './sdk-harness';
import { FakeClock, kvsErrorOf, SAMPLE_ENTITIES } from './kvs.test-support';

const clock = new FakeClock();
const emulator = new KvsEmulator({ entities: SAMPLE_ENTITIES, now: clock.now });
let sdk: ForgeKvsSdk;

beforeAll(async () => {
  sdk = await loadKvsSdk(emulator);
});
beforeEach(() => emulator.clear());

async function allPages(prefix: string, limit: number): Promise<{ keys: string[]; pageSizes: number[] }> {
  const keys: string[] = [];
  const pageSizes: number[] = [];
  let cursor: string | undefined;
  do {
    let query = sdk.kvs.query().where('key', sdk.WhereConditions.beginsWith(prefix)).limit(limit);
    if (cursor !== undefined) query = query.cursor(cursor);
    const page = await query.getMany<number>();
    keys.push(...page.results.map((r) => r.key));
    pageSizes.push(page.results.length);
    cursor = page.nextCursor;
  } while (cursor !== undefined && pageSizes.length < 50); // bounded, so an endless cursor fails instead of hanging
  return { keys, pageSizes };
}

describe('kvs.query() over plain keys', () => {
  it('pages through 250 keys with beginsWith, in key order, with a cursor only while more remain', async () => {
    const wanted = Array.from({ length: 250 }, (_, i) => `cursor:${String(i).padStart(3, '0')}`);
    for (const [i, key] of [...wanted].reverse().entries()) await sdk.kvs.set(key, i);
    for (const key of ['config', 'cursos:1', 'cursor', 'other:cursor:1']) await sdk.kvs.set(key, 0);

    const { keys, pageSizes } = await allPages('cursor:', 100);
    expect(pageSizes).toEqual([100, 100, 50]);
    expect(keys).toEqual(wanted);
  });

  it('returns values and pages of 10 by default', async () => {
    for (let i = 0; i < 12; i += 1) await sdk.kvs.set(`item:${String(i).padStart(2, '0')}`, { n: i });
    const first = await sdk.kvs.query().where('key', sdk.WhereConditions.beginsWith('item:')).getMany();
    expect(first.results).toHaveLength(10);
    expect(first.results[0]).toEqual({ key: 'item:00', value: { n: 0 } });
    expect(first.nextCursor).toEqual(expect.any(String));
    const last = await sdk.kvs
      .query()
      .where('key', sdk.WhereConditions.beginsWith('item:'))
      .cursor(first.nextCursor ?? '')
      .getMany();
    expect(last.results.map((r) => r.key)).toEqual(['item:10', 'item:11']);
    expect(last.nextCursor).toBeUndefined();
  });

  it('sorts keys by byte, so upper case comes before lower case and "-" before digits', async () => {
    for (const key of ['k:b', 'k:B', 'k:a', 'k:1', 'k:-', 'k:A', 'k: ']) await sdk.kvs.set(key, 1);
    const page = await sdk.kvs
      .query()
      .where('key', sdk.WhereConditions.beginsWith('k:'))
      .limit(100)
      .getMany();
    expect(page.results.map((r) => r.key)).toEqual(['k: ', 'k:-', 'k:1', 'k:A', 'k:B', 'k:a', 'k:b']);
  });

  it('lists all plain keys without a where clause, and getOne takes the first', async () => {
    await sdk.kvs.set('b', 2);
    await sdk.kvs.set('a', 1);
    expect((await sdk.kvs.query().getMany()).results).toEqual([
      { key: 'a', value: 1 },
      { key: 'b', value: 2 },
    ]);
    expect(await sdk.kvs.query().getOne()).toEqual({ key: 'a', value: 1 });
  });

  it('leaves out secrets, entity items and expired keys', async () => {
    await sdk.kvs.set('x:plain', 1);
    await sdk.kvs.set('x:short-lived', 2, { ttl: { value: 1, unit: 'SECONDS' } });
    await sdk.kvs.setSecret('x:secret', 3);
    await sdk.kvs.entity('mirror').set('x:entity', { source: 'y' });
    clock.advance(1_000);
    const page = await sdk.kvs.query().where('key', sdk.WhereConditions.beginsWith('x:')).getMany();
    expect(page.results).toEqual([{ key: 'x:plain', value: 1 }]);
  });

  it('returns the expiry time when asked', async () => {
    await sdk.kvs.set('ttl:a', 1, { ttl: { value: 1, unit: 'MINUTES' } });
    const page = await sdk.kvs
      .query({ metadataFields: [sdk.MetadataField.EXPIRE_TIME] })
      .where('key', sdk.WhereConditions.beginsWith('ttl:'))
      .getMany();
    expect(page.results).toEqual([
      {
        key: 'ttl:a',
        value: 1,
        expireTime: new Date(clock.now() + 60_000).toISOString().replace('.000Z', 'Z'),
      },
    ]);
  });

  it('refuses a limit above 100 (and below 1) with LIST_QUERY_LIMIT_EXCEEDED', async () => {
    await sdk.kvs.query().limit(100).getMany();
    for (const limit of [101, 0]) {
      const error = await kvsErrorOf(sdk, sdk.kvs.query().limit(limit).getMany());
      expect([error.code, error.responseDetails.status]).toEqual(['LIST_QUERY_LIMIT_EXCEEDED', 400]);
    }
  });

  it('refuses a cursor from another query and a made-up cursor', async () => {
    for (let i = 0; i < 3; i += 1) await sdk.kvs.set(`a:${i}`, i);
    const page = await sdk.kvs.query().where('key', sdk.WhereConditions.beginsWith('a:')).limit(1).getMany();
    const foreign = sdk.kvs
      .query()
      .where('key', sdk.WhereConditions.beginsWith('b:'))
      .cursor(page.nextCursor ?? '');
    expect((await kvsErrorOf(sdk, foreign.getMany())).code).toBe('BAD_REQUEST');
    expect((await kvsErrorOf(sdk, sdk.kvs.query().cursor('garbage').getMany())).code).toBe('BAD_REQUEST');
  });

  it('refuses where clauses the service does not support, with its documented codes', () => {
    const where = (clauses: unknown[]) => emulator.handle('/api/v1/query', { where: clauses }).body;
    const prefix = (p: unknown) => ({ property: 'key', condition: 'BEGINS_WITH', values: [p] });
    expect(where([prefix('a'), prefix('b')])).toMatchObject({ code: 'QUERY_WHERE_INVALID' });
    expect(where([{ ...prefix('a'), property: 'value' }])).toMatchObject({
      code: 'QUERY_WHERE_FIELD_INVALID',
    });
    expect(where([{ ...prefix('a'), condition: 'EQUAL_TO' }])).toMatchObject({
      code: 'INVALID_FILTER_CONDITION',
    });
    expect(where([prefix(5)])).toMatchObject({ code: 'INVALID_FILTER_VALUES' });
  });
});
