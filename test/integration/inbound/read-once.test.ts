// Issue 18: a ticket's actions are read once per change. A ticket listed again by an overlapping pull window costs no
// action read unless it changed after the last read; an action written in the same minute as that read (TeamSupport
// dates have minute precision) is still found; a ticket's older history is not checked again.
import { createWorld, type World } from '../world';

describe('inbound: each change read once', () => {
  let world: World;

  afterEach(async () => {
    expect(world.jira.contractViolations()).toEqual([]);
    await world.close();
  });

  async function cycle(): Promise<void> {
    const result = await world.sandbox.runScheduledTrigger('pull-tickets');
    expect(result.status).toBe('ok');
    await world.sandbox.drain();
  }

  const actionReads = (ticketId: number) =>
    world.ts
      .requests()
      .filter(
        (entry) => entry.method === 'GET' && entry.url.toLowerCase().includes(`/tickets/${ticketId}/actions`),
      ).length;

  const appComments = (issueId: string) =>
    world.jira.admin.comments(issueId).filter((c) => JSON.stringify(c).includes('support-ticket-sync'));

  async function linkedTicket() {
    world = await createWorld();
    const issue = world.createIssue();
    const ticket = world.createTicket();
    await world.link(issue, ticket);
    return { issue, ticket };
  }

  it('reads a changed ticket once, not again in the cycles whose window overlaps the change', async () => {
    const { issue, ticket } = await linkedTicket();
    world.sandbox.advanceClock(150_000);
    world.org.addAction(ticket.ticketId, {
      actionType: 'Comment',
      creator: 'Jane Doe',
      description: '<p>one</p>',
    });
    world.sandbox.advanceClock(150_000);
    const before = actionReads(ticket.ticketId);
    await cycle();
    expect(appComments(issue.id)).toHaveLength(1);
    expect(actionReads(ticket.ticketId) - before).toBe(1);
    // The next two cycles list the ticket again (their windows reach ten minutes back) but do not read its actions.
    for (let i = 0; i < 2; i++) {
      world.sandbox.advanceClock(300_000);
      await cycle();
    }
    expect(actionReads(ticket.ticketId) - before).toBe(1);
    expect(appComments(issue.id)).toHaveLength(1);
    const link = await world.run(() =>
      world.store.links.getByTicket(world.instanceId, String(ticket.ticketId)),
    );
    expect(link?.actionsReadAt).toBeDefined();
    expect(link?.copiedUpTo).toBeDefined();
  });

  it('finds an action written in the same minute as the read that came before it', async () => {
    const { issue, ticket } = await linkedTicket();
    world.org.addAction(ticket.ticketId, {
      actionType: 'Comment',
      creator: 'Jane Doe',
      description: '<p>first</p>',
    });
    await cycle();
    expect(appComments(issue.id)).toHaveLength(1);
    // Seconds later, in the same minute: the ticket's modification time (minute precision) has not moved.
    world.sandbox.advanceClock(5_000);
    world.org.addAction(ticket.ticketId, {
      actionType: 'Comment',
      creator: 'Jane Doe',
      description: '<p>second</p>',
    });
    await cycle();
    const texts = appComments(issue.id).map((comment) => JSON.stringify(comment));
    expect(texts).toHaveLength(2);
    expect(texts[1]).toContain('second');
  });

  it("does not check a ticket's older actions again when a new one arrives", async () => {
    const { issue, ticket } = await linkedTicket();
    // All in one minute: the link names the actions handled in it, so none is looked at again.
    for (let i = 0; i < 20; i++) {
      world.org.addAction(ticket.ticketId, {
        actionType: 'Comment',
        creator: 'Jane Doe',
        description: `<p>old ${i}</p>`,
      });
    }
    await cycle();
    expect(appComments(issue.id)).toHaveLength(20);
    world.sandbox.advanceClock(300_000);
    world.org.addAction(ticket.ticketId, {
      actionType: 'Comment',
      creator: 'Jane Doe',
      description: '<p>new</p>',
    });
    world.sandbox.advanceClock(150_000);
    const ledgerReads = () => world.sandbox.accounting.requestsTo('kvs');
    world.sandbox.accounting.reset();
    await cycle();
    expect(appComments(issue.id)).toHaveLength(21);
    // Configuration, token, watermark (read and write), the link, the sync-log prune, one claim and one completion:
    // the 20 older actions cost nothing.
    expect(ledgerReads()).toBeLessThanOrEqual(12);
  });

  it('stores the read, its copies and their sync-log entry together: one sync-log entry per ticket and read', async () => {
    const { issue, ticket } = await linkedTicket();
    for (const text of ['a', 'b', 'c']) {
      world.org.addAction(ticket.ticketId, {
        actionType: 'Comment',
        creator: 'Jane Doe',
        description: `<p>${text}</p>`,
      });
    }
    await cycle();
    expect(appComments(issue.id)).toHaveLength(3);
    const entries = (await world.syncLog()).filter((entry) => entry.operation === 'action-to-comment');
    expect(entries).toHaveLength(1);
    // Each action by its date and author, never its id (issue 20).
    const when = String.raw`\d{1,2} [A-Z][a-z]{2} \d\d:\d\d \S+`;
    expect(entries[0]?.message).toMatch(
      new RegExp(
        `^3 actions added to ${issue.key} as comments, of ${when} by Jane Doe; ${when} by Jane Doe; ${when} by Jane Doe\\.$`,
      ),
    );
  });
});
