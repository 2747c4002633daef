// KVS failures seen through the store: 5xx and 429 surface as transient, paging finishes on the next call.
import { IntegrationError } from '../../../src/lib/errors';
import type { Store } from '../../../src/store';
import { instanceInput, useStore } from './store-harness';

const action = { kind: 'action', instanceId: 'inst-1', actionId: '1' } as const;

describe('KVS failures through the store', () => {
  const ctx = useStore();

  it.each<[string, (store: Store) => Promise<unknown>]>([
    ['reading the config', (s) => s.config.read()],
    ['saving an instance', (s) => s.config.saveInstance(instanceInput())],
    ['reading a token', (s) => s.credentials.getToken('inst-1')],
    [
      'creating a link (FAIL_IF_EXISTS)',
      (s) =>
        s.links.create({
          instanceId: 'inst-1',
          ticketId: '1',
          ticketNumber: '1',
          issueId: '1',
          issueKey: 'A-1',
        }),
    ],
    ['reading the link of a ticket', (s) => s.links.getByTicket('inst-1', '1')],
    ['listing the links of an issue', (s) => s.links.listByIssue('1')],
    ['claiming a mirror item', (s) => s.ledger.claim(action, { leaseMs: 60_000 })],
    ['recording an origin', (s) => s.ledger.recordOrigin(action, '2')],
    ['loading a watermark', (s) => s.cursors.load('inst-1')],
    ['saving a watermark', (s) => s.cursors.save('inst-1', { watermark: '2025-03-01T00:00:00.000Z' })],
    ['reading the sync log', (s) => s.syncLog.list({ instanceId: 'inst-1' })],
    ['reading a sync log entry', (s) => s.syncLog.get('000000000000001-aaaaaaaaaa')],
  ])('surfaces a 429 while %s as rate-limited', async (_name, call) => {
    ctx.sandbox.kvs.failNext('RATE_LIMIT_EXCEEDED', 429);
    const failure = await ctx.run(() => call(ctx.store)).catch((error: unknown) => error);
    expect(failure).toBeInstanceOf(IntegrationError);
    expect(failure).toMatchObject({
      kind: 'rate-limited',
      retryable: true,
      details: { system: 'forge-storage', status: 429 },
    });
  });

  it('surfaces a 5xx as transient', async () => {
    ctx.sandbox.kvs.failNext('INTERNAL_SERVER_ERROR', 503);
    await expect(ctx.run(() => ctx.store.links.listByIssue('1'))).rejects.toMatchObject({
      kind: 'transient',
    });
  });

  it('surfaces a 429 met half-way through paging, and the next call finishes the work', async () => {
    await ctx.run(async () => {
      for (let ticket = 1; ticket <= 150; ticket++) {
        await ctx.store.links.create({
          instanceId: 'inst-1',
          ticketId: String(ticket),
          ticketNumber: '1',
          issueId: '1',
          issueKey: 'A-1',
        });
      }
    });
    // The first page of links and its deletes go through; the query for the second page meets a 429.
    const emulator = ctx.sandbox.kvs;
    const handle = emulator.handle.bind(emulator);
    let queries = 0;
    jest.spyOn(emulator, 'handle').mockImplementation((path, body) => {
      if (path === '/api/v1/entity/query' && ++queries === 2) emulator.failNext('RATE_LIMIT_EXCEEDED', 429);
      return handle(path, body);
    });
    await expect(ctx.run(() => ctx.store.links.removeByInstance('inst-1'))).rejects.toMatchObject({
      kind: 'rate-limited',
    });
    expect(await ctx.run(() => ctx.store.links.countByInstance('inst-1'))).toBe(50);
    const second = await ctx.run(() => ctx.store.links.removeByInstance('inst-1'));
    expect(second).toEqual({ removed: 50, complete: true });
    expect(await ctx.run(() => ctx.store.links.countByInstance('inst-1'))).toBe(0);
  });
});
