// The KVS emulator through the real @forge/kvs: plain keys, secrets, metadata and the wire requests.
import { KvsEmulator, type KvsReply } from './emulator';
import { loadKvsSdk, recordedRequests, type ForgeKvsSdk } from './sdk-harness';
import { FakeClock, kvsErrorOf, SAMPLE_ENTITIES, type Link } from './kvs.test-support';

const clock = new FakeClock();
const emulator = new KvsEmulator({ entities: SAMPLE_ENTITIES, now: clock.now });
let sdk: ForgeKvsSdk;

beforeAll(async () => {
  sdk = await loadKvsSdk(emulator);
});
beforeEach(() => emulator.clear());

/** The `value.list` array of a direct get reply, by reference, so a test can try to mutate it. */
function listInReply(reply: KvsReply): unknown[] {
  const body = reply.body;
  if (typeof body !== 'object' || body === null || !('value' in body)) throw new Error('reply has no value');
  const value = body.value;
  if (typeof value !== 'object' || value === null || !('list' in value) || !Array.isArray(value.list)) {
    throw new Error('value has no list');
  }
  return value.list;
}

describe('plain keys through the real @forge/kvs', () => {
  it('stores, reads and deletes every JSON value type', async () => {
    const values = [
      'text',
      42,
      1.5,
      true,
      false,
      [1, 'two', { three: 3 }],
      { nested: { list: [null, 'x'] } },
    ];
    for (const [i, value] of values.entries()) {
      await sdk.kvs.set(`value:${i}`, value);
      expect(await sdk.kvs.get(`value:${i}`)).toEqual(value);
    }
    await sdk.kvs.delete('value:0');
    expect(await sdk.kvs.get('value:0')).toBeUndefined();
    expect(emulator.size()).toBe(values.length - 1);
  });

  it('answers undefined for a missing key and deletes a missing key without error', async () => {
    expect(await sdk.kvs.get('nothing-here')).toBeUndefined();
    await expect(sdk.kvs.delete('nothing-here')).resolves.toBeUndefined();
  });

  it('sends the wire requests of §6.3', async () => {
    recordedRequests.length = 0;
    await sdk.kvs.set('config', { v: 1 });
    await sdk.kvs.get('config');
    expect(recordedRequests).toEqual([
      { path: '/api/v1/set', body: { key: 'config', value: { v: 1 } } },
      { path: '/api/v1/get', body: { key: 'config' } },
    ]);
  });

  it('copies values in and out so callers cannot mutate stored state', async () => {
    const config = { instances: [{ id: 'a' }] };
    await sdk.kvs.set('config', config);
    config.instances.push({ id: 'mutated' });
    const read = await sdk.kvs.get<{ instances: Array<{ id: string }> }>('config');
    read?.instances.push({ id: 'also mutated' });
    expect(await sdk.kvs.get('config')).toEqual({ instances: [{ id: 'a' }] });

    const direct = { key: 'direct', value: { list: [1] } };
    emulator.handle('/api/v1/set', direct);
    direct.value.list.push(2);
    listInReply(emulator.handle('/api/v1/get', { key: 'direct' })).push(3);
    expect(emulator.handle('/api/v1/get', { key: 'direct' }).body).toEqual({
      key: 'direct',
      value: { list: [1] },
    });
  });

  it('returns the requested metadata: epoch seconds and an ISO expiry', async () => {
    const createdAt = clock.now();
    await sdk.kvs.set('meta', 'v1', { ttl: { value: 2, unit: 'HOURS' } });
    clock.advance(5_000);
    await sdk.kvs.set('meta', 'v2', { ttl: { value: 1, unit: 'DAYS' } });
    const result = await sdk.kvs.get('meta', {
      metadataFields: [
        sdk.MetadataField.CREATED_AT,
        sdk.MetadataField.UPDATED_AT,
        sdk.MetadataField.EXPIRE_TIME,
      ],
    });
    expect(result).toEqual({
      key: 'meta',
      value: 'v2',
      createdAt: createdAt / 1000,
      updatedAt: createdAt / 1000 + 5,
      expireTime: new Date(clock.now() + 86_400_000).toISOString().replace('.000Z', 'Z'),
    });
    const onlyCreated = await sdk.kvs.get('meta', { metadataFields: [sdk.MetadataField.CREATED_AT] });
    expect(onlyCreated).toEqual({ key: 'meta', value: 'v2', createdAt: createdAt / 1000 });
  });
});

describe('secrets', () => {
  it('live in their own key space and never appear in queries', async () => {
    await sdk.kvs.setSecret('secret:instance:1', { token: 's3cr3t' });
    await sdk.kvs.set('secret:instance:1', 'plain value under the same key');
    expect(await sdk.kvs.getSecret('secret:instance:1')).toEqual({ token: 's3cr3t' });
    expect(await sdk.kvs.get('secret:instance:1')).toBe('plain value under the same key');

    const page = await sdk.kvs.query().where('key', sdk.WhereConditions.beginsWith('secret:')).getMany();
    expect(page.results).toEqual([{ key: 'secret:instance:1', value: 'plain value under the same key' }]);

    await sdk.kvs.deleteSecret('secret:instance:1');
    expect(await sdk.kvs.getSecret('secret:instance:1')).toBeUndefined();
    expect(await sdk.kvs.get('secret:instance:1')).toBe('plain value under the same key');
  });
});

describe('keyPolicy', () => {
  it('FAIL_IF_EXISTS refuses a live key with 409 KEY_ALREADY_EXISTS and keeps the first value', async () => {
    await sdk.kvs.set('claim:abc', 'first', { keyPolicy: 'FAIL_IF_EXISTS' });
    const error = await kvsErrorOf(sdk, sdk.kvs.set('claim:abc', 'second', { keyPolicy: 'FAIL_IF_EXISTS' }));
    expect(error.code).toBe('KEY_ALREADY_EXISTS');
    expect(error.responseDetails.status).toBe(409);
    expect(await sdk.kvs.get('claim:abc')).toBe('first');
  });

  it('lets exactly one of two concurrent FAIL_IF_EXISTS claims on an entity item win', async () => {
    const mirror = sdk.kvs.entity<{ source: string }>('mirror');
    const outcomes = await Promise.allSettled([
      mirror.set('inst-1:action:9', { source: 'worker-a' }, { keyPolicy: 'FAIL_IF_EXISTS' }),
      mirror.set('inst-1:action:9', { source: 'worker-b' }, { keyPolicy: 'FAIL_IF_EXISTS' }),
    ]);
    const fulfilled = outcomes.filter((o) => o.status === 'fulfilled');
    const rejected = outcomes.filter((o): o is PromiseRejectedResult => o.status === 'rejected');
    expect(fulfilled).toHaveLength(1);
    expect(rejected).toHaveLength(1);
    expect(rejected[0]?.reason).toMatchObject({ code: 'KEY_ALREADY_EXISTS' });
    const winner = outcomes[0]?.status === 'fulfilled' ? 'worker-a' : 'worker-b';
    expect(await mirror.get('inst-1:action:9')).toEqual({ source: winner });
  });

  it('FAIL_IF_EXISTS succeeds once the existing item has expired', async () => {
    await sdk.kvs.set('lease', 'old', { ttl: { value: 10, unit: 'SECONDS' } });
    clock.advance(10_000);
    await sdk.kvs.set('lease', 'new', { keyPolicy: 'FAIL_IF_EXISTS' });
    expect(await sdk.kvs.get('lease')).toBe('new');
  });

  it('OVERRIDE returns the PREVIOUS or LATEST value with the requested metadata', async () => {
    const t0 = clock.now() / 1000;
    const first = await sdk.kvs.set('counter', 1, { keyPolicy: 'OVERRIDE', returnValue: 'PREVIOUS' });
    expect(first).toBeUndefined();
    clock.advance(3_000);
    const previous = await sdk.kvs.set('counter', 2, {
      keyPolicy: 'OVERRIDE',
      returnValue: 'PREVIOUS',
      returnMetadataFields: [sdk.MetadataField.CREATED_AT, sdk.MetadataField.UPDATED_AT],
    });
    expect(previous).toEqual({ key: 'counter', value: 1, createdAt: t0, updatedAt: t0 });
    clock.advance(2_000);
    const latest = await sdk.kvs.set('counter', 3, {
      keyPolicy: 'OVERRIDE',
      returnValue: 'LATEST',
      returnMetadataFields: [sdk.MetadataField.CREATED_AT, sdk.MetadataField.UPDATED_AT],
    });
    expect(latest).toEqual({ key: 'counter', value: 3, createdAt: t0, updatedAt: t0 + 5 });
    expect(await sdk.kvs.get('counter')).toBe(3);
  });

  it('refuses returnValue without keyPolicy OVERRIDE', () => {
    const reply = emulator.handle('/api/v1/set', {
      key: 'k',
      value: 1,
      options: { keyPolicy: 'FAIL_IF_EXISTS', returnValue: 'LATEST' },
    });
    expect(reply).toMatchObject({ status: 400, body: { code: 'BAD_REQUEST' } });
    expect(emulator.size()).toBe(0);
  });
});

describe('TTL', () => {
  it('hides an item once its TTL has passed, judged by the injected clock', async () => {
    await sdk.kvs.set('cache', 'warm', { ttl: { value: 5, unit: 'MINUTES' } });
    await sdk.kvs.setSecret('otp', '123456', { ttl: { value: 30, unit: 'SECONDS' } });
    clock.advance(30_000 - 1);
    expect(await sdk.kvs.getSecret('otp')).toBe('123456');
    clock.advance(1);
    expect(await sdk.kvs.getSecret('otp')).toBeUndefined();
    expect(await sdk.kvs.get('cache')).toBe('warm');
    clock.advance(5 * 60_000);
    expect(await sdk.kvs.get('cache')).toBeUndefined();
    expect((await sdk.kvs.query().getMany()).results).toEqual([]);
    expect(emulator.size()).toBe(0);
  });

  it('clears the expiry when an item is overwritten without a TTL', async () => {
    await sdk.kvs.set('k', 'v1', { ttl: { value: 1, unit: 'MINUTES' } });
    await sdk.kvs.set('k', 'v2');
    clock.advance(120_000);
    expect(await sdk.kvs.get('k')).toBe('v2');
  });

  it('accepts one year and refuses more', async () => {
    await sdk.kvs.set('year', 1, { ttl: { value: 365, unit: 'DAYS' } });
    const error = await kvsErrorOf(sdk, sdk.kvs.set('too-long', 1, { ttl: { value: 366, unit: 'DAYS' } }));
    expect(error.responseDetails.status).toBe(400);
    expect(error.message).toMatch(/one year/);
  });
});

describe('custom entity items', () => {
  it('stores, reads and deletes entity items separately from plain keys', async () => {
    const links = sdk.kvs.entity<Link>('link');
    await links.set('10001', {
      issueId: '10001',
      instanceId: 'inst-1',
      ticketId: '745',
      updatedAt: 5,
      open: true,
    });
    expect(await links.get('10001')).toEqual({
      issueId: '10001',
      instanceId: 'inst-1',
      ticketId: '745',
      updatedAt: 5,
      open: true,
    });
    expect(await sdk.kvs.get('10001')).toBeUndefined();
    expect((await sdk.kvs.query().getMany()).results).toEqual([]);
    await links.delete('10001');
    expect(await links.get('10001')).toBeUndefined();
  });

  it('validates values against the declared attributes', async () => {
    const links = sdk.kvs.entity<unknown>('link');
    const cases: unknown[] = [
      'not an object',
      [1, 2],
      { undeclared: 'x' },
      { updatedAt: 1.5 },
      { updatedAt: 2 ** 31 },
      { issueId: 10001 },
      { open: 'yes' },
      { score: 1e-200 },
      { state: null },
    ];
    for (const value of cases) {
      const error = await kvsErrorOf(sdk, links.set('bad', value));
      expect([error.code, error.responseDetails.status]).toEqual(['INVALID_ENTITY_VALUE', 400]);
    }
    await links.set('good', { updatedAt: -(2 ** 31), score: 0, tags: { any: ['thing', null] }, open: false });
    expect(await links.get('good')).toEqual({
      updatedAt: -(2 ** 31),
      score: 0,
      tags: { any: ['thing', null] },
      open: false,
    });
  });

  it('refuses an entity that the manifest does not declare', async () => {
    for (const call of [
      sdk.kvs.entity('nope').get('k'),
      sdk.kvs.entity('nope').set('k', {}),
      sdk.kvs.entity('nope').delete('k'),
    ]) {
      const error = await kvsErrorOf(sdk, call);
      expect(error.code).toBe('INVALID_ENTITY_TYPE');
    }
  });
});
