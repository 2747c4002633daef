// Issue 20: escalation and linking can bring a ticket's earlier actions to the issue (the instance's
// copyEarlierActions: on for escalation, off for linking, by default), oldest first, each exactly once, also when
// answers are lost, storage fails after a copy, jobs are redelivered or two pulls run at once.
import { z } from 'zod';
import { createWorld, dataOf, type World } from '../world';
import { linkResultSchema } from '../panel/panel-harness';

const FIELD = 'JiraIssueKey';
const APP_PROPERTY = 'support-ticket-sync';
const COMMENT_POST = { method: 'POST', path: /\/comment$/ } as const;

describe('earlier actions of a ticket that joins an issue', () => {
  let world: World;

  afterEach(async () => {
    expect(world.jira.contractViolations()).toEqual([]);
    await world.close();
  });

  async function cycle(): Promise<void> {
    await world.sandbox.drain();
    world.sandbox.advanceClock(2 * 60_000);
    await world.sandbox.runScheduledTrigger('pull-tickets');
    await world.sandbox.drain();
  }

  /** A ticket with its description and two agent actions, written before anyone asked for an issue. */
  function ticketWithHistory(customFields: Record<string, string> = {}) {
    const ticket = world.org.createTicket({
      name: 'Reports time out for large accounts',
      ticketType: 'Question',
      description: '<p>Reports for 10,000 users never finish.</p>',
      creator: 'Jane Doe',
      customFields,
    });
    world.org.addAction(ticket.ticketId, {
      actionType: 'Comment',
      creator: 'Jane Doe',
      description: '<p>First: the customer sees it since Monday.</p>',
    });
    world.sandbox.advanceClock(60_000);
    world.org.addAction(ticket.ticketId, {
      actionType: 'Comment',
      creator: 'Jane Doe',
      description: '<p>Second: it also fails in the EU region.</p>',
    });
    return ticket;
  }

  const issueIdOf = async (ticket: { ticketId: number }) =>
    (await world.run(() => world.store.links.getByTicket(world.instanceId, String(ticket.ticketId))))
      ?.issueId;

  /** The comments the app wrote on the issue, oldest first, as plain text. */
  const copiedComments = (issueId: string) =>
    world.jira.admin
      .comments(issueId)
      .filter((comment) => JSON.stringify(comment).includes(APP_PROPERTY))
      .map((comment) => JSON.stringify(z.looseObject({ body: z.unknown() }).parse(comment).body));

  async function escalated(ticket: { ticketId: number }): Promise<string> {
    await cycle();
    await cycle();
    const issueId = await issueIdOf(ticket);
    if (issueId === undefined) throw new Error('the ticket was not escalated');
    return issueId;
  }

  it('escalation brings the description and the two earlier actions, oldest first, once', async () => {
    world = await createWorld({ instance: { correlationField: FIELD, defaultProjectKey: 'SUP' } });
    const ticket = ticketWithHistory({ [FIELD]: 'NEW' });

    const issueId = await escalated(ticket);

    const issue = JSON.stringify(
      world.jira.admin.issue(world.org.ticket(ticket.ticketId).customFields[FIELD] ?? ''),
    );
    expect(issue).toContain('Reports for 10,000 users never finish.');
    const comments = copiedComments(issueId);
    expect(comments).toEqual([
      expect.stringContaining('First: the customer sees it since Monday.'),
      expect.stringContaining('Second: it also fails in the EU region.'),
    ]);
    await cycle();
    await cycle();
    expect(copiedComments(issueId)).toHaveLength(2);
  });

  it('copies nothing from before when the instance turns it off for escalation', async () => {
    world = await createWorld({
      instance: {
        correlationField: FIELD,
        defaultProjectKey: 'SUP',
        copyEarlierActions: { onEscalation: false, onLink: false },
      },
    });
    const ticket = ticketWithHistory({ [FIELD]: 'NEW' });

    const issueId = await escalated(ticket);
    await cycle();

    expect(copiedComments(issueId)).toEqual([]);
    // What comes after the link still flows.
    world.org.addAction(ticket.ticketId, {
      actionType: 'Comment',
      creator: 'Jane Doe',
      description: '<p>Third.</p>',
    });
    await cycle();
    expect(copiedComments(issueId)).toEqual([expect.stringContaining('Third.')]);
  });

  it('a ticket linked by key from the ticket side brings nothing from before, by default', async () => {
    world = await createWorld({ instance: { correlationField: FIELD, defaultProjectKey: 'SUP' } });
    const issue = world.createIssue();
    const ticket = ticketWithHistory({ [FIELD]: issue.key });

    expect(await escalated(ticket)).toBe(issue.id);
    await cycle();

    expect(copiedComments(issue.id)).toEqual([]);
  });

  it.each([
    { name: 'off (the default)', option: undefined, expected: 0 },
    { name: 'on', option: { onEscalation: true, onLink: true }, expected: 2 },
  ])(
    'linking from the issue panel with the option $name copies $expected earlier actions',
    async ({ option, expected }) => {
      world = await createWorld({ instance: option === undefined ? {} : { copyEarlierActions: option } });
      const issue = world.createIssue();
      const ticket = ticketWithHistory();
      await cycle();

      dataOf(
        await world.panel(
          'linkTicket',
          { instanceId: world.instanceId, ticket: String(ticket.ticketNumber) },
          { issue },
        ),
        linkResultSchema,
      );
      await cycle();
      await cycle();

      expect(copiedComments(issue.id)).toHaveLength(expected);
    },
  );

  const faults: Array<[string, (world: World) => void, ((world: World) => Promise<void>) | undefined]> = [
    [
      'the first comment applied, its answer lost',
      (w) => w.jira.faults.loseAnswerNext(1, { as: 503, match: COMMENT_POST }),
      undefined,
    ],
    [
      'the connection cut after each comment is written',
      (w) => w.jira.faults.loseAnswerNext(2, { as: 'reset', match: COMMENT_POST }),
      undefined,
    ],
    [
      'the ledger writes after the first copy fail',
      (w) => {
        const handle = w.sandbox.kvs.handle.bind(w.sandbox.kvs);
        let left = 3;
        w.sandbox.kvs.handle = (path, body) => {
          const isWrite = path.endsWith('/set') || path.endsWith('/transaction');
          const copied = w.jira.admin
            .issues()
            .some((issue) =>
              w.jira.admin
                .comments(z.object({ id: z.string() }).parse(issue).id)
                .some((comment) => JSON.stringify(comment).includes(APP_PROPERTY)),
            );
          if (left > 0 && isWrite && copied && JSON.stringify(body).includes('"mirror"')) {
            left -= 1;
            return { status: 503, body: { code: 'SERVICE_UNAVAILABLE', message: 'storage is down' } };
          }
          return handle(path, body);
        };
      },
      undefined,
    ],
    [
      'every job redelivered, two pulls at once',
      (w) => w.jira.onEvent((event) => w.sandbox.emitProductEvent(event)),
      async (w) => {
        for (let round = 0; round < 3; round++) {
          w.sandbox.advanceClock(2 * 60_000);
          await Promise.all([
            w.sandbox.runScheduledTrigger('pull-tickets'),
            w.sandbox.runScheduledTrigger('pull-tickets'),
            w.sandbox.drain(),
          ]);
          w.sandbox.redeliverCompleted();
          await w.sandbox.drain();
        }
      },
    ],
  ];

  it.each(faults)('escalation copies each earlier action once when %s', async (_name, arm, drive) => {
    world = await createWorld({
      instance: { correlationField: FIELD, defaultProjectKey: 'SUP' },
      sandbox: { maxQueueAttempts: 40 },
    });
    // A first quiet cycle sets the pull's watermark, as on a site that has been running.
    await cycle();
    arm(world);
    const ticket = ticketWithHistory({ [FIELD]: 'NEW' });

    if (drive) await drive(world);
    // 16 minutes: a copy whose completion failed is found by its marker once its claim's lease (5.5 min) runs out.
    for (let round = 0; round < 8; round++) await cycle();

    const issueId = await issueIdOf(ticket);
    expect(issueId).toBeDefined();
    expect(copiedComments(issueId ?? '')).toEqual([
      expect.stringContaining('First: the customer sees it since Monday.'),
      expect.stringContaining('Second: it also fails in the EU region.'),
    ]);
    expect(
      world.jira.admin.issues().filter((issue) => JSON.stringify(issue).includes('Reports time out')),
    ).toHaveLength(1);
    // Nothing the app wrote on either side came back.
    expect(
      world.appActions(ticket.ticketId).filter((action) => action.description.includes('(Jira comment ')),
    ).toEqual([]);
  });
});
