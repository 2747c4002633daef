// Issue 18: TeamSupport limits each organization's requests per 24 hours and reports nothing about what is left
// (docs/teamsupport-api.md §12), so the app meters its own: every request each invocation sends, retries included, is
// recorded once per invocation; the scheduled pull slows down near the limit and says so once; concurrent invocations
// lose no count; the admin page shows the figure.
import { z } from 'zod';
import { currentInvocation } from '../../../sandbox/runtime/invocation';
import { requestsAt, requestsInWindow } from '../../../src/domain/request-usage';
import { currentSettings } from '../admin/admin-harness';
import { createWorld, dataOf, users, type World } from '../world';

const CYCLE_MS = 5 * 60_000;

describe('TeamSupport daily request budget', () => {
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

  const usage = () => world.run(() => world.store.teamSupportUsage.read(world.instanceId));
  const recorded = async () => requestsInWindow(await usage(), new Date());
  const listRequests = () =>
    world.ts.requests().filter((entry) => entry.method === 'GET' && /\/tickets\?/i.test(entry.url)).length;

  /** Counts the writes of usage records, by invocation. */
  function tapUsageWrites(): { writesPerInvocation: () => number[] } {
    const byInvocation = new Map<string, number>();
    const handle = world.sandbox.kvs.handle.bind(world.sandbox.kvs);
    const keyed = z.looseObject({ key: z.string() });
    world.sandbox.kvs.handle = (path, body) => {
      const key = keyed.safeParse(body);
      if (path.endsWith('/set') && key.success && key.data.key.startsWith('ts-usage:')) {
        const invocation = currentInvocation()?.record.invocationId ?? 'outside-invocation';
        byInvocation.set(invocation, (byInvocation.get(invocation) ?? 0) + 1);
      }
      return handle(path, body);
    };
    return { writesPerInvocation: () => [...byInvocation.values()] };
  }

  async function setLimit(limit: number): Promise<void> {
    const settings = await currentSettings(world);
    const saved = await world.run(() =>
      world.store.config.saveInstance({ ...settings, dailyRequestLimit: limit }),
    );
    expect(saved.ok).toBe(true);
  }

  async function seedUsage(requests: number): Promise<void> {
    await world.run(() =>
      world.store.teamSupportUsage.add(world.instanceId, requestsAt(requests, new Date())),
    );
  }

  it('records exactly the requests TeamSupport logged, retries included, one write per invocation', async () => {
    world = await createWorld();
    const tap = tapUsageWrites();
    const ticket = world.createTicket();
    await world.link(world.createIssue(), ticket);
    await cycle();
    world.org.addAction(ticket.ticketId, {
      description: '<p>Any news?</p>',
      actionType: 'Comment',
      creator: 'Jane Doe',
    });
    // A blip: the list fails once and is sent again; TeamSupport counts both.
    world.ts.failNext(1, { status: 503, method: 'GET', pathIncludes: '/tickets' });
    await cycle();
    await cycle();
    expect(world.ts.requests().some((entry) => entry.fault)).toBe(true);
    expect(world.ts.requests().length).toBeGreaterThan(3);
    expect(await recorded()).toBe(world.ts.requests().length);
    // Three cycles, three invocations: one record write each, however many requests they made.
    expect(tap.writesPerInvocation()).toEqual([1, 1, 1]);
    // The admin page shows the figure beside the instance.
    const settings = dataOf(
      await world.admin('getSettings'),
      z.object({ instances: z.array(z.looseObject({ id: z.string(), requestsLast24h: z.number() })) }),
    );
    expect(settings.instances).toEqual([
      expect.objectContaining({ id: world.instanceId, requestsLast24h: world.ts.requests().length }),
    ]);
  });

  it('counts the requests of resolvers and queue jobs too, and loses none when invocations record at once', async () => {
    world = await createWorld();
    await cycle();
    // Three connection tests at once: each invocation records its own requests over the others'.
    await Promise.all([1, 2, 3].map(() => world.admin('testConnection', { id: world.instanceId })));
    const issue = world.createIssue();
    await world.link(issue, world.createTicket());
    world.jira.admin.addComment(users.alice.accountId, issue.id, { body: 'Customer called back' });
    await world.sandbox.drain();
    expect(world.ts.requests().filter((entry) => entry.method === 'POST')).toHaveLength(1);
    expect(await recorded()).toBe(world.ts.requests().length);
  });

  it('keeps every count when invocations add to the record at the same moment', async () => {
    world = await createWorld();
    const at = new Date();
    const add = (requests: number) =>
      world.run(() => world.store.teamSupportUsage.add(world.instanceId, requestsAt(requests, at)));
    // Two, then four at once, again and again: each reads the record before any writes, so each write overwrites
    // another's, and is put right after.
    await Promise.all([add(3), add(40)]);
    expect(await recorded()).toBe(43);
    let expected = 43;
    for (let trial = 0; trial < 20; trial++) {
      await Promise.all([add(3), add(40), add(500), add(6_000)]);
      expected += 6_543;
      expect(await recorded()).toBe(expected);
    }
  });

  it('near the limit pulls every 15 minutes, then hourly, and warns once a day at each pace', async () => {
    world = await createWorld();
    await cycle();
    await setLimit(1_000);
    await seedUsage(900 - (await recorded()));
    const pulls: number[] = [];
    for (let i = 0; i < 9; i++) {
      const before = listRequests();
      await cycle();
      pulls.push(listRequests() - before);
    }
    // At 90 % the pull waits until 15 minutes have passed since the last one: every third cycle.
    expect(pulls.map((n) => (n > 0 ? 'pull' : '-')).join(' ')).toBe('- - pull - - pull - - pull');
    const warnings = () =>
      world
        .syncLog()
        .then((entries) => entries.filter((entry) => entry.level === 'warn').map((e) => e.message));
    expect(await warnings()).toEqual([
      expect.stringMatching(
        /^TeamSupport requests in the last 24 hours: 9\d\d of 1,000\. The pull now runs every 15 minutes until use drops\.$/,
      ),
    ]);
    // 98 %: once an hour, with its own warning.
    await seedUsage(980 - (await recorded()));
    const hourly: number[] = [];
    for (let i = 0; i < 14; i++) {
      const before = listRequests();
      await cycle();
      hourly.push(listRequests() - before);
    }
    expect(hourly.filter((n) => n > 0)).toHaveLength(1);
    expect(await warnings()).toEqual([
      expect.stringContaining('The pull now runs once an hour until use drops.'),
      expect.stringContaining('The pull now runs every 15 minutes until use drops.'),
    ]);
  });

  it('pulls every cycle again once the day’s requests age out', async () => {
    world = await createWorld();
    await cycle();
    await setLimit(100);
    await seedUsage(95);
    await cycle();
    const before = listRequests();
    world.sandbox.advanceClock(25 * 60 * 60_000);
    await cycle();
    await cycle();
    expect(listRequests() - before).toBe(2);
  });
});
