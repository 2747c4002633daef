// Issue 18: an outbound comment costs one Jira read — a Jira expression answering the issue's key and security level
// and the comment's visibility and properties (src/jira/comment-expression.ts) — and privacy still fails closed
// through it (invariant 3). When Jira will not evaluate the expression, the two REST reads decide instead.
import { createWorld, users, type World } from '../world';

const EVALUATE = 'evaluateJSISJiraExpression';

describe('outbound comments: one Jira read', () => {
  let world: World;

  afterEach(async () => {
    expect(world.jira.contractViolations()).toEqual([]);
    await world.close();
  });

  async function linkedIssue(ticketCount = 1) {
    const issue = world.createIssue();
    const tickets = Array.from({ length: ticketCount }, () => world.createTicket());
    for (const ticket of tickets) await world.link(issue, ticket);
    world.jira.resetRequestLog();
    return { issue, tickets };
  }

  /** The Jira reads the outbound flow made since the log was reset, by operation. */
  function commentReads(): string[] {
    return world.jira
      .requestLog()
      .map((entry) => entry.operationId ?? `${entry.method} ${entry.path}`)
      .filter((operation) => [EVALUATE, 'getComment', 'getIssue'].includes(operation));
  }

  it('reads Jira once per comment, whatever the number of linked tickets', async () => {
    world = await createWorld();
    const { issue, tickets } = await linkedIssue(3);
    world.jira.admin.addComment(users.alice.accountId, issue.id, { body: 'Fixed in 2.0.1.' });
    await world.sandbox.drain();
    for (const ticket of tickets) {
      const actions = world.appActions(ticket.ticketId);
      expect(actions).toHaveLength(1);
      expect(actions[0]?.description).toContain(`on ${issue.key}`);
      expect(actions[0]?.description).toContain('Fixed in 2.0.1.');
      expect(actions[0]?.description).toContain(users.alice.displayName);
    }
    expect(commentReads()).toEqual([EVALUATE]);
  });

  it.each([
    [
      'a role-restricted comment',
      { visibility: { type: 'role' as const, value: 'Developers' } },
      /restricted to the role "Developers"/,
    ],
    ['a JSM internal note', { internal: true }, /internal note/],
  ])('never sends %s, deciding from the one read', async (_name, extra, reason) => {
    world = await createWorld();
    const { issue, tickets } = await linkedIssue();
    world.jira.admin.addComment(users.alice.accountId, issue.id, { body: 'Private', ...extra });
    await world.sandbox.drain();
    expect(world.appActions(tickets[0]?.ticketId ?? 0)).toEqual([]);
    expect((await world.syncLog()).map((entry) => [entry.level, entry.message])).toEqual([
      ['warn', expect.stringMatching(reason)],
    ]);
    expect(commentReads()).toEqual([EVALUATE]);
  });

  it('never sends a comment on an issue with a security level, deciding from the one read', async () => {
    world = await createWorld();
    const { issue, tickets } = await linkedIssue();
    world.jira.admin.setSecurityLevel(issue.key, { id: '10100', name: 'Staff only' });
    world.jira.admin.addComment(users.alice.accountId, issue.id, { body: 'About a secured issue' });
    await world.sandbox.drain();
    expect(world.appActions(tickets[0]?.ticketId ?? 0)).toEqual([]);
    expect((await world.syncLog()).map((entry) => [entry.level, entry.message])).toEqual([
      ['warn', expect.stringMatching(/the issue has the security level "Staff only"/)],
    ]);
    expect(commentReads()).toEqual([EVALUATE]);
  });

  it('reads again after an answer lost on its way back, and still copies once', async () => {
    world = await createWorld();
    const { issue, tickets } = await linkedIssue(2);
    world.jira.faults.loseAnswerNext(1, { match: { path: '/rest/api/3/expression/evaluate' } });
    world.jira.admin.addComment(users.alice.accountId, issue.id, { body: 'Through a lost answer' });
    await world.sandbox.drain();
    for (const ticket of tickets) expect(world.appActions(ticket.ticketId)).toHaveLength(1);
    expect(world.jira.requestLog().filter((entry) => entry.fault === 'answer-lost')).toHaveLength(1);
    expect(commentReads()).toEqual([EVALUATE, EVALUATE]);
  });

  it('tells a deleted comment from one the expression did not see, with one more read', async () => {
    world = await createWorld();
    const { issue, tickets } = await linkedIssue();
    const comment = world.jira.admin.addComment(users.alice.accountId, issue.id, { body: 'Gone soon' });
    world.jira.admin.deleteComment(users.alice.accountId, comment.id);
    await world.sandbox.drain();
    expect(world.appActions(tickets[0]?.ticketId ?? 0)).toEqual([]);
    expect((await world.syncLog()).map((entry) => entry.message)).toContain(
      'The comment was deleted before it could be synced.',
    );
    expect(commentReads()).toEqual([EVALUATE, 'getComment']);
  });

  it('falls back to reading the comment and the issue when Jira will not evaluate the expression', async () => {
    world = await createWorld();
    const { issue, tickets } = await linkedIssue();
    // 3,500 comments make filtering them for one take more than Jira's 10,000 steps. Written as the app, so their
    // events are dropped (ignoreSelf) and only the two comments below reach the sync.
    for (let n = 0; n < 3_500; n++) world.jira.admin.addComment('app', issue.id, { body: `Old ${n}` });
    world.jira.admin.addComment(users.alice.accountId, issue.id, {
      body: 'Restricted among many',
      visibility: { type: 'group', value: 'jira-administrators' },
    });
    world.jira.admin.addComment(users.alice.accountId, issue.id, { body: 'Public among many' });
    await world.sandbox.drain();
    const actions = world.appActions(tickets[0]?.ticketId ?? 0);
    expect(actions.map((action) => action.description)).toEqual([
      expect.stringContaining('Public among many'),
    ]);
    expect((await world.syncLog()).map((entry) => [entry.level, entry.message])).toContainEqual([
      'warn',
      expect.stringMatching(/restricted to the group "jira-administrators"/),
    ]);
    const refused = world.jira.requestLog().filter((entry) => entry.operationId === EVALUATE);
    expect(refused.map((entry) => entry.status)).toEqual([400, 400]);
    expect(
      commentReads()
        .filter((operation) => operation !== EVALUATE)
        .sort(),
    ).toEqual(['getComment', 'getComment', 'getIssue', 'getIssue']);
  });
});
