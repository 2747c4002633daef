// The KVS emulator's batch operations (batchSet, batchGet, batchDelete) and their limits, through @forge/kvs.
import type { BatchItemError } from '@forge/kvs';
import { KvsEmulator } from './emulator';
import { loadKvsSdk, type ForgeKvsSdk } from './sdk-harness';
import { FakeClock, kvsErrorOf, SAMPLE_ENTITIES, type Link } from './kvs.test-support';

const clock = new FakeClock();
const emulator = new KvsEmulator({ entities: SAMPLE_ENTITIES, now: clock.now });
let sdk: ForgeKvsSdk;

beforeAll(async () => {
  sdk = await loadKvsSdk(emulator);
});
beforeEach(() => emulator.clear());

/** failedKeys as {key, entityName?, code}, after checking that every failure carries a message. */
function failures(result: {
  failedKeys: BatchItemError[];
}): Array<{ key: string; entityName?: string; code: string }> {
  return result.failedKeys.map(({ key, entityName, error }) => {
    expect(error.message.length).toBeGreaterThan(0);
    return entityName === undefined ? { key, code: error.code } : { key, entityName, code: error.code };
  });
}

describe('batch operations', () => {
  it('batchSet stores the valid items and reports each invalid one in failedKeys', async () => {
    const result = await sdk.kvs.batchSet<unknown>([
      { key: 'a', value: 1 },
      { key: 'bad/key', value: 2 },
      { key: 'l1', value: { issueId: '10001' }, entityName: 'link' },
      { key: 'l2', value: { issueId: 10002 }, entityName: 'link' },
      { key: 'x', value: {}, entityName: 'no-such-entity' },
      { key: 'b', value: 'short-lived', options: { ttl: { value: 1, unit: 'MINUTES' } } },
    ]);
    expect(result.successfulKeys).toEqual([{ key: 'a' }, { key: 'l1', entityName: 'link' }, { key: 'b' }]);
    expect(failures(result)).toEqual([
      { key: 'bad/key', code: 'INVALID_KEY' },
      { key: 'l2', entityName: 'link', code: 'INVALID_ENTITY_VALUE' },
      { key: 'x', entityName: 'no-such-entity', code: 'INVALID_ENTITY_TYPE' },
    ]);
    expect(await sdk.kvs.get('a')).toBe(1);
    expect(await sdk.kvs.entity<Link>('link').get('l1')).toEqual({ issueId: '10001' });
    expect(await sdk.kvs.entity<Link>('link').get('l2')).toBeUndefined();
    clock.advance(60_000);
    expect(await sdk.kvs.get('b')).toBeUndefined();
  });

  it('batchGet returns values (with metadata when asked) and reports missing keys as KEY_NOT_FOUND', async () => {
    await sdk.kvs.set('a', 'plain a');
    await sdk.kvs.entity('mirror').set('a', { source: 'entity a' });
    const result = await sdk.kvs.batchGet([
      { key: 'a' },
      { key: 'a', entityName: 'mirror' },
      { key: 'missing' },
      { key: 'missing', entityName: 'mirror' },
    ]);
    expect(result.successfulKeys).toEqual([
      { key: 'a', value: 'plain a' },
      { key: 'a', entityName: 'mirror', value: { source: 'entity a' } },
    ]);
    expect(failures(result)).toEqual([
      { key: 'missing', code: 'KEY_NOT_FOUND' },
      { key: 'missing', entityName: 'mirror', code: 'KEY_NOT_FOUND' },
    ]);

    const withMeta = emulator.handle('/api/v1/batch/get', [
      { key: 'a', options: { metadataFields: ['CREATED_AT'] } },
    ]);
    expect(withMeta.body).toEqual({
      successfulKeys: [{ key: 'a', value: 'plain a', createdAt: Math.floor(clock.now() / 1000) }],
      failedKeys: [],
    });
  });

  it('batchDelete removes what exists and reports missing keys', async () => {
    await sdk.kvs.set('a', 1);
    await sdk.kvs.entity('mirror').set('m', { source: 'x' });
    const result = await sdk.kvs.batchDelete([
      { key: 'a' },
      { key: 'm', entityName: 'mirror' },
      { key: 'gone' },
    ]);
    expect(result.successfulKeys).toEqual([{ key: 'a' }, { key: 'm', entityName: 'mirror' }]);
    expect(failures(result)).toEqual([{ key: 'gone', code: 'KEY_NOT_FOUND' }]);
    expect(emulator.size()).toBe(0);
  });

  it('accepts 25 items and refuses 26 as a whole', async () => {
    const items = (n: number) => Array.from({ length: n }, (_, i) => ({ key: `k${i}`, value: i }));
    expect((await sdk.kvs.batchSet(items(25))).successfulKeys).toHaveLength(25);
    emulator.clear();
    const error = await kvsErrorOf(sdk, sdk.kvs.batchSet(items(26)));
    expect([error.code, error.responseDetails.status]).toEqual(['BAD_REQUEST', 400]);
    expect(emulator.size()).toBe(0);
  });

  it('refuses keyPolicy (and returnValue) inside a batch', () => {
    const reply = emulator.handle('/api/v1/batch/set', [
      { key: 'a', value: 1, options: { keyPolicy: 'FAIL_IF_EXISTS' } },
    ]);
    expect(reply).toMatchObject({ status: 400, body: { code: 'BAD_REQUEST' } });
    expect(JSON.stringify(reply.body)).toContain('keyPolicy');
    expect(emulator.size()).toBe(0);
  });
});
