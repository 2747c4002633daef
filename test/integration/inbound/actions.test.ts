// Issue 7: new ticket actions become Jira comments exactly once, with valid ADF, and nothing the app wrote comes back.
import { createWorld, users, type World } from '../world';

describe('inbound actions', () => {
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

  async function linked() {
    const issue = world.createIssue();
    const ticket = world.createTicket();
    await world.link(issue, ticket);
    return { issue, ticket };
  }

  const appComments = (issueId: string) =>
    world.jira.admin.comments(issueId).filter((c) => JSON.stringify(c).includes('support-ticket-sync'));

  it('copies a new customer action into one Jira comment with a header and valid ADF', async () => {
    world = await createWorld();
    const { issue, ticket } = await linked();
    world.org.addAction(ticket.ticketId, {
      actionType: 'Comment',
      creator: 'Jane Doe',
      isVisibleOnPortal: true,
      description:
        '<p>Customer says:</p><ul><li>export <b>fails</b></li><li>since 2.0</li></ul><p>See <a href="https://example.com/log">log</a></p>',
    });
    await cycle();
    const comments = world.jira.admin.comments(issue.id);
    expect(comments).toHaveLength(1);
    const text = JSON.stringify(comments[0]);
    expect(text).toContain(`TeamSupport ticket #${ticket.ticketNumber}`);
    expect(text).toContain('Comment · by Jane Doe');
    expect(text).toContain('https://example.com/log');
    expect(text).not.toContain('internal note');
    // Written as the app, so its event never reaches the outbound trigger.
    expect(world.appActions(ticket.ticketId)).toEqual([]);
    const log = await world.syncLog();
    expect(log.filter((e) => e.operation === 'action-to-comment')).toHaveLength(1);
  });

  it("turns a 40,000-character action into valid comments under Jira's limit, losing nothing", async () => {
    world = await createWorld();
    const { issue, ticket } = await linked();
    const words = Array.from({ length: 6_000 }, (_, i) => `w${String(i).padStart(5, '0')}`);
    const paragraphs = Array.from(
      { length: 10 },
      (_, p) => `<p>${words.slice(p * 600, p * 600 + 600).join(' ')}</p>`,
    );
    const description = paragraphs.join('');
    expect(description.length).toBeGreaterThan(40_000);
    world.org.addAction(ticket.ticketId, { actionType: 'Comment', creator: 'Jane Doe', description });
    await cycle();
    const comments = appComments(issue.id);
    expect(comments.length).toBeGreaterThan(1);
    // Every part is within Jira's limit (the emulator refuses longer bodies), and every word arrived once, in order.
    const text = comments.map((comment) => JSON.stringify(comment)).join(' ');
    const arrived = [...text.matchAll(/w\d{5}/g)].map((match) => match[0]);
    expect(arrived).toEqual(words);
    expect(text).toContain(`part 1 of ${comments.length}`);
    expect(text).toContain(`continued, part ${comments.length} of ${comments.length}`);
    // A second cycle adds nothing.
    world.sandbox.advanceClock(2 * 60_000);
    await cycle();
    expect(appComments(issue.id)).toHaveLength(comments.length);
  });

  it('marks internal actions as internal notes in the header', async () => {
    world = await createWorld();
    const { issue, ticket } = await linked();
    world.org.addAction(ticket.ticketId, {
      actionType: 'Internal Note',
      creator: 'Sam Roe',
      description: '<p>Between us</p>',
    });
    await cycle();
    expect(JSON.stringify(world.jira.admin.comments(issue.id))).toContain(
      'internal note (not visible on the customer portal)',
    );
  });

  it('stays at one comment over repeated cycles and overlapping windows', async () => {
    world = await createWorld();
    const { issue, ticket } = await linked();
    world.org.addAction(ticket.ticketId, {
      actionType: 'Comment',
      creator: 'Jane Doe',
      description: '<p>Once</p>',
    });
    await cycle();
    world.sandbox.advanceClock(2 * 60_000);
    await cycle();
    world.sandbox.advanceClock(5 * 60_000);
    await cycle();
    expect(world.jira.admin.comments(issue.id)).toHaveLength(1);
  });

  it('stays at one comment after a crash between the write and the ledger completion', async () => {
    world = await createWorld();
    const { issue, ticket } = await linked();
    world.org.addAction(ticket.ticketId, {
      actionType: 'Comment',
      creator: 'Jane Doe',
      description: '<p>Crash test</p>',
    });
    const handle = world.sandbox.kvs.handle.bind(world.sandbox.kvs);
    let crashed = false;
    world.sandbox.kvs.handle = (path, body) => {
      if (!crashed && JSON.stringify(body).includes(':comment:')) {
        crashed = true;
        return { status: 503, body: { code: 'SERVICE_UNAVAILABLE', message: 'storage is down' } };
      }
      return handle(path, body);
    };
    await cycle();
    expect(crashed).toBe(true);
    expect(world.jira.admin.comments(issue.id)).toHaveLength(1);
    // Next cycles: the claim is still held, then expires; the take-over finds the comment instead of writing again.
    world.sandbox.advanceClock(60_000);
    await cycle();
    world.sandbox.advanceClock(10 * 60_000);
    await cycle();
    expect(world.jira.admin.comments(issue.id)).toHaveLength(1);
    world.org.addAction(ticket.ticketId, {
      actionType: 'Comment',
      creator: 'Jane Doe',
      description: '<p>After recovery</p>',
    });
    world.sandbox.advanceClock(60_000);
    await cycle();
    expect(world.jira.admin.comments(issue.id)).toHaveLength(2);
  });

  it('never brings back actions the app created from Jira comments', async () => {
    world = await createWorld();
    const { issue, ticket } = await linked();
    world.jira.admin.addComment(users.alice.accountId, issue.id, { body: 'From Jira' });
    await world.sandbox.drain();
    expect(world.appActions(ticket.ticketId)).toHaveLength(1);
    await cycle();
    expect(world.jira.admin.comments(issue.id)).toHaveLength(1);
    expect(appComments(issue.id)).toEqual([]);
  });

  it('pulls only the configured action types and skips the description', async () => {
    world = await createWorld({ instance: { pullActionTypes: ['Comment'] } });
    const { issue, ticket } = await linked();
    world.org.addAction(ticket.ticketId, {
      actionType: 'Email',
      creator: 'Jane Doe',
      description: '<p>Mail</p>',
    });
    world.org.addAction(ticket.ticketId, {
      actionType: 'Comment',
      creator: 'Jane Doe',
      description: '<p>Chat</p>',
    });
    await cycle();
    const comments = world.jira.admin.comments(issue.id);
    expect(comments).toHaveLength(1);
    expect(JSON.stringify(comments[0])).toContain('Chat');
  });

  it('recovers from a 429 storm in Jira and 403 rate limits in TeamSupport without loss or duplicates', async () => {
    world = await createWorld();
    const { issue, ticket } = await linked();
    for (let i = 0; i < 3; i++) {
      world.org.addAction(ticket.ticketId, {
        actionType: 'Comment',
        creator: 'Jane Doe',
        description: `<p>Message ${i}</p>`,
      });
    }
    world.jira.faults.rateLimitNext(3, { retryAfterSeconds: 1, reason: 'jira-per-issue-on-write' });
    world.ts.failNext(1, {
      status: 403,
      body: '{ "Error": "You have exceeded your minute API request limit of 1200."}',
      contentType: 'text/plain',
    });
    // The minute limit resets at the next clock minute: start a second before it so the real wait stays short.
    world.sandbox.advanceClock(60_000 - (Date.now() % 60_000) - 1_000);
    await cycle();
    world.sandbox.advanceClock(6 * 60_000);
    await cycle();
    const texts = world.jira.admin.comments(issue.id).map((c) => JSON.stringify(c));
    expect(texts).toHaveLength(3);
    for (let i = 0; i < 3; i++) expect(texts.filter((t) => t.includes(`Message ${i}`))).toHaveLength(1);
  });
});
