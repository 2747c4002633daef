// The KVS emulator's limits on keys and values (length, pattern, size), as Forge documents them.
import { KvsEmulator } from './emulator';
import { MAX_VALUE_BYTES } from './json-value';
import { loadKvsSdk, type ForgeKvsSdk } from './sdk-harness';
import { kvsErrorOf, SAMPLE_ENTITIES } from './kvs.test-support';

const emulator = new KvsEmulator({ entities: SAMPLE_ENTITIES });
let sdk: ForgeKvsSdk;

beforeAll(async () => {
  sdk = await loadKvsSdk(emulator);
});
beforeEach(() => emulator.clear());

/** A JSON string value whose serialised form is exactly `bytes` long (the quotes count). */
const stringOfJsonBytes = (bytes: number): string => 'x'.repeat(bytes - 2);

function nested(depth: number): unknown {
  let value: unknown = 'leaf';
  for (let i = 0; i < depth; i += 1) value = { child: value };
  return value;
}

describe('key rules', () => {
  it('accepts 500 characters and refuses 501 with KEY_TOO_LONG', async () => {
    await sdk.kvs.set('k'.repeat(500), 1);
    expect(await sdk.kvs.get('k'.repeat(500))).toBe(1);
    const error = await kvsErrorOf(sdk, sdk.kvs.set('k'.repeat(501), 1));
    expect([error.code, error.responseDetails.status]).toEqual(['KEY_TOO_LONG', 400]);
  });

  it('refuses keys outside the documented pattern with INVALID_KEY, on every operation', async () => {
    for (const key of ['a/b', 'ticket?1', 'ü', '   ', '\t\t']) {
      const error = await kvsErrorOf(sdk, sdk.kvs.set(key, 1));
      expect([key, error.code]).toEqual([key, 'INVALID_KEY']);
    }
    expect((await kvsErrorOf(sdk, sdk.kvs.get('a/b'))).code).toBe('INVALID_KEY');
    expect((await kvsErrorOf(sdk, sdk.kvs.entity('link').get('a/b'))).code).toBe('INVALID_KEY');
  });

  it('accepts every character class the pattern allows', async () => {
    const key = 'Az09:._ -#with space';
    await sdk.kvs.set(key, 'ok');
    expect(await sdk.kvs.get(key)).toBe('ok');
  });

  it('refuses an empty key (KEY_TOO_SHORT for plain keys, EMPTY_KEY for entities)', async () => {
    expect((await kvsErrorOf(sdk, sdk.kvs.set('', 1))).code).toBe('KEY_TOO_SHORT');
    expect((await kvsErrorOf(sdk, sdk.kvs.entity('mirror').set('', { source: 'x' }))).code).toBe('EMPTY_KEY');
  });
});

describe('value rules', () => {
  it('accepts 240 KiB of JSON and refuses one byte more with MAX_SIZE', async () => {
    await sdk.kvs.set('big', stringOfJsonBytes(MAX_VALUE_BYTES));
    expect(await sdk.kvs.get<string>('big')).toHaveLength(MAX_VALUE_BYTES - 2);
    const error = await kvsErrorOf(sdk, sdk.kvs.set('too-big', stringOfJsonBytes(MAX_VALUE_BYTES + 1)));
    expect([error.code, error.responseDetails.status]).toEqual(['MAX_SIZE', 400]);
    expect(await sdk.kvs.get('too-big')).toBeUndefined();
  });

  it('counts the size in UTF-8 bytes', async () => {
    const euros = '€'.repeat(Math.floor(MAX_VALUE_BYTES / 3));
    expect((await kvsErrorOf(sdk, sdk.kvs.set('euros', euros))).code).toBe('MAX_SIZE');
  });

  it('accepts 32 levels of nesting and refuses 33 with MAX_DEPTH', async () => {
    await sdk.kvs.set('deep', nested(32));
    expect(await sdk.kvs.get('deep')).toEqual(nested(32));
    const error = await kvsErrorOf(sdk, sdk.kvs.set('deeper', nested(33)));
    expect([error.code, error.responseDetails.status]).toEqual(['MAX_DEPTH', 400]);
    expect((await kvsErrorOf(sdk, sdk.kvs.setSecret('deeper', [nested(32)]))).code).toBe('MAX_DEPTH');
  });

  it('refuses a null value', async () => {
    expect((await kvsErrorOf(sdk, sdk.kvs.set('nothing', null))).code).toBe('BAD_REQUEST');
  });
});

describe('malformed requests', () => {
  it('answers 400 BAD_REQUEST and names the problem', () => {
    const cases: Array<[string, unknown]> = [
      ['/api/v1/get', { nokey: 1 }],
      ['/api/v1/set', { key: 7, value: 1 }],
      ['/api/v1/set', { key: 'k', value: 1, options: { ttl: { value: 5, unit: 'WEEKS' } } }],
      ['/api/v1/set', { key: 'k', value: 1, options: { ttl: { value: 0, unit: 'DAYS' } } }],
      ['/api/v1/set', { key: 'k', value: 1, options: { keyPolicy: 'SOMETIMES' } }],
      ['/api/v1/entity/set', { key: 'k', value: {} }],
      ['/api/v1/query', 'not an object'],
      ['/api/v1/batch/set', { key: 'k', value: 1 }],
      ['/api/v1/transaction', { set: 'x' }],
    ];
    for (const [path, body] of cases) {
      const reply = emulator.handle(path, body);
      expect([path, reply.status, reply.body]).toMatchObject([path, 400, { code: 'BAD_REQUEST' }]);
      expect(JSON.stringify(reply.body)).toContain('Provided request body is invalid');
    }
    expect(emulator.size()).toBe(0);
  });

  it('answers 404 NOT_FOUND (not KEY_NOT_FOUND) for an unknown endpoint', () => {
    expect(emulator.handle('/api/v1/nope', {})).toMatchObject({ status: 404, body: { code: 'NOT_FOUND' } });
  });

  it('refuses values that are not JSON when called directly', () => {
    for (const value of [undefined, Number.NaN, new Date(0), () => 1, { when: new Map() }]) {
      expect(emulator.handle('/api/v1/set', { key: 'k', value }).status).toBe(400);
    }
    const cyclic: Record<string, unknown> = {};
    cyclic.self = cyclic;
    expect(emulator.handle('/api/v1/set', { key: 'k', value: cyclic })).toMatchObject({
      body: { code: 'MAX_DEPTH' },
    });
  });
});
