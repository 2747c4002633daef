// Faults aimed at some KVS calls only (endpoint, item op, entity, key prefix), driven through the real @forge/kvs.
import { KvsEmulator } from './emulator';
import { loadKvsSdk, recordedRequests, type ForgeKvsSdk } from './sdk-harness';
import { kvsErrorOf, SAMPLE_ENTITIES, type Link } from './kvs.test-support';

const emulator = new KvsEmulator({ entities: SAMPLE_ENTITIES });
let sdk: ForgeKvsSdk;

beforeAll(async () => {
  sdk = await loadKvsSdk(emulator);
});
beforeEach(() => emulator.clear());

const mirror = () => sdk.kvs.entity<{ source: string }>('mirror');
const status = async (promise: Promise<unknown>): Promise<number> =>
  (await kvsErrorOf(sdk, promise)).responseDetails.status;

describe('faults that hit matching calls only', () => {
  it('by entity and op: other entities, plain keys and reads pass; the fault is used up by the first hit', async () => {
    emulator.failNext('INTERNAL_SERVER_ERROR', 503, 1, undefined, { entity: 'mirror', op: 'set' });

    await sdk.kvs.set('plain', 1);
    await sdk.kvs.entity<Link>('link').set('l1', { issueId: '1' });
    expect(await mirror().get('m1')).toBeUndefined();
    const error = await kvsErrorOf(sdk, mirror().set('m1', { source: 'x' }));
    expect([error.code, error.message, error.responseDetails.status]).toEqual([
      'INTERNAL_SERVER_ERROR',
      'INTERNAL_SERVER_ERROR (injected by the sandbox)',
      503,
    ]);
    expect(await mirror().get('m1')).toBeUndefined();

    await mirror().set('m1', { source: 'y' });
    expect(await mirror().get('m1')).toEqual({ source: 'y' });
  });

  it('by endpoint path (one or a list)', async () => {
    emulator.failNext('RATE_LIMIT_EXCEEDED', 429, 2, 'slow down', {
      path: ['/api/v1/transaction', '/api/v1/entity/delete'],
    });
    await sdk.kvs.set('a', 1);
    expect(await status(sdk.kvs.transact().set('a', 2).execute())).toBe(429);
    await mirror().set('m', { source: 'kept' });
    expect(await status(mirror().delete('m'))).toBe(429);
    await sdk.kvs.transact().set('a', 3).execute();
    expect([await sdk.kvs.get('a'), await mirror().get('m')]).toEqual([3, { source: 'kept' }]);
    expect(recordedRequests.map((request) => request.path)).toContain('/api/v1/entity/delete');
  });

  it('by key prefix: a transaction or batch fails whole when any item matches', async () => {
    emulator.failNext('INTERNAL_SERVER_ERROR', 500, 2, undefined, { keyPrefix: 'ledger:' });

    await sdk.kvs.transact().set('work:1', 'no ledger').execute();
    expect(
      await status(
        sdk.kvs
          .transact()
          .set('work:2', 'with ledger')
          .set<{ source: string }>('ledger:2', { source: 'x' }, { entityName: 'mirror' })
          .execute(),
      ),
    ).toBe(500);
    expect(await sdk.kvs.get('work:2')).toBeUndefined();

    expect(
      await status(
        sdk.kvs.batchSet([
          { key: 'batch:1', value: 1 },
          { key: 'ledger:3', value: 3 },
        ]),
      ),
    ).toBe(500);
    expect(await sdk.kvs.get('batch:1')).toBeUndefined();
    await sdk.kvs.set('ledger:4', 4);
    expect(await sdk.kvs.get('ledger:4')).toBe(4);
  });

  it("matches a transaction's items by op ('delete' does not hit a transaction that only sets)", async () => {
    emulator.failNext('INTERNAL_SERVER_ERROR', 500, 1, undefined, {
      path: '/api/v1/transaction',
      op: 'delete',
      entity: 'mirror',
    });
    await sdk.kvs
      .transact()
      .set<{ source: string }>('m', { source: 'x' }, { entityName: 'mirror' })
      .execute();
    expect(await status(sdk.kvs.transact().delete('m', { entityName: 'mirror' }).execute())).toBe(500);
    expect(await mirror().get('m')).toEqual({ source: 'x' });
  });

  it('selects queries by op and entity', async () => {
    emulator.failNext('INTERNAL_SERVER_ERROR', 500, 1, undefined, { op: 'query', entity: 'event' });
    await sdk.kvs.query().getMany();
    await sdk.kvs
      .entity<Link>('link')
      .query()
      .index('issueId')
      .where(sdk.WhereConditions.equalTo('1'))
      .getMany();
    expect(
      await status(
        sdk.kvs
          .entity('event')
          .query()
          .index('by-level', { partition: ['error'] })
          .getMany(),
      ),
    ).toBe(500);
  });

  it('keeps the queue order for faults without a match, and skips past faults that do not match', async () => {
    emulator.failNext('INTERNAL_SERVER_ERROR', 500, 1, undefined, { entity: 'mirror' });
    emulator.failNext('RATE_LIMIT_EXCEEDED', 429);
    expect(await status(sdk.kvs.get('a'))).toBe(429);
    await sdk.kvs.get('a');
    expect(await status(mirror().get('m'))).toBe(500);
    await mirror().get('m');
  });

  it('refuses a path that is not a KVS endpoint', () => {
    expect(() => emulator.failNext('X', 500, 1, undefined, { path: '/api/v1/entity/put' })).toThrow(
      /not a KVS endpoint/,
    );
  });
});
