// The KVS emulator's state file: what survives a save and load, and a corrupt file refused by name.
import { mkdtempSync, readdirSync, readFileSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { KvsEmulator } from './emulator';
import { loadKvsSdk, useEmulator, type ForgeKvsSdk } from './sdk-harness';
import { FakeClock, SAMPLE_ENTITIES, type Link } from './kvs.test-support';

let dir: string;
let sdk: ForgeKvsSdk;

beforeAll(async () => {
  sdk = await loadKvsSdk(new KvsEmulator({ entities: SAMPLE_ENTITIES }));
});
beforeEach(() => {
  dir = mkdtempSync(join(tmpdir(), 'kvs-emulator-'));
});
afterEach(() => rmSync(dir, { recursive: true, force: true }));

describe('persistence through `file`', () => {
  it('round-trips plain keys, secrets, entity items, timestamps and TTLs', async () => {
    const file = join(dir, 'state', 'kvs.json');
    const clock = new FakeClock();
    const first = new KvsEmulator({ entities: SAMPLE_ENTITIES, now: clock.now, file });
    useEmulator(first);
    const createdAt = clock.now() / 1000;
    await sdk.kvs.set('config', { instances: ['a'] });
    await sdk.kvs.set('__proto__', 'a key that looks like a prototype');
    await sdk.kvs.setSecret('secret:instance:a', 'token');
    await sdk.kvs.entity<Link>('link').set('10001', { issueId: '10001', updatedAt: 7 });
    await sdk.kvs.set('lease', 'held', { ttl: { value: 1, unit: 'HOURS' } });
    await sdk.kvs.set('expired', 'gone', { ttl: { value: 1, unit: 'SECONDS' } });
    clock.advance(1_000);
    first.save();
    expect(readdirSync(join(dir, 'state'))).toEqual(['kvs.json']);

    const second = new KvsEmulator({ entities: SAMPLE_ENTITIES, now: clock.now, file });
    useEmulator(second);
    expect(second.size()).toBe(5);
    expect(await sdk.kvs.get('config', { metadataFields: [sdk.MetadataField.CREATED_AT] })).toEqual({
      key: 'config',
      value: { instances: ['a'] },
      createdAt,
    });
    expect(await sdk.kvs.get('__proto__')).toBe('a key that looks like a prototype');
    expect(await sdk.kvs.getSecret('secret:instance:a')).toBe('token');
    expect(await sdk.kvs.entity<Link>('link').get('10001')).toEqual({ issueId: '10001', updatedAt: 7 });
    const byIssue = await sdk.kvs
      .entity<Link>('link')
      .query()
      .index('issueId')
      .where(sdk.WhereConditions.equalTo('10001'))
      .getMany();
    expect(byIssue.results.map((r) => r.key)).toEqual(['10001']);
    expect(await sdk.kvs.get('expired')).toBeUndefined();
    expect(await sdk.kvs.get('lease')).toBe('held');
    clock.advance(60 * 60_000);
    expect(await sdk.kvs.get('lease')).toBeUndefined();
  });

  it('overwrites the file on each save and starts empty when the file does not exist', async () => {
    const file = join(dir, 'kvs.json');
    const emulator = new KvsEmulator({ entities: SAMPLE_ENTITIES, file });
    expect(emulator.size()).toBe(0);
    useEmulator(emulator);
    await sdk.kvs.set('a', 1);
    emulator.save();
    await sdk.kvs.delete('a');
    await sdk.kvs.set('b', 2);
    emulator.save();
    const reloaded = new KvsEmulator({ entities: SAMPLE_ENTITIES, file });
    useEmulator(reloaded);
    expect(await sdk.kvs.get('a')).toBeUndefined();
    expect(await sdk.kvs.get('b')).toBe(2);
  });

  it('refuses a corrupt state file with a message naming the file', () => {
    const file = join(dir, 'kvs.json');
    writeFileSync(file, '{ not json');
    expect(() => new KvsEmulator({ entities: SAMPLE_ENTITIES, file })).toThrow(
      `KVS state file ${file} is corrupt: not JSON`,
    );
    writeFileSync(
      file,
      JSON.stringify({ version: 1, plain: [{ key: 'a', value: 1 }], secret: [], entities: [] }),
    );
    expect(() => new KvsEmulator({ entities: SAMPLE_ENTITIES, file })).toThrow(/is corrupt:[\s\S]*createdAt/);
    writeFileSync(file, JSON.stringify({ version: 2, plain: [], secret: [], entities: [] }));
    expect(() => new KvsEmulator({ entities: SAMPLE_ENTITIES, file })).toThrow(/is corrupt:[\s\S]*version/);
  });

  it('writes JSON that a person can read', () => {
    const file = join(dir, 'kvs.json');
    const emulator = new KvsEmulator({ entities: SAMPLE_ENTITIES, now: () => 1_000, file });
    emulator.handle('/api/v1/set', { key: 'k', value: 'v' });
    emulator.save();
    expect(JSON.parse(readFileSync(file, 'utf8'))).toEqual({
      version: 1,
      plain: [{ key: 'k', value: 'v', createdAt: 1_000, updatedAt: 1_000 }],
      secret: [],
      entities: [],
    });
  });

  it('save() without a file does nothing', () => {
    const emulator = new KvsEmulator({ entities: SAMPLE_ENTITIES });
    emulator.handle('/api/v1/set', { key: 'k', value: 'v' });
    expect(() => emulator.save()).not.toThrow();
    expect(readdirSync(dir)).toEqual([]);
  });
});
