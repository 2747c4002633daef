// Issue 6: Jira comments reach every linked ticket exactly once, and never when private or written by the app.
import { createWorld, users, type World } from '../world';

describe('outbound comments', () => {
  let world: World;

  afterEach(async () => {
    expect(world.jira.contractViolations()).toEqual([]);
    await world.close();
  });

  async function linkedIssue(ticketCount = 1) {
    const issue = world.createIssue();
    const tickets = Array.from({ length: ticketCount }, () => world.createTicket());
    for (const ticket of tickets) await world.link(issue, ticket);
    return { issue, tickets };
  }

  it('adds exactly one action per linked ticket, with attribution, type and portal visibility', async () => {
    world = await createWorld();
    const { issue, tickets } = await linkedIssue(2);
    world.jira.admin.addComment(users.alice.accountId, issue.id, {
      body: 'We found the <b>bug</b> & fixed it.',
    });
    await world.sandbox.drain();
    for (const ticket of tickets) {
      const actions = world.appActions(ticket.ticketId);
      expect(actions).toHaveLength(1);
      expect(actions[0]).toMatchObject({ actionType: 'Comment', isVisibleOnPortal: false });
      expect(actions[0]?.description).toContain(
        `Comment added in Jira by ${users.alice.displayName} on ${issue.key}`,
      );
      // The comment text arrives escaped, never as markup.
      expect(actions[0]?.description).toContain('&lt;b&gt;bug&lt;/b&gt; &amp; fixed');
    }
    const log = await world.syncLog();
    expect(log.filter((e) => e.operation === 'comment-to-action' && e.level === 'info')).toHaveLength(2);
  });

  it("reads the organization's action types once an hour, not for every comment (issue 18)", async () => {
    world = await createWorld();
    const { issue, tickets } = await linkedIssue(1);
    const lookups = () =>
      world.ts.requests().filter((entry) => entry.url.toLowerCase().includes('/properties/actiontypes'))
        .length;
    world.jira.admin.addComment(users.alice.accountId, issue.id, { body: 'First.' });
    await world.sandbox.drain();
    const afterFirst = lookups();
    for (const body of ['Second.', 'Third.']) {
      world.jira.admin.addComment(users.alice.accountId, issue.id, { body });
      await world.sandbox.drain();
    }
    expect(world.appActions(tickets[0]?.ticketId ?? 0)).toHaveLength(3);
    expect(lookups()).toBe(afterFirst);
    // After an hour the list is read again: a new or renamed action type is seen.
    world.sandbox.advanceClock(61 * 60_000);
    world.jira.admin.addComment(users.alice.accountId, issue.id, { body: 'Fourth.' });
    await world.sandbox.drain();
    expect(lookups()).toBe(afterFirst + 1);
  });

  it('uses the configured action type and portal visibility', async () => {
    world = await createWorld({
      instance: { commentActionType: 'Internal Note', actionsVisibleOnPortal: true },
    });
    const { issue, tickets } = await linkedIssue();
    world.jira.admin.addComment(users.alice.accountId, issue.id, { body: 'Visible to the customer' });
    await world.sandbox.drain();
    expect(world.appActions(tickets[0]?.ticketId ?? 0)).toEqual([
      expect.objectContaining({ actionType: 'Internal Note', isVisibleOnPortal: true }),
    ]);
  });

  it('stays at one action when the same event is delivered three times', async () => {
    world = await createWorld();
    const { issue, tickets } = await linkedIssue();
    world.jira.admin.addComment(users.alice.accountId, issue.id, { body: 'Once only' });
    await world.sandbox.drain();
    expect(world.sandbox.redeliverCompleted()).toBeGreaterThan(0);
    await world.sandbox.drain();
    world.sandbox.redeliverCompleted();
    await world.sandbox.drain();
    expect(world.appActions(tickets[0]?.ticketId ?? 0)).toHaveLength(1);
  });

  it('stays at one action when recording the new action in the ledger fails after the write', async () => {
    world = await createWorld();
    const { issue, tickets } = await linkedIssue();
    // The first time the app records the new action in the ledger, storage fails right after the write.
    const handle = world.sandbox.kvs.handle.bind(world.sandbox.kvs);
    let failed = false;
    world.sandbox.kvs.handle = (path, body) => {
      if (!failed && JSON.stringify(body).includes(':action:')) {
        failed = true;
        return { status: 503, body: { code: 'SERVICE_UNAVAILABLE', message: 'storage is down' } };
      }
      return handle(path, body);
    };
    world.jira.admin.addComment(users.alice.accountId, issue.id, { body: 'Survives a crash' });
    await world.sandbox.drain();
    expect(failed).toBe(true);
    // The write counts as done: the action carries its marker, so nothing is written again.
    expect(world.appActions(tickets[0]?.ticketId ?? 0)).toHaveLength(1);
    // A redelivery after the claim ran out takes it over, finds the action by its marker and records it.
    world.sandbox.advanceClock(10 * 60_000);
    world.sandbox.redeliverCompleted();
    await world.sandbox.drain();
    expect(world.appActions(tickets[0]?.ticketId ?? 0)).toHaveLength(1);
    const log = await world.syncLog();
    expect(log.filter((e) => e.level === 'error')).toEqual([]);
  });

  it.each([
    [
      'a role-restricted comment',
      { visibility: { type: 'role' as const, value: 'Developers' } },
      /restricted to the role "Developers"/,
    ],
    [
      'a group-restricted comment',
      { visibility: { type: 'group' as const, value: 'jira-administrators' } },
      /restricted to the group/,
    ],
    ['a JSM internal note', { internal: true }, /internal note/],
  ])('sends nothing for %s, and says why in the log', async (_name, extra, reason) => {
    world = await createWorld();
    const { issue, tickets } = await linkedIssue();
    world.jira.admin.addComment(users.alice.accountId, issue.id, { body: 'Private', ...extra });
    await world.sandbox.drain();
    expect(world.appActions(tickets[0]?.ticketId ?? 0)).toEqual([]);
    const log = await world.syncLog();
    expect(log).toEqual([
      expect.objectContaining({
        level: 'warn',
        operation: 'comment-to-action',
        message: expect.stringMatching(reason),
      }),
    ]);
  });

  it('says the app can no longer browse the issue, as a warning, instead of calling it deleted', async () => {
    world = await createWorld();
    const { issue, tickets } = await linkedIssue();
    world.jira.admin.revoke('app', 'BROWSE_PROJECTS');
    world.jira.admin.addComment(users.alice.accountId, issue.id, { body: 'Hidden from the app' });
    await world.sandbox.drain();
    expect(world.appActions(tickets[0]?.ticketId ?? 0)).toEqual([]);
    const entries = (await world.syncLog()).filter((e) => e.operation === 'comment-to-action');
    expect(entries).not.toHaveLength(0);
    for (const entry of entries) {
      expect(entry.level).toBe('warn');
      expect(entry.message).toMatch(/no longer exists, or the app can no longer browse it/);
    }
  });

  it('never sends back comments the app wrote', async () => {
    world = await createWorld();
    const { issue, tickets } = await linkedIssue();
    // Written by the app itself: ignoreSelf drops the event.
    world.jira.admin.addComment('app', issue.id, { body: 'TeamSupport ticket #1 · Comment by Jane' });
    // Carrying the app's property although a person wrote it (e.g. copied by a script): the re-read catches it.
    world.jira.admin.addComment(users.alice.accountId, issue.id, {
      body: 'Copied',
      properties: {
        'support-ticket-sync': {
          origin: 'ticket-action',
          instanceId: world.instanceId,
          ticketId: '1',
          actionId: '2',
        },
      },
    });
    await world.sandbox.drain();
    expect(world.appActions(tickets[0]?.ticketId ?? 0)).toEqual([]);
    expect(world.sandbox.logEntries.some((e) => /ignoreSelf/.test(e.message))).toBe(true);
    const log = await world.syncLog();
    expect(log.map((e) => e.message)).toEqual([expect.stringMatching(/written by this app/)]);
  });

  it('does not copy an edited comment again', async () => {
    world = await createWorld();
    const { issue, tickets } = await linkedIssue();
    const comment = world.jira.admin.addComment(users.alice.accountId, issue.id, { body: 'First words' });
    await world.sandbox.drain();
    world.jira.admin.updateComment(users.alice.accountId, comment.id, { body: 'Second thoughts' });
    await world.sandbox.drain();
    const actions = world.appActions(tickets[0]?.ticketId ?? 0);
    expect(actions).toHaveLength(1);
    expect(actions[0]?.description).toContain('First words');
  });

  it('does nothing for an inactive instance or a ticket type it does not sync', async () => {
    world = await createWorld({ instance: { ticketTypes: ['Question'] } });
    const { issue, tickets } = await linkedIssue();
    world.jira.admin.addComment(users.alice.accountId, issue.id, { body: 'Not for bugs' });
    await world.sandbox.drain();
    expect(world.appActions(tickets[0]?.ticketId ?? 0)).toEqual([]);

    await world.run(async () => {
      const current = await world.store.config.listInstanceViews();
      if (!current.ok) throw new Error('config unreadable');
      const saved = await world.store.config.saveInstance({
        ...withoutView(current.instances[0]),
        ticketTypes: 'all',
        active: false,
      });
      expect(saved.ok).toBe(true);
    });
    world.jira.admin.addComment(users.alice.accountId, issue.id, { body: 'Sync is off' });
    await world.sandbox.drain();
    expect(world.appActions(tickets[0]?.ticketId ?? 0)).toEqual([]);
  });

  it('recovers from 429s and 5xx on both sides without loss or duplicates', async () => {
    world = await createWorld();
    const { issue, tickets } = await linkedIssue(2);
    world.jira.faults.rateLimitNext(2, { retryAfterSeconds: 1, reason: 'jira-burst-based' });
    world.jira.faults.failNext(1, { status: 502 });
    world.ts.failNext(2, { status: 503, body: 'Service Unavailable' });
    world.jira.admin.addComment(users.alice.accountId, issue.id, { body: 'Through the storm' });
    await world.sandbox.drain();
    for (const ticket of tickets) expect(world.appActions(ticket.ticketId)).toHaveLength(1);
  });
});

/** An InstanceView as the admin page would send it back: without the view-only fields. */
function withoutView(view: object | undefined): Record<string, unknown> {
  const {
    hasToken: _hasToken,
    createdAt: _createdAt,
    updatedAt: _updatedAt,
    ...input
  } = { ...view } as Record<string, unknown>;
  return input;
}
