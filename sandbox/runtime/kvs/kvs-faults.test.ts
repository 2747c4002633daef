// Fault injection in the KVS emulator: scripted errors for the next calls, in order, without touching state.
import { KvsEmulator } from './emulator';
import { loadKvsSdk, type ForgeKvsSdk } from './sdk-harness';
import { kvsErrorOf, SAMPLE_ENTITIES } from './kvs.test-support';

const emulator = new KvsEmulator({ entities: SAMPLE_ENTITIES });
let sdk: ForgeKvsSdk;

beforeAll(async () => {
  sdk = await loadKvsSdk(emulator);
});
beforeEach(() => emulator.clear());

describe('fault injection', () => {
  it('answers the next N calls with the scripted error, without touching state', async () => {
    await sdk.kvs.set('k', 'before');
    emulator.failNext('RATE_LIMIT_EXCEEDED', 429, 2, 'Rate limit exceeded');

    const first = await kvsErrorOf(sdk, sdk.kvs.set('k', 'during'));
    expect([first.code, first.message, first.responseDetails.status]).toEqual([
      'RATE_LIMIT_EXCEEDED',
      'Rate limit exceeded',
      429,
    ]);
    const second = await kvsErrorOf(sdk, sdk.kvs.get('k'));
    expect(second.code).toBe('RATE_LIMIT_EXCEEDED');

    expect(await sdk.kvs.get('k')).toBe('before');
  });

  it('queues faults in order and clear() drops pending ones', async () => {
    emulator.failNext('INTERNAL_SERVER_ERROR', 500);
    emulator.failNext('RATE_LIMIT_EXCEEDED', 429);
    expect((await kvsErrorOf(sdk, sdk.kvs.query().getMany())).responseDetails.status).toBe(500);
    expect((await kvsErrorOf(sdk, sdk.kvs.transact().set('a', 1).execute())).responseDetails.status).toBe(
      429,
    );
    await sdk.kvs.set('a', 1);

    emulator.failNext('RATE_LIMIT_EXCEEDED', 429, 5);
    emulator.clear();
    await sdk.kvs.set('a', 2);
    expect(await sdk.kvs.get('a')).toBe(2);
  });

  it('refuses a fault that is not an error status or has no count', () => {
    expect(() => emulator.failNext('OK', 200)).toThrow(/4xx or 5xx/);
    expect(() => emulator.failNext('RATE_LIMIT_EXCEEDED', 429, 0)).toThrow(/positive integer/);
  });
});
