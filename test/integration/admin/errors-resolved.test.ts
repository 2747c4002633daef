// An error that a later run of the same item fixed is resolved and leaves the errors report (issue 20): a comment
// TeamSupport refused and Retry sent, an action Jira refused and Retry copied, a ticket whose correlation field named
// NOPE-999 until the agent corrected it. Errors of other items stay.
import { z } from 'zod';
import { createWorld, dataOf, users, type World } from '../world';

const FIELD = 'JiraIssueKey';

const entrySchema = z.looseObject({
  id: z.string(),
  level: z.string(),
  operation: z.string(),
  operationName: z.string(),
  message: z.string(),
  ticketId: z.string().optional(),
  status: z.enum(['open', 'retried', 'resolved']),
});
const pageSchema = z.looseObject({ entries: z.array(entrySchema) });

describe('errors a later run fixed', () => {
  let world: World;

  afterEach(async () => {
    await world.close();
  });

  async function errorsReport(instanceId?: string) {
    const query = { level: 'error', unresolved: true, ...(instanceId === undefined ? {} : { instanceId }) };
    return dataOf(await world.admin('getSyncLog', query), pageSchema).entries;
  }

  async function entry(id: string) {
    const all = dataOf(await world.admin('getSyncLog', { limit: 100 }), pageSchema).entries;
    return all.find((candidate) => candidate.id === id);
  }

  async function cycle(): Promise<void> {
    await world.sandbox.runScheduledTrigger('pull-tickets');
    await world.sandbox.drain();
  }

  it('resolves a refused comment once its Retry went through, and keeps the error of another comment', async () => {
    world = await createWorld();
    const issue = world.createIssue('Checkout fails');
    const ticket = world.createTicket({ name: 'Card declined' });
    const link = await world.link(issue, ticket);
    await world.sandbox.drain();

    world.ts.failNext(2, { method: 'POST', pathIncludes: '/actions', status: 400, body: 'Refused' });
    world.jira.admin.addComment(users.alice.accountId, issue.id, { body: 'First try' });
    await world.sandbox.drain();
    world.jira.admin.addComment(users.alice.accountId, issue.id, { body: 'Second comment' });
    await world.sandbox.drain();

    const open = await errorsReport();
    expect(open.map((e) => [e.operation, e.operationName, e.status])).toEqual([
      ['comment-to-action', 'Jira comment → ticket action', 'open'],
      ['comment-to-action', 'Jira comment → ticket action', 'open'],
    ]);
    const stored = await world.run(() => world.store.links.getByTicket(world.instanceId, link.ticketId));
    expect(stored?.openErrors).toHaveLength(2);

    // Retry the older one: it is marked "Retried", and resolved once the retried job has copied the comment.
    const older = open[1];
    if (!older) throw new Error('no error entry');
    dataOf(await world.admin('retrySyncEvent', { id: older.id }), z.object({}));
    expect((await entry(older.id))?.status).toBe('retried');
    await world.sandbox.drain();

    expect(
      world
        .appActions(ticket.ticketId)
        .map((a) => a.description)
        .join('\n'),
    ).toContain('First try');
    expect((await entry(older.id))?.status).toBe('resolved');
    expect((await errorsReport()).map((e) => e.id)).toEqual([open[0]?.id]);
    expect((await errorsReport(world.instanceId)).map((e) => e.id)).toEqual([open[0]?.id]);
    // The link forgot the resolved item and still knows the open one.
    const after = await world.run(() => world.store.links.getByTicket(world.instanceId, link.ticketId));
    expect(after?.openErrors).toHaveLength(1);
  });

  it('resolves an action Jira refused once Retry copied it', async () => {
    world = await createWorld();
    const issue = world.createIssue('Checkout fails');
    const ticket = world.createTicket({ name: 'Card declined' });
    await world.link(issue, ticket);
    await world.sandbox.drain();
    world.org.addAction(ticket.ticketId, {
      actionType: 'Comment',
      creator: 'Jane Doe',
      description: '<p>Any news?</p>',
    });
    world.jira.admin.revoke('app', 'ADD_COMMENTS');
    await cycle();
    world.jira.admin.restoreAppPermissions();

    const [failed] = await errorsReport();
    expect(failed).toMatchObject({
      operation: 'action-to-comment',
      operationName: 'Ticket action → Jira comment',
    });
    // The action by its date and author, not its id.
    expect(failed?.message).toMatch(
      /^The action of \d{1,2} [A-Z][a-z]{2} \d\d:\d\d \S+ by Jane Doe on ticket #\d+ could not be added to SUP-\d+: /,
    );
    dataOf(await world.admin('retrySyncEvent', { id: failed?.id ?? '' }), z.object({}));
    await world.sandbox.drain();

    expect(world.jira.admin.comments(issue.id)).toHaveLength(1);
    expect((await entry(failed?.id ?? ''))?.status).toBe('resolved');
    expect(await errorsReport()).toEqual([]);
  });

  it('resolves a correlation field that named NOPE-999 once the agent corrected it and the next pull linked it', async () => {
    world = await createWorld({ instance: { correlationField: FIELD, defaultProjectKey: 'SUP' } });
    const issue = world.createIssue('Export fails', 'SUP');
    const ticket = world.org.createTicket({
      name: 'Export fails for large files',
      ticketType: 'Question',
      description: '<p>Steps: export 2 GB.</p>',
      creator: 'Jane Doe',
      customFields: { [FIELD]: 'NOPE-999' },
    });
    await cycle();
    // The seeded organization has a ticket of its own naming a project the instance does not work with.
    const ours = async () => (await errorsReport()).filter((e) => e.ticketId === String(ticket.ticketId));
    const [failed] = await ours();
    expect(failed).toMatchObject({
      operation: 'ticket-to-issue',
      message: expect.stringContaining('NOPE-999'),
    });

    world.sandbox.advanceClock(5 * 60_000);
    world.org.setCustomField(ticket.ticketId, FIELD, issue.key);
    await cycle();

    const link = await world.run(() =>
      world.store.links.getByTicket(world.instanceId, String(ticket.ticketId)),
    );
    expect(link?.issueKey).toBe(issue.key);
    expect((await entry(failed?.id ?? ''))?.status).toBe('resolved');
    expect(await ours()).toEqual([]);
    // The other ticket's error is not this item's: it stays.
    expect(await errorsReport()).toHaveLength(1);
  });
});
