// Issue 20: a link made in the issue panel marks the ticket as a link made from the ticket side does (the issue key in
// the correlation field), an unlink clears it again and leaves a note, and the pull neither asks for a new issue nor
// links the ticket again because of what the panel wrote.
import { z } from 'zod';
import { createWorld, dataOf, errorOf, type World } from '../world';
import { linkResultSchema } from './panel-harness';

const FIELD = 'JiraIssueKey';

describe('issue panel: the correlation field and the unlink note', () => {
  let world: World;

  afterEach(async () => {
    expect(world.jira.contractViolations()).toEqual([]);
    await world.close();
  });

  const start = (instance: Record<string, unknown> = { correlationField: FIELD, defaultProjectKey: 'SUP' }) =>
    createWorld({ instance }).then((created) => {
      world = created;
    });

  const link = (issue: { id: string; key: string }, ticket: { ticketNumber: number }) =>
    world.panel(
      'linkTicket',
      { instanceId: world.instanceId, ticket: String(ticket.ticketNumber) },
      { issue },
    );
  const unlink = (issue: { id: string; key: string }, ticket: { ticketId: number }) =>
    world.panel(
      'unlinkTicket',
      { instanceId: world.instanceId, ticketId: String(ticket.ticketId) },
      { issue },
    );
  const field = (ticket: { ticketId: number }) =>
    world.org.ticket(ticket.ticketId).customFields[FIELD] ?? null;
  const linkOf = (ticket: { ticketId: number }) =>
    world.run(() => world.store.links.getByTicket(world.instanceId, String(ticket.ticketId)));
  const notes = (ticket: { ticketId: number }, text: string) =>
    world.appActions(ticket.ticketId).filter((action) => action.description.includes(text));

  async function cycle(): Promise<void> {
    world.sandbox.advanceClock(2 * 60_000);
    await world.sandbox.runScheduledTrigger('pull-tickets');
    await world.sandbox.drain();
  }

  it('writes the issue key into the correlation field, and the pull neither escalates nor relinks the ticket', async () => {
    await start();
    const issue = world.createIssue();
    const ticket = world.createTicket({ name: 'Export stops at 2 GB' });
    const issuesBefore = world.jira.admin.issues().length;

    dataOf(await link(issue, ticket), linkResultSchema);

    expect(field(ticket)).toBe(issue.key);
    const linked = await linkOf(ticket);
    await cycle();
    await cycle();
    expect(world.jira.admin.issues()).toHaveLength(issuesBefore);
    expect(await linkOf(ticket)).toMatchObject({ issueId: issue.id, linkedAt: linked?.linkedAt });
    expect(notes(ticket, 'linked to Jira issue')).toHaveLength(1);
    const errors = (await world.syncLog()).filter(
      (entry) => entry.level !== 'info' && entry.ticketId === String(ticket.ticketId),
    );
    expect(errors).toEqual([]);
  });

  it('clears the field it wrote and leaves one note on unlink; the pull does not link the ticket again', async () => {
    await start();
    const issue = world.createIssue();
    const ticket = world.createTicket();
    dataOf(await link(issue, ticket), linkResultSchema);

    expect(await unlink(issue, ticket)).toEqual({ ok: true, data: {} });

    expect(field(ticket)).toBeNull();
    expect(notes(ticket, `unlinked from Jira issue ${issue.key}`)).toEqual([
      expect.objectContaining({
        isVisibleOnPortal: false,
        description: expect.stringContaining('(Jira sync unlinked:'),
      }),
    ]);
    await cycle();
    await cycle();
    expect(await linkOf(ticket)).toBeUndefined();
    expect(notes(ticket, 'unlinked from Jira issue')).toHaveLength(1);
    // Nothing the app wrote on the ticket came back to the issue as a comment.
    expect(world.jira.admin.comments(issue.id)).toEqual([]);
    const log = await world.syncLog();
    expect(log.filter((entry) => entry.operation === 'unlink-ticket')).toEqual([
      expect.objectContaining({ level: 'info', ticketNumber: String(ticket.ticketNumber) }),
    ]);
  });

  it('leaves a field an agent pointed at another issue alone on unlink', async () => {
    await start();
    const issue = world.createIssue('Linked from the panel');
    const other = world.createIssue('The one the agent means');
    const ticket = world.createTicket();
    dataOf(await link(issue, ticket), linkResultSchema);
    world.org.setCustomField(ticket.ticketId, FIELD, other.key);

    expect(await unlink(issue, ticket)).toEqual({ ok: true, data: {} });

    expect(field(ticket)).toBe(other.key);
    // The agent's key now links the ticket from the ticket side, as it would have without the panel.
    await cycle();
    expect(await linkOf(ticket)).toMatchObject({ issueId: other.id });
  });

  it('unlinks nothing when TeamSupport cannot clear the field, and unlinks once on the next try', async () => {
    await start();
    const issue = world.createIssue();
    const ticket = world.createTicket();
    dataOf(await link(issue, ticket), linkResultSchema);
    world.ts.failNext(10, {
      status: 503,
      body: 'Service Unavailable',
      method: 'PUT',
      pathIncludes: '/tickets/',
    });

    const failed = errorOf(await unlink(issue, ticket));

    expect(failed.code).toBe('UPSTREAM_ERROR');
    expect(await linkOf(ticket)).toMatchObject({ issueId: issue.id });
    expect(field(ticket)).toBe(issue.key);
    expect(notes(ticket, 'unlinked')).toEqual([]);

    world.ts.faults.clear();
    expect(await unlink(issue, ticket)).toEqual({ ok: true, data: {} });
    expect(await linkOf(ticket)).toBeUndefined();
    expect(field(ticket)).toBeNull();
    expect(notes(ticket, 'unlinked')).toHaveLength(1);
  });

  it('writes the unlink note once when its answer is lost', async () => {
    await start();
    const issue = world.createIssue();
    const ticket = world.createTicket();
    dataOf(await link(issue, ticket), linkResultSchema);
    world.ts.failNext(1, {
      status: 503,
      body: 'Bad Gateway',
      method: 'POST',
      pathIncludes: '/actions',
      phase: 'after',
    });

    // The connector finds the action it wrote (teamsupport.ts, findCreatedAction): no warning, one note.
    expect(await unlink(issue, ticket)).toEqual({ ok: true, data: {} });
    expect(notes(ticket, 'unlinked')).toHaveLength(1);
    await cycle();
    expect(notes(ticket, 'unlinked')).toHaveLength(1);
    expect(world.jira.admin.comments(issue.id)).toEqual([]);
  });

  it('sends no field write for an instance without a correlation field, and still notes the unlink', async () => {
    await start({});
    const issue = world.createIssue();
    const ticket = world.createTicket();
    world.ts.clearRequests();

    dataOf(await link(issue, ticket), linkResultSchema);
    expect(await unlink(issue, ticket)).toEqual({ ok: true, data: {} });

    expect(world.ts.requests().filter((request) => request.method === 'PUT')).toEqual([]);
    expect(field(ticket)).toBeNull();
    expect(notes(ticket, 'linked to Jira issue')).toHaveLength(1);
    expect(notes(ticket, 'unlinked from Jira issue')).toHaveLength(1);
  });

  it('unlinks a ticket of an instance that was turned off, and says the ticket was not told', async () => {
    await start();
    const issue = world.createIssue();
    const ticket = world.createTicket();
    dataOf(await link(issue, ticket), linkResultSchema);
    await world.run(async () => {
      const views = await world.store.config.listInstanceViews();
      const view = views.ok ? views.instances[0] : undefined;
      const { hasToken: _hasToken, createdAt: _c, updatedAt: _u, ...settings } = view ?? { hasToken: false };
      return world.store.config.saveInstance({ ...settings, active: false });
    });

    const result = dataOf(await unlink(issue, ticket), z.object({ warnings: z.array(z.string()) }));

    expect(result.warnings).toEqual([
      expect.stringContaining('synchronization is turned off for Acme Support'),
    ]);
    expect(await linkOf(ticket)).toBeUndefined();
    expect(notes(ticket, 'unlinked')).toEqual([]);
  });
});
