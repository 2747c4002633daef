// Transactions in the KVS emulator through @forge/kvs: all-or-nothing writes, conditions, checks and limits.
import type { BaseFilter } from '@forge/kvs/out/entity-query';
import type { EntityConditions } from '@forge/kvs/out/interfaces/transaction';
import { KvsEmulator } from './emulator';
import { loadKvsSdk, type ForgeKvsSdk } from './sdk-harness';
import { kvsErrorOf, SAMPLE_ENTITIES, type Link } from './kvs.test-support';

const emulator = new KvsEmulator({ entities: SAMPLE_ENTITIES });
let sdk: ForgeKvsSdk;

beforeAll(async () => {
  sdk = await loadKvsSdk(emulator);
});
beforeEach(() => emulator.clear());

const links = () => sdk.kvs.entity<Link>('link');
/** The entity argument of transact().set/delete for a link item, optionally conditional. */
function linkOp(conditions?: BaseFilter<Link>): EntityConditions<Link> {
  return conditions === undefined ? { entityName: 'link' } : { entityName: 'link', conditions };
}

describe('transactions', () => {
  it('applies sets and deletes on plain keys and entity items together', async () => {
    await sdk.kvs.set('old', 1);
    await links().set('stale', { issueId: '1' });
    await sdk.kvs
      .transact()
      .set('config', { v: 2 })
      .set<Link>('l1', { issueId: '10001', state: 'open' }, linkOp())
      .delete('old')
      .delete<Link>('stale', linkOp())
      .delete('never-existed')
      .execute();
    expect(await sdk.kvs.get('config')).toEqual({ v: 2 });
    expect(await links().get('l1')).toEqual({ issueId: '10001', state: 'open' });
    expect(await sdk.kvs.get('old')).toBeUndefined();
    expect(await links().get('stale')).toBeUndefined();
  });

  it('rolls back every operation when one condition fails (409 CONDITIONAL_CHECK_FAILED)', async () => {
    await sdk.kvs.set('keep', 'original');
    await links().set('l1', { issueId: '10001', state: 'closed' });
    const mustBeOpen = new sdk.Filter<Link>().and('state', sdk.FilterConditions.equalTo('open'));
    const error = await kvsErrorOf(
      sdk,
      sdk.kvs
        .transact()
        .set('keep', 'changed')
        .set('new', 'value')
        .delete<Link>('l1', linkOp(mustBeOpen))
        .execute(),
    );
    expect([error.code, error.responseDetails.status]).toEqual(['CONDITIONAL_CHECK_FAILED', 409]);
    expect(await sdk.kvs.get('keep')).toBe('original');
    expect(await sdk.kvs.get('new')).toBeUndefined();
    expect(await links().get('l1')).toEqual({ issueId: '10001', state: 'closed' });
  });

  it('commits conditional writes whose conditions hold', async () => {
    await links().set('l1', { issueId: '10001', state: 'open', updatedAt: 3 });
    const fresh = new sdk.Filter<Link>()
      .and('updatedAt', sdk.FilterConditions.lessThan(5))
      .and('state', sdk.FilterConditions.beginsWith('op'));
    await sdk.kvs
      .transact()
      .set<Link>('l1', { issueId: '10001', state: 'open', updatedAt: 5 }, linkOp(fresh))
      .execute();
    expect(await links().get('l1')).toEqual({ issueId: '10001', state: 'open', updatedAt: 5 });
  });

  it('check: passes or cancels the transaction without writing the checked item', async () => {
    await links().set('guard', { state: 'open' });
    const open = new sdk.Filter<Link>().and('state', sdk.FilterConditions.equalTo('open'));
    const closed = new sdk.Filter<Link>().and('state', sdk.FilterConditions.equalTo('closed'));

    await sdk.kvs
      .transact()
      .set('a', 1)
      .check<Link>('guard', { entityName: 'link', conditions: open })
      .execute();
    expect(await sdk.kvs.get('a')).toBe(1);

    const error = await kvsErrorOf(
      sdk,
      sdk.kvs
        .transact()
        .set('b', 2)
        .check<Link>('guard', { entityName: 'link', conditions: closed })
        .execute(),
    );
    expect(error.code).toBe('CONDITIONAL_CHECK_FAILED');
    expect(await sdk.kvs.get('b')).toBeUndefined();
    expect(await links().get('guard')).toEqual({ state: 'open' });
  });

  it('claims an item once with a notExists condition', async () => {
    const unclaimed = new sdk.Filter<Link>().and('issueId', sdk.FilterConditions.notExists());
    const claim = () =>
      sdk.kvs.transact().set<Link>('claim', { issueId: '10001' }, linkOp(unclaimed)).execute();
    await claim();
    expect((await kvsErrorOf(sdk, claim())).code).toBe('CONDITIONAL_CHECK_FAILED');
  });

  it('refuses conditions on plain keys, a repeated key, more than 25 operations and an empty transaction', () => {
    const cond = { and: [{ property: 'x', condition: 'EXISTS', values: [true] }] };
    const refusals: unknown[] = [
      { set: [{ key: 'a', value: 1, conditions: cond }] },
      { set: [{ key: 'a', value: 1 }], delete: [{ key: 'a' }] },
      { set: Array.from({ length: 26 }, (_, i) => ({ key: `k${i}`, value: i })) },
      {},
      { check: [{ key: 'a', conditions: cond }] },
      { set: [{ key: 'a', value: 1, options: { keyPolicy: 'FAIL_IF_EXISTS' } }] },
    ];
    for (const body of refusals) {
      expect({ body, reply: emulator.handle('/api/v1/transaction', body) }).toMatchObject({
        body,
        reply: { status: 400, body: { code: 'BAD_REQUEST' } },
      });
    }
    expect(emulator.size()).toBe(0);
    const ops = Array.from({ length: 25 }, (_, i) => ({ key: `k${i}`, value: i }));
    expect(emulator.handle('/api/v1/transaction', { set: ops }).status).toBe(204);
    expect(emulator.size()).toBe(25);
  });

  it('validates every operation before writing anything', async () => {
    const error = await kvsErrorOf(
      sdk,
      sdk.kvs.transact().set('a', 1).set<unknown>('l1', { issueId: 5 }, { entityName: 'link' }).execute(),
    );
    expect(error.code).toBe('INVALID_ENTITY_VALUE');
    expect(await sdk.kvs.get('a')).toBeUndefined();
  });
});
