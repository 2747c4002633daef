// Issue 19: the panel tells the truth about each link. The status shown after the app pushed a change is the new one
// (no minute-old copy), "Sync now" copies both ways exactly once, and each link's newest problem is shown in words,
// with Retry for a failed item of this issue only.
import { z } from 'zod';
import { withSyncNow } from '../../../src/entry/panel-sync-deps';
import { panelDeps } from '../../../src/entry/ui-deps';
import { SYNC_NOW_MARGIN_MS, syncNow as syncNowUseCase, TIME_SHORT } from '../../../src/sync/panel/sync-now';
import { createWorld, dataOf, errorOf, PANEL_MODULE, users, type World } from '../world';
import { linkedTicketsSchema } from './panel-harness';

const syncNowSchema = z.strictObject({
  results: z.array(
    z.strictObject({
      instanceId: z.string(),
      ticketId: z.string(),
      ticketNumber: z.string(),
      fromTicket: z.number(),
      toTicket: z.number(),
      error: z.string().optional(),
    }),
  ),
  stopped: z.string().optional(),
});

describe('issue panel: fresh status, "Sync now" and per-link health', () => {
  let world: World;

  afterEach(async () => {
    expect(world.jira.contractViolations()).toEqual([]);
    await world.close();
  });

  async function linkedThroughPanel() {
    const issue = world.createIssue();
    const ticket = world.createTicket();
    dataOf(
      await world.panel(
        'linkTicket',
        { instanceId: world.instanceId, ticket: String(ticket.ticketNumber) },
        { issue },
      ),
      z.unknown(),
    );
    await world.sandbox.drain();
    return { issue, ticket };
  }

  const open = async (issue: { id: string; key: string }, payload: Record<string, unknown> = {}) =>
    dataOf(await world.panel('getLinkedTickets', payload, { issue }), linkedTicketsSchema).tickets;

  const syncNow = async (issue: { id: string; key: string }) =>
    dataOf(await world.panel('syncNow', {}, { issue }), syncNowSchema);

  const appComments = (issueId: string) =>
    world.jira.admin.comments(issueId).filter((c) => JSON.stringify(c).includes('support-ticket-sync'));

  it('shows the status the app just pushed, not the cached one', async () => {
    world = await createWorld({ instance: { updateTicketStatus: true } });
    const { issue } = await linkedThroughPanel();
    expect((await open(issue))[0]?.status).toBe('New');
    world.jira.admin.transitionIssue(users.alice.accountId, issue.id, { toStatus: 'In Progress' });
    await world.sandbox.drain();
    // Well within the cache's minute: the push forgot the copy.
    expect((await open(issue))[0]?.status).toBe('In Progress');
  });

  it('reads every ticket afresh on refresh', async () => {
    world = await createWorld();
    const { issue, ticket } = await linkedThroughPanel();
    expect((await open(issue))[0]?.status).toBe('New');
    // Changed in TeamSupport by someone else: the cached copy still says New, a refresh does not.
    world.org.updateTicket(ticket.ticketId, { status: 'In Progress' });
    expect((await open(issue))[0]?.status).toBe('New');
    expect((await open(issue, { refresh: true }))[0]?.status).toBe('In Progress');
  });

  it('"Sync now" copies both ways exactly once; pressed twice it copies nothing new', async () => {
    world = await createWorld();
    const { issue, ticket } = await linkedThroughPanel();
    world.org.addAction(ticket.ticketId, {
      actionType: 'Comment',
      creator: 'Jane Doe',
      description: '<p>One</p>',
    });
    world.org.addAction(ticket.ticketId, {
      actionType: 'Comment',
      creator: 'Jane Doe',
      description: '<p>Two</p>',
    });
    world.jira.admin.addComment(users.alice.accountId, issue.id, { body: 'From Jira' });
    // The comment's own event job has not run yet: "Sync now" is first.
    const first = await syncNow(issue);
    expect(first.results).toEqual([
      expect.objectContaining({ ticketNumber: String(ticket.ticketNumber), fromTicket: 2, toTicket: 1 }),
    ]);
    expect(first.results[0]?.error).toBeUndefined();
    expect(first.stopped).toBeUndefined();
    expect(appComments(issue.id)).toHaveLength(2);
    const sent = world.appActions(ticket.ticketId).filter((a) => a.description.includes('From Jira'));
    expect(sent).toHaveLength(1);

    const second = await syncNow(issue);
    expect(second.results).toEqual([expect.objectContaining({ fromTicket: 0, toTicket: 0 })]);
    // The event job and a scheduled pull find everything done too.
    await world.sandbox.drain();
    await world.sandbox.runScheduledTrigger('pull-tickets');
    await world.sandbox.drain();
    expect(appComments(issue.id)).toHaveLength(2);
    expect(world.appActions(ticket.ticketId).filter((a) => a.description.includes('From Jira'))).toHaveLength(
      1,
    );
  });

  it('says why a link cannot be synced now', async () => {
    world = await createWorld();
    const { issue, ticket } = await linkedThroughPanel();
    world.org.deleteTicket(ticket.ticketId);
    const result = await syncNow(issue);
    expect(result.results[0]?.error).toBe(`Ticket #${ticket.ticketNumber} no longer exists in Acme Support.`);
  });

  it('stops with a message when time runs short', async () => {
    world = await createWorld();
    const { issue } = await linkedThroughPanel();
    const call = { accountId: users.alice.accountId, issue, payload: {} };
    // Less time left than one step needs: nothing starts, and the answer says so.
    const result = await world.sandbox.asInvocation(() => syncNowUseCase(withSyncNow(panelDeps()), call), {
      moduleKey: PANEL_MODULE,
      accountId: users.alice.accountId,
      budgetMs: SYNC_NOW_MARGIN_MS - 1_000,
    });
    expect(result).toEqual({
      ok: true,
      data: { results: [expect.objectContaining({ fromTicket: 0, toTicket: 0 })], stopped: TIME_SHORT },
    });
  });

  it('shows "waiting" for a new link and each link\'s newest problem in words', async () => {
    world = await createWorld({ instance: { updateTicketStatus: true } });
    const issue = world.createIssue();
    const ticket = world.createTicket();
    await world.link(issue, ticket);
    const [row] = await open(issue);
    expect(row?.lastSyncAt).toBeUndefined();
    expect(row?.problem).toBeUndefined();

    world.jira.admin.addComment(users.alice.accountId, issue.id, {
      body: 'Private',
      visibility: { type: 'role', value: 'Developers' },
    });
    await world.sandbox.drain();
    expect((await open(issue))[0]?.problem).toEqual(
      expect.objectContaining({
        level: 'warn',
        words: expect.stringMatching(
          /^Comment of \d{1,2} \w{3} not sent: restricted to the role "Developers"$/,
        ),
        retryable: false,
      }),
    );

    world.jira.admin.transitionIssue(users.alice.accountId, issue.id, { toStatus: 'Done' });
    await world.sandbox.drain();
    expect((await open(issue))[0]?.problem?.words).toBe(
      'Status Done has no TeamSupport match: note added, the ticket stays "New"',
    );
  });

  it("retries a failed item of this issue, once, and refuses another issue's", async () => {
    world = await createWorld();
    const { issue, ticket } = await linkedThroughPanel();
    const other = world.createIssue('Another issue');
    // Refused, not lost: nothing was written, and the job logs an error with Retry.
    world.ts.failNext(1, { method: 'POST', pathIncludes: '/actions', status: 400, body: 'Refused' });
    world.jira.admin.addComment(users.alice.accountId, issue.id, { body: 'Needs a retry' });
    await world.sandbox.drain();
    const problem = (await open(issue))[0]?.problem;
    if (problem === undefined) throw new Error('no problem shown');
    expect(problem).toMatchObject({ level: 'error', retryable: true });

    expect(
      errorOf(await world.panel('retrySyncItem', { entryId: problem.entryId }, { issue: other })).code,
    ).toBe('NOT_FOUND');
    dataOf(await world.panel('retrySyncItem', { entryId: problem.entryId }, { issue }), z.object({}));
    expect(errorOf(await world.panel('retrySyncItem', { entryId: problem.entryId }, { issue })).code).toBe(
      'ALREADY_RETRIED',
    );
    await world.sandbox.drain();
    expect(
      world.appActions(ticket.ticketId).filter((a) => a.description.includes('Needs a retry')),
    ).toHaveLength(1);
    expect((await open(issue))[0]?.problem).toBeUndefined();
  });
});
