// The admin page reads the sync log and retries failed items exactly once: the entry is marked before its job is
// queued, so a second Retry is refused, and the job itself writes nothing twice.
import { z } from 'zod';
import { advanceSandboxClock } from '../../../sandbox/runtime/globals';
import { OUTBOUND_QUEUE } from '../../../src/sync/jobs/queue';
import { createWorld, dataOf, errorOf, users, type World } from '../world';
import { currentSettings, savedSchema } from './admin-harness';

const pageSchema = z.strictObject({
  entries: z.array(
    z.looseObject({
      id: z.string(),
      level: z.enum(['info', 'warn', 'error']),
      operation: z.string(),
      status: z.enum(['open', 'retried', 'resolved']),
      ticketUrl: z.string().optional(),
      retry: z.object({ kind: z.string(), payload: z.unknown() }).optional(),
    }),
  ),
  cursor: z.string().optional(),
});

describe('admin page: getSyncLog and retrySyncEvent', () => {
  let world: World;

  afterEach(async () => {
    expect(world.jira.contractViolations()).toEqual([]);
    await world.close();
  });

  const log = async (query: Record<string, unknown> = {}) =>
    dataOf(await world.admin('getSyncLog', query), pageSchema);

  async function failedComment() {
    // The configured action type does not exist in TeamSupport: a permanent failure, logged with retry data.
    world = await createWorld({ instance: { commentActionType: 'Jira Sync Note' } });
    const issue = world.createIssue();
    const ticket = world.createTicket();
    await world.link(issue, ticket);
    world.jira.admin.addComment(users.alice.accountId, issue.id, { body: 'Please reach the customer' });
    await world.sandbox.drain();
    expect(world.appActions(ticket.ticketId)).toEqual([]);
    const errors = (await log({ level: 'error' })).entries;
    expect(errors).toEqual([
      expect.objectContaining({ operation: 'comment-to-action', status: 'open', retry: expect.anything() }),
    ]);
    return { issue, ticket, entry: errors[0] ?? { id: '' } };
  }

  it('re-runs a failed outbound item once after the admin fixed the cause, and refuses a second retry', async () => {
    const { ticket, entry } = await failedComment();
    const settings = await currentSettings(world);
    dataOf(
      await world.admin('saveInstance', { instance: { ...settings, commentActionType: 'Comment' } }),
      savedSchema,
    );

    expect(await world.admin('retrySyncEvent', { id: entry.id })).toEqual({ ok: true, data: {} });
    expect((await log({ level: 'error' })).entries.find((e) => e.id === entry.id)?.status).toBe('retried');
    await world.sandbox.drain();

    expect(world.appActions(ticket.ticketId)).toEqual([
      expect.objectContaining({
        actionType: 'Comment',
        description: expect.stringContaining('Please reach the customer'),
      }),
    ]);
    // The retried item went through: its error is resolved (issue 20), and there is nothing left to retry.
    const retried = (await log({ level: 'error' })).entries.find((e) => e.id === entry.id);
    expect(retried?.status).toBe('resolved');

    const second = errorOf(await world.admin('retrySyncEvent', { id: entry.id }));
    expect(second.code).toBe('NOT_RETRYABLE');
    // Even a redelivery of the retried job adds nothing.
    world.sandbox.redeliverCompleted();
    await world.sandbox.drain();
    expect(world.appActions(ticket.ticketId)).toHaveLength(1);
  });

  it('queues the retry of an outbound item once when two retries race', async () => {
    const { entry } = await failedComment();
    const results = await Promise.all([
      world.admin('retrySyncEvent', { id: entry.id }),
      world.admin('retrySyncEvent', { id: entry.id }),
    ]);
    const codes = results.map((r) =>
      z.object({ ok: z.literal(true) }).safeParse(r).success ? 'OK' : errorOf(r).code,
    );
    expect(codes.sort()).toEqual(['ALREADY_RETRIED', 'OK']);
    const queued = world.sandbox.queue.takeDue(Date.now(), new Map());
    expect(queued.map((e) => e.queueName)).toEqual([OUTBOUND_QUEUE]);
  });

  it('re-runs a failed inbound item exactly once', async () => {
    world = await createWorld();
    const issue = world.createIssue();
    const ticket = world.createTicket();
    await world.link(issue, ticket);
    world.org.addAction(ticket.ticketId, {
      actionType: 'Comment',
      creator: 'Jane Doe',
      description: '<p>Please check</p>',
    });
    // The app has lost the permission to comment: a permanent failure, logged with a retry, and the pull moves on.
    world.jira.admin.revoke('app', 'ADD_COMMENTS');
    await world.sandbox.runScheduledTrigger('pull-tickets');
    await world.sandbox.drain();
    expect(world.jira.admin.comments(issue.id)).toEqual([]);
    const failed = (await world.syncLog()).find(
      (e) => e.level === 'error' && e.operation === 'action-to-comment',
    );
    expect(failed?.retry).toMatchObject({ kind: 'inbound', payload: { kind: 'retry-action' } });

    // The Jira admin gives the permission back; the sync admin retries the item.
    world.jira.admin.restoreAppPermissions();
    expect(await world.admin('retrySyncEvent', { id: failed?.id })).toEqual({ ok: true, data: {} });
    await world.sandbox.drain();
    expect(world.jira.admin.comments(issue.id)).toHaveLength(1);
    // Resolved by the retry that went through (issue 20): nothing left to retry.
    expect(errorOf(await world.admin('retrySyncEvent', { id: failed?.id })).code).toBe('NOT_RETRYABLE');
    // A later cycle sees the action again and leaves it alone.
    world.sandbox.advanceClock(5 * 60_000);
    await world.sandbox.runScheduledTrigger('pull-tickets');
    await world.sandbox.drain();
    expect(world.jira.admin.comments(issue.id)).toHaveLength(1);
  });

  it('refuses entries that cannot be retried', async () => {
    world = await createWorld();
    const plain = await world.run(() =>
      world.store.syncLog.append({
        level: 'warn',
        instanceId: world.instanceId,
        operation: 'comment-to-action',
        message: 'Not sent because the comment is restricted.',
      }),
    );
    const unreadable = await world.run(() =>
      world.store.syncLog.append({
        level: 'error',
        instanceId: world.instanceId,
        operation: 'comment-to-action',
        message: 'Written by an older build',
        retry: { kind: 'outbound', payload: { kind: 'no-such-job' } },
      }),
    );

    expect(errorOf(await world.admin('retrySyncEvent', { id: plain?.id })).code).toBe('NOT_RETRYABLE');
    expect(errorOf(await world.admin('retrySyncEvent', { id: unreadable?.id })).code).toBe('NOT_RETRYABLE');
    expect(errorOf(await world.admin('retrySyncEvent', { id: '000000000000001-abcdef0123' })).code).toBe(
      'NOT_FOUND',
    );
    expect(world.sandbox.queue.pendingCount()).toBe(0);
  });

  it('pages the log newest first, filtered by level, with links to the tickets', async () => {
    world = await createWorld();
    for (let index = 1; index <= 3; index++) {
      // Entries are ordered by their time: each one a second after the last, never two in the same millisecond.
      advanceSandboxClock(1_000);
      await world.run(() =>
        world.store.syncLog.append({
          level: index === 2 ? 'error' : 'info',
          instanceId: world.instanceId,
          ticketId: String(745890 + index),
          ticketNumber: String(index),
          operation: 'comment-to-action',
          message: `entry ${index}`,
        }),
      );
    }

    const first = await log({ limit: 2 });
    expect(first.entries.map((e) => e.message)).toEqual(['entry 3', 'entry 2']);
    expect(first.entries[0]?.ticketUrl).toBe(`${world.ts.appUrl}/Ticket.aspx?ticketid=745893`);
    const rest = await log({ limit: 2, cursor: first.cursor });
    expect(rest.entries.map((e) => e.message)).toEqual(['entry 1']);
    expect((await log({ level: 'error' })).entries.map((e) => e.message)).toEqual(['entry 2']);

    const bad = errorOf(await world.admin('getSyncLog', { level: 'fatal', limit: 1000 }));
    expect(bad).toMatchObject({ code: 'INVALID_INPUT' });
    expect(bad.details).toEqual({
      issues: expect.arrayContaining([
        expect.objectContaining({ path: 'level' }),
        expect.objectContaining({ path: 'limit' }),
      ]),
    });
  });
});
