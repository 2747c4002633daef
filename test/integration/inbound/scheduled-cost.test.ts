// Issue 18: what a scheduled cycle costs when little happens. A quiet cycle reads the configuration, the token and the
// cursor once each; tickets that still ask for escalation are searched for once an hour, not every cycle; the sync
// log is pruned only after it has grown by PRUNE_THRESHOLD entries.
import { PRUNE_THRESHOLD } from '../../../src/sync/inbound/scheduled-pull';
import { createWorld, type World } from '../world';

const FIELD = 'JiraIssueKey';
const CYCLE_MS = 5 * 60_000;

describe('scheduled pull: cost when little happens', () => {
  let world: World;

  afterEach(async () => {
    await world.close();
  });

  async function cycle(): Promise<void> {
    world.sandbox.advanceClock(CYCLE_MS);
    const result = await world.sandbox.runScheduledTrigger('pull-tickets');
    expect(result.status).toBe('ok');
    await world.sandbox.drain();
  }

  const fieldSearches = () =>
    world.ts.requests().filter((entry) => entry.method === 'GET' && entry.url.includes(FIELD)).length;

  it('reads the configuration, token and cursor once each in a quiet cycle: 7 storage requests, 1 TeamSupport', async () => {
    world = await createWorld();
    await cycle();
    await cycle();
    // Cycles land anywhere within a minute: the tickets the windows list again must cost nothing at any offset.
    for (const offset of [0, 17_000, 29_000, 41_000, 53_000]) {
      world.sandbox.advanceClock(offset);
      world.sandbox.accounting.reset();
      const before = world.ts.requests().length;
      await cycle();
      // configuration, token, cursor read, sync-log size check, cursor write, and the daily request meter: its record
      // read to decide whether to pull (src/sync/inbound/pull-budget.ts), written once with the cycle's requests
      expect(world.sandbox.accounting.requestsTo('kvs')).toBe(7);
      expect(world.ts.requests().length - before).toBe(1);
    }
  });

  it('searches for tickets that ask for escalation once an hour, and still escalates a ticket that asks in between', async () => {
    world = await createWorld({ instance: { correlationField: FIELD, defaultProjectKey: 'SUP' } });
    await cycle();
    const first = fieldSearches();
    expect(first).toBeGreaterThan(0);
    for (let i = 0; i < 6; i++) await cycle();
    expect(fieldSearches()).toBe(first);
    // A ticket that asks now is listed by the window it changed in, without a search.
    const asking = world.org.createTicket({
      name: 'Please escalate',
      ticketType: 'Question',
      description: '<p>Data loss</p>',
      creator: 'Jane Doe',
      customFields: { [FIELD]: 'NEW' },
    });
    await cycle();
    expect(world.org.ticket(asking.ticketId).customFields[FIELD]).toMatch(/^SUP-\d+$/);
    expect(fieldSearches()).toBe(first);
    for (let i = 0; i < 5; i++) await cycle();
    expect(fieldSearches()).toBeGreaterThan(first);
  });

  it(`prunes the sync log only after ${PRUNE_THRESHOLD} new entries`, async () => {
    world = await createWorld();
    await cycle();
    await cycle();
    const cursor = () => world.run(() => world.store.cursors.load(world.instanceId));
    const prunedAt = (await cursor())?.prunedAt;
    expect(prunedAt).toBeDefined();
    const append = (count: number) =>
      world.run(async () => {
        for (let i = 0; i < count; i++) {
          await world.store.syncLog.append({
            level: 'info',
            instanceId: world.instanceId,
            operation: 'pull',
            message: `entry ${i}`,
          });
        }
      });
    await append(PRUNE_THRESHOLD - 10);
    await cycle();
    expect((await cursor())?.prunedAt).toBe(prunedAt);
    await append(20);
    await cycle();
    expect(Date.parse((await cursor())?.prunedAt ?? '')).toBeGreaterThan(Date.parse(prunedAt ?? ''));
  });
});
