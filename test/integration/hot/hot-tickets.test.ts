// Issue 19: hot tickets and signed push hints, end to end on the sandbox (real handlers, emulators, virtual clock).
import { z } from 'zod';
import { signHint, SIGNATURE_HEADER, TIMESTAMP_HEADER } from '../../../src/domain/push-hint';
import { KvsHotTicketStore } from '../../../src/store/hot-ticket-store';
import { logger } from '../../../src/lib/logger';
import { createWorld, dataOf, type World } from '../world';

const createdSchema = z.array(z.looseObject({ created: z.string() }));

function commentTimes(world: World, issueId: string): number[] {
  return createdSchema.parse(world.jira.admin.comments(issueId)).map((c) => Date.parse(c.created));
}

function checkInvocations(world: World): number {
  return world.sandbox.logEntries.filter((e) => e.kind === 'queue' && e.message.includes('inbound-sync'))
    .length;
}

async function hotCount(world: World): Promise<number> {
  const store = new KvsHotTicketStore(logger, () => new Date());
  return world.run(() => store.countHot(world.instanceId, new Date(), 50));
}

describe('hot tickets', () => {
  let world: World;
  afterEach(async () => world.close());

  it('brings a hot ticket’s new action to Jira within the check interval, then stops when the window ends', async () => {
    world = await createWorld();
    const issue = world.createIssue();
    const ticket = world.createTicket();
    await world.link(issue, ticket);
    world.org.addAction(ticket.ticketId, {
      actionType: 'Comment',
      creator: 'Jane Doe',
      description: '<p>Any news?</p>',
    });
    const openedAt = world.sandbox.now();
    await world.panel('getLinkedTickets', {}, { issue });
    expect(await hotCount(world)).toBe(1);
    const before = checkInvocations(world);
    await world.sandbox.drain();
    const times = commentTimes(world, issue.id);
    expect(times).toHaveLength(1);
    expect(times[0]! - openedAt).toBeLessThanOrEqual(60_000);
    // The first check (45 s) found the action, which moved the window's end to 45 s + 10 min: checks every 45 s up to
    // 630 s make 14, then none (drain returned: nothing is pending).
    expect(checkInvocations(world) - before).toBe(14);
    expect(world.sandbox.now() - openedAt).toBeGreaterThanOrEqual(630_000);
    expect(world.sandbox.now() - openedAt).toBeLessThan(640_000);
    expect(world.sandbox.queue.pendingCount()).toBe(0);
    world.sandbox.advanceClock(15_000);
    expect(await hotCount(world)).toBe(0);
  });

  it('keeps at most the cap of hot tickets per instance', async () => {
    world = await createWorld({ instance: { hotTicketCap: 2 } });
    const issue = world.createIssue();
    for (let i = 0; i < 3; i++) await world.link(issue, world.createTicket());
    await world.panel('getLinkedTickets', {}, { issue });
    expect(await hotCount(world)).toBe(2);
    expect(world.sandbox.queue.pendingCount()).toBe(2);
    // Opening the panel again within the window neither extends nor adds: no new check is queued.
    await world.panel('getLinkedTickets', {}, { issue });
    expect(world.sandbox.queue.pendingCount()).toBe(2);
  });
});

describe('push hints', () => {
  let world: World;
  afterEach(async () => world.close());

  async function secretOf(w: World): Promise<string> {
    const created = dataOf(
      await w.admin('rotatePushHintSecret', { id: w.instanceId }),
      z.object({ secret: z.string(), url: z.string(), hasSecret: z.literal(true) }),
    );
    expect(created.url).toContain('push-hint');
    return created.secret;
  }

  function send(w: World, body: string, headers: Record<string, string>) {
    return w.sandbox.invokeWebTrigger('push-hint', {
      method: 'POST',
      body,
      headers: Object.fromEntries(Object.entries(headers).map(([k, v]) => [k, [v]])),
    });
  }

  function signed(secret: string, body: string, at = Math.floor(Date.now() / 1000)) {
    return { [TIMESTAMP_HEADER]: String(at), [SIGNATURE_HEADER]: `sha256=${signHint(secret, at, body)}` };
  }

  it('accepts a signed hint once and brings the ticket’s action to Jira within seconds', async () => {
    world = await createWorld();
    const issue = world.createIssue();
    const ticket = world.createTicket();
    await world.link(issue, ticket);
    const secret = await secretOf(world);
    const state = dataOf(
      await world.admin('getPushHints', { id: world.instanceId }),
      z.object({ hasSecret: z.boolean(), secretCreatedAt: z.string().nullable() }),
    );
    expect(state.hasSecret).toBe(true);
    expect(JSON.stringify(state)).not.toContain(secret);
    world.org.addAction(ticket.ticketId, {
      actionType: 'Comment',
      creator: 'Jane Doe',
      description: '<p>Hi</p>',
    });
    const body = JSON.stringify({ instanceId: world.instanceId, ticketNumber: ticket.ticketNumber });
    const headers = signed(secret, body);
    const sentAt = world.sandbox.now();
    const accepted = await send(world, body, headers);
    expect(accepted.statusCode).toBe(202);
    expect(world.sandbox.queue.pendingCount()).toBe(1);
    const replay = await send(world, body, headers);
    expect(replay.statusCode).toBe(401);
    expect(JSON.parse(replay.body ?? '{}')).toMatchObject({ error: 'replayed' });
    expect(world.sandbox.queue.pendingCount()).toBe(1);
    await world.sandbox.drain();
    const times = commentTimes(world, issue.id);
    expect(times).toHaveLength(1);
    expect(times[0]! - sentAt).toBeLessThanOrEqual(10_000);
  });

  it('refuses unsigned, stale, wrongly signed and unknown-instance hints, logs them and queues nothing', async () => {
    world = await createWorld();
    const ticket = world.createTicket();
    await world.link(world.createIssue(), ticket);
    const secret = await secretOf(world);
    const body = JSON.stringify({ instanceId: world.instanceId, ticketNumber: ticket.ticketNumber });
    const cases: Array<[Record<string, string>, string, number, string]> = [
      [{}, body, 400, 'malformed'],
      [signed(secret, body, Math.floor(Date.now() / 1000) - 6 * 60), body, 401, 'stale'],
      [signed('x'.repeat(43), body), body, 401, 'bad-signature'],
    ];
    const unknown = JSON.stringify({ instanceId: 'no-such-instance', ticketNumber: ticket.ticketNumber });
    cases.push([signed(secret, unknown), unknown, 401, 'unknown-instance']);
    for (const [headers, text, status, error] of cases) {
      const answer = await send(world, text, headers);
      expect({ status: answer.statusCode, body: JSON.parse(answer.body ?? '{}') }).toEqual({
        status,
        body: { accepted: false, error },
      });
    }
    expect(world.sandbox.queue.pendingCount()).toBe(0);
    const own = (await world.syncLog()).filter((e) => e.operation === 'push-hint');
    expect(own).toHaveLength(3);
    const others = await world.run(() => world.store.syncLog.list({ instanceId: 'push-hint', limit: 10 }));
    expect(others.entries).toHaveLength(1);
  });
});
