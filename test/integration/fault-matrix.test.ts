// Issue 14: every write that must happen once, through every fault point. Faults are injected where they happen in
// production: in the Jira and TeamSupport emulators (before the write, write applied and answer lost, connection cut,
// unreadable success, failing recovery reads) and in the KVS emulator (the ledger write after the copy fails). Each row
// asserts exactly one copy on the target and no echo after two more cycles (docs/reliability.md).
import { z } from 'zod';
import { createWorld, users, type World } from './world';

const FIELD = 'JiraIssueKey';
const APP_PROPERTY = 'support-ticket-sync';

type Target = 'ticket-action' | 'jira-comment' | 'jira-issue';

interface Scenario {
  /** the change on the source side that asks for the copy */
  act(): Promise<void>;
  /** copies on the target */
  copies(): number;
  /** copies of the app's own writes that came back to the source side */
  echoes(): number;
}

interface Site {
  name: string;
  target: Target;
  instance?: Record<string, unknown>;
  prepare(world: World): Promise<Scenario>;
}

const appComments = (world: World, issueId: string) =>
  world.jira.admin.comments(issueId).filter((comment) => JSON.stringify(comment).includes(APP_PROPERTY));
const appActionsLike = (world: World, ticketId: number, text: string) =>
  world.appActions(ticketId).filter((action) => action.description.includes(text)).length;

async function linkedPair(world: World) {
  const issue = world.createIssue();
  const ticket = world.createTicket();
  await world.link(issue, ticket);
  return { issue, ticket };
}

const sites: Site[] = [
  {
    name: 'comment → action',
    target: 'ticket-action',
    async prepare(world) {
      const { issue, ticket } = await linkedPair(world);
      return {
        act: async () => {
          world.jira.admin.addComment(users.alice.accountId, issue.id, { body: 'Please call the customer' });
        },
        copies: () => appActionsLike(world, ticket.ticketId, '(Jira comment '),
        echoes: () => appComments(world, issue.id).length,
      };
    },
  },
  {
    name: 'action → comment',
    target: 'jira-comment',
    async prepare(world) {
      const { issue, ticket } = await linkedPair(world);
      return {
        act: async () => {
          world.org.addAction(ticket.ticketId, {
            actionType: 'Comment',
            creator: 'Jane Doe',
            description: '<p>It still fails after the update.</p>',
          });
        },
        copies: () => appComments(world, issue.id).length,
        echoes: () => appActionsLike(world, ticket.ticketId, '(Jira comment '),
      };
    },
  },
  {
    name: 'status note',
    target: 'ticket-action',
    instance: { updateTicketStatus: false },
    async prepare(world) {
      const { issue, ticket } = await linkedPair(world);
      return {
        act: async () => {
          world.jira.admin.transitionIssue(users.alice.accountId, issue.id, { toStatus: 'In Progress' });
        },
        copies: () => appActionsLike(world, ticket.ticketId, 'status changed from'),
        echoes: () => appComments(world, issue.id).length,
      };
    },
  },
  {
    name: 'deletion note',
    target: 'ticket-action',
    async prepare(world) {
      const { issue, ticket } = await linkedPair(world);
      return {
        act: async () => {
          world.jira.admin.deleteIssue(users.alice.accountId, issue.id);
        },
        copies: () => appActionsLike(world, ticket.ticketId, 'was deleted'),
        // The issue is gone: an echo would be an attempt to copy the note back, logged as action-to-comment.
        echoes: () => 0,
      };
    },
  },
  {
    name: 'link note (ticket side)',
    target: 'ticket-action',
    instance: { correlationField: FIELD, defaultProjectKey: 'SUP' },
    async prepare(world) {
      const issue = world.createIssue();
      const ticket = world.createTicket();
      return {
        act: async () => {
          world.org.setCustomField(ticket.ticketId, FIELD, issue.key);
        },
        copies: () => appActionsLike(world, ticket.ticketId, 'linked to Jira issue'),
        echoes: () => appComments(world, issue.id).length,
      };
    },
  },
  {
    name: 'release note',
    target: 'ticket-action',
    async prepare(world) {
      const { issue, ticket } = await linkedPair(world);
      const version = world.jira.admin.createVersion('SUP', {
        name: `9.${Math.floor(Math.random() * 1000)}`,
      });
      world.jira.admin.setFixVersions(users.alice.accountId, issue.id, [version.id]);
      await world.sandbox.drain();
      return {
        act: async () => {
          world.jira.admin.releaseVersion(users.alice.accountId, version.id, { releaseDate: '2025-10-01' });
        },
        copies: () => appActionsLike(world, ticket.ticketId, 'Fixed in '),
        echoes: () => appComments(world, issue.id).length,
      };
    },
  },
  {
    name: 'escalation issue',
    target: 'jira-issue',
    instance: { correlationField: FIELD, defaultProjectKey: 'SUP' },
    async prepare(world) {
      const name = `Escalated ${Math.random().toString(36).slice(2, 8)}`;
      let ticketId = 0;
      const issues = () =>
        world.jira.admin
          .issues()
          .filter((issue) => JSON.stringify(issue).includes(name))
          .map((issue) => z.object({ id: z.string() }).parse(issue));
      return {
        act: async () => {
          ticketId = world.org.createTicket({
            name,
            ticketType: 'Question',
            description: '<p>Please escalate.</p>',
            creator: 'Jane Doe',
            customFields: { [FIELD]: 'NEW' },
          }).ticketId;
        },
        copies: () => issues().length,
        echoes: () =>
          issues().reduce((sum, issue) => sum + appComments(world, issue.id).length, 0) +
          (ticketId === 0 ? 0 : appActionsLike(world, ticketId, '(Jira comment ')),
      };
    },
  },
];

const WRITE = {
  'ticket-action': { method: 'POST', path: /\/actions$/i },
  'jira-comment': { method: 'POST', path: /\/comment$/ },
  'jira-issue': { method: 'POST', path: /^\/rest\/api\/3\/issue$/ },
} as const;

/** Fails the next `count` reads that look for a copy on the target, with an immediate retry allowed. */
function failRecoveryReads(world: World, target: Target, count: number) {
  if (target === 'ticket-action') {
    world.ts.failNext(count, {
      status: 503,
      body: 'Service Unavailable',
      headers: { 'Retry-After': '0' },
      method: 'GET',
      pathIncludes: '/actions',
    });
  } else if (target === 'jira-comment') {
    world.jira.faults.rateLimitNext(count, {
      retryAfterSeconds: 0,
      match: { method: 'GET', path: /\/comment$/ },
    });
  } else {
    world.jira.faults.rateLimitNext(count, {
      retryAfterSeconds: 0,
      match: { method: 'POST', path: '/rest/api/3/search/jql' },
    });
  }
}

function loseAnswer(world: World, target: Target, as: 503 | 'reset') {
  if (target === 'ticket-action') {
    world.ts.failNext(1, {
      ...(as === 'reset' ? { dropConnection: true } : { status: 503, body: 'Bad Gateway' }),
      method: 'POST',
      pathIncludes: '/actions',
      phase: 'after',
    });
  } else {
    world.jira.faults.loseAnswerNext(1, { as, match: WRITE[target] });
  }
}

/** The next mirror-ledger writes after the copy exists on the target fail, as if storage went down right then. */
function failLedgerAfterWrite(world: World, written: () => boolean, count: number) {
  const handle = world.sandbox.kvs.handle.bind(world.sandbox.kvs);
  let left = count;
  world.sandbox.kvs.handle = (path, body) => {
    const isWrite = path.endsWith('/set') || path.endsWith('/transaction');
    if (left > 0 && isWrite && JSON.stringify(body).includes('"mirror"') && written()) {
      left -= 1;
      return { status: 503, body: { code: 'SERVICE_UNAVAILABLE', message: 'storage is down' } };
    }
    return handle(path, body);
  };
}

interface Fault {
  name: string;
  /** set up before the act; may return work to do instead of a plain settle */
  arm(world: World, target: Target, scenario: Scenario): void;
  /** how the work is driven after the act (default: settle) */
  drive?(world: World): Promise<void>;
}

/** Runs everything that is due, and pull cycles with time passing, until the sync is quiet. */
async function settle(world: World, cycles = 4): Promise<void> {
  for (let i = 0; i < cycles; i++) {
    await world.sandbox.drain();
    world.sandbox.advanceClock(2 * 60_000);
    await world.sandbox.runScheduledTrigger('pull-tickets');
  }
  await world.sandbox.drain();
}

const faults: Fault[] = [
  { name: 'no fault', arm: () => undefined },
  {
    name: 'a 503 before the write',
    arm: (world, target) => {
      if (target === 'ticket-action') {
        world.ts.failNext(1, {
          status: 503,
          body: 'Service Unavailable',
          method: 'POST',
          pathIncludes: '/actions',
        });
      } else {
        world.jira.faults.failNext(1, { status: 503, match: WRITE[target] });
      }
    },
  },
  { name: 'write applied, answer lost (503)', arm: (world, target) => loseAnswer(world, target, 503) },
  { name: 'write applied, connection cut', arm: (world, target) => loseAnswer(world, target, 'reset') },
  {
    name: 'write applied, unreadable success body',
    arm: (world, target) => {
      if (target === 'ticket-action') {
        world.ts.failNext(1, {
          status: 200,
          body: '{"Action":',
          contentType: 'application/json',
          method: 'POST',
          pathIncludes: '/actions',
          phase: 'after',
        });
      } else {
        world.jira.faults.unreadableSuccessNext(1, { match: WRITE[target] });
      }
    },
  },
  {
    name: 'answer lost, then the recovery reads fail 40 times',
    arm: (world, target) => {
      loseAnswer(world, target, 503);
      failRecoveryReads(world, target, 40);
    },
  },
  {
    name: 'write applied, the ledger writes after it fail',
    arm: (world, _target, scenario) => failLedgerAfterWrite(world, () => scenario.copies() > 0, 3),
  },
  {
    name: 'redelivery ×3',
    arm: () => undefined,
    drive: async (world) => {
      await settle(world);
      for (let i = 0; i < 3; i++) {
        world.sandbox.redeliverCompleted();
        await world.sandbox.drain();
        await world.sandbox.runScheduledTrigger('pull-tickets');
        await world.sandbox.drain();
      }
    },
  },
  {
    name: 'two workers at once',
    arm: (world) => {
      // Every Jira event reaches the app twice, and two pulls run side by side.
      world.jira.onEvent((event) => world.sandbox.emitProductEvent(event));
    },
    drive: async (world) => {
      await Promise.all([
        world.sandbox.runScheduledTrigger('pull-tickets'),
        world.sandbox.runScheduledTrigger('pull-tickets'),
        world.sandbox.drain(),
      ]);
      await settle(world);
    },
  },
];

describe('fault matrix: every copy-once site, every fault point', () => {
  let world: World | undefined;

  afterEach(async () => {
    await world?.close();
    world = undefined;
  });

  const rows = sites.flatMap((site) => faults.map((fault) => [site.name, fault.name, site, fault] as const));

  it.each(rows)('%s · %s → exactly one copy, no echo', async (_site, _fault, site, fault) => {
    world = await createWorld(site.instance ? { instance: site.instance } : {});
    const scenario = await site.prepare(world);
    // A first quiet cycle sets the pull's watermark, as on a site that has been running.
    await world.sandbox.runScheduledTrigger('pull-tickets');
    fault.arm(world, site.target, scenario);
    await scenario.act();
    await (fault.drive ?? settle)(world);
    expect(scenario.copies()).toBe(1);
    // Two more cycles: nothing the app wrote comes back.
    await settle(world, 2);
    expect(scenario.copies()).toBe(1);
    expect(scenario.echoes()).toBe(0);
    expect(world.jira.contractViolations()).toEqual([]);
  });
});

describe('fault matrix: what cannot be finished is reported, never written twice', () => {
  let world: World | undefined;

  afterEach(async () => {
    await world?.close();
    world = undefined;
  });

  it('an action whose answer was lost and whose look-ups keep failing becomes an error with Retry, not a second action', async () => {
    world = await createWorld({ sandbox: { maxQueueAttempts: 40 } });
    const { issue, ticket } = await linkedPair(world);
    loseAnswer(world, 'ticket-action', 503);
    failRecoveryReads(world, 'ticket-action', 100_000);
    world.jira.admin.addComment(users.alice.accountId, issue.id, { body: 'Reach the customer today' });
    await world.sandbox.drain({ maxRounds: 200 });
    expect(appActionsLike(world, ticket.ticketId, '(Jira comment ')).toBe(1);
    const errors = (await world.syncLog()).filter((entry) => entry.level === 'error');
    expect(errors).toEqual([
      expect.objectContaining({ operation: 'comment-to-action', retry: expect.anything(), status: 'open' }),
    ]);
    expect(world.sandbox.queue.deadLetters).toEqual([]);
  });

  it('a comment whose answer was lost and whose look-ups keep failing is given up with Retry, not written twice', async () => {
    world = await createWorld({ sandbox: { maxQueueAttempts: 40 } });
    const { issue, ticket } = await linkedPair(world);
    await world.sandbox.runScheduledTrigger('pull-tickets');
    loseAnswer(world, 'jira-comment', 503);
    world.jira.faults.rateLimitMatching({ method: 'GET', path: /\/comment$/ }, { retryAfterSeconds: 0 });
    world.org.addAction(ticket.ticketId, {
      actionType: 'Comment',
      creator: 'Jane Doe',
      description: '<p>Hi</p>',
    });
    await settle(world);
    await world.sandbox.drain({ maxRounds: 200 });
    expect(appComments(world, issue.id)).toHaveLength(1);
    const errors = (await world.syncLog()).filter((entry) => entry.level === 'error');
    expect(errors.map((entry) => entry.message).join('\n')).toMatch(/Gave up syncing ticket/);
    expect(errors.every((entry) => entry.retry !== undefined)).toBe(true);
  });

  it('one ticket that always fails does not hold up the others: five sync in the first cycle, one is reported', async () => {
    world = await createWorld();
    const pairs = [];
    for (let i = 0; i < 6; i++) pairs.push(await linkedPair(world));
    await world.sandbox.runScheduledTrigger('pull-tickets');
    const failing = pairs[2];
    if (!failing) throw new Error('six pairs expected');
    world.ts.failNext(100_000, {
      status: 503,
      body: 'Service Unavailable',
      headers: { 'Retry-After': '0' },
      method: 'GET',
      pathIncludes: `/tickets/${failing.ticket.ticketId}/actions`,
    });
    for (const { ticket } of pairs) {
      world.org.addAction(ticket.ticketId, {
        actionType: 'Comment',
        creator: 'Jane Doe',
        description: '<p>Update</p>',
      });
    }
    world.sandbox.advanceClock(60_000);
    await world.sandbox.runScheduledTrigger('pull-tickets');
    for (const pair of pairs) {
      expect(appComments(world, pair.issue.id)).toHaveLength(pair === failing ? 0 : 1);
    }
    const { store } = world;
    const report = (await world.run(() => store.syncLog.list({ level: 'error' }))).entries;
    expect(report).toEqual([
      expect.objectContaining({
        ticketId: String(failing.ticket.ticketId),
        retry: { kind: 'inbound', payload: expect.objectContaining({ kind: 'retry-ticket' }) },
      }),
    ]);
  });

  it('a Jira 429 that never clears for one issue is logged in the first cycle it blocks, then given up with Retry', async () => {
    world = await createWorld({ sandbox: { maxQueueAttempts: 40 } });
    const blocked = await linkedPair(world);
    const other = await linkedPair(world);
    await world.sandbox.runScheduledTrigger('pull-tickets');
    world.jira.faults.rateLimitMatching(
      { method: 'POST', path: `/rest/api/3/issue/${blocked.issue.id}/comment` },
      { retryAfterSeconds: 0, reason: 'jira-per-issue-on-write' },
    );
    for (const { ticket } of [blocked, other]) {
      world.org.addAction(ticket.ticketId, {
        actionType: 'Comment',
        creator: 'Jane Doe',
        description: '<p>Ping</p>',
      });
    }
    world.sandbox.advanceClock(60_000);
    await world.sandbox.runScheduledTrigger('pull-tickets');
    expect(appComments(world, other.issue.id)).toHaveLength(1);
    expect(appComments(world, blocked.issue.id)).toHaveLength(0);
    const firstCycle = (await world.syncLog()).filter((entry) => entry.level === 'error');
    expect(firstCycle).toEqual([
      expect.objectContaining({
        ticketId: String(blocked.ticket.ticketId),
        message: expect.stringMatching(/429/),
      }),
    ]);
    await world.sandbox.drain({ maxRounds: 200 });
    const messages = (await world.syncLog())
      .filter((entry) => entry.level === 'error')
      .map((entry) => entry.message);
    expect(messages.join('\n')).toMatch(/Gave up syncing ticket/);
    expect(appComments(world, blocked.issue.id)).toHaveLength(0);
  });
});
