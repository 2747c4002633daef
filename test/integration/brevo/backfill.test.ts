// Issue 17: "Send the last N days" for a Brevo account, through the admin page's resolvers and the real queue consumer
// against the Jira and Brevo emulators: every issue of the window has its events sent once, page by page; nothing the
// live flow sent is sent again (nor the other way round); a failure leaves the run failed or retrying with its
// progress kept, and resuming finishes it without sending anything twice.
import { z } from 'zod';
import { DEFAULT_ACCOUNT } from '../../../sandbox/brevo';
import { createWorld, dataOf, errorOf, users, type World } from '../world';

const DAY_MS = 24 * 60 * 60 * 1000;

const runSchema = z.strictObject({
  runId: z.string(),
  days: z.number(),
  since: z.string(),
  state: z.enum(['running', 'done', 'failed']),
  startedAt: z.string(),
  updatedAt: z.string(),
  processedIssues: z.number(),
  sentEvents: z.number(),
  skippedEvents: z.number(),
  lastError: z.string().nullable(),
});
const runData = z.strictObject({ run: runSchema });
const maybeRunData = z.strictObject({ run: runSchema.nullable() });

describe('Brevo: backfill of the last N days', () => {
  let world: World;
  let accountId: string;

  beforeEach(async () => {
    world = await createWorld({ brevo: { appAttributes: true } });
    // Brevo's 10 event requests a second would be waited out in real time; the live flow's tests cover its 429s.
    const unlimited = { perSecond: null, perHour: null };
    world.brevo.setRateLimits({ events: unlimited, contacts: unlimited });
  });

  afterEach(async () => {
    expect(world.jira.contractViolations()).toEqual([]);
    expect(world.brevo.contractViolations()).toEqual([]);
    await world.close();
  });

  async function addAccount(settings: Record<string, unknown> = {}) {
    const saved = await world.run(() =>
      world.store.config.saveBrevoAccount({
        kind: 'brevo',
        name: 'Acme CRM',
        apiKey: DEFAULT_ACCOUNT.apiKey,
        active: true,
        projects: ['SUP'],
        ...settings,
      }),
    );
    if (!saved.ok) throw new Error(`Brevo account rejected: ${JSON.stringify(saved)}`);
    accountId = saved.instance.id;
  }

  /**
   * Jira activity from before the account existed: `count` issues by alice, every third one moved to In Progress and
   * every fifth one commented on. Returns how many events the live flow would have sent for them.
   */
  async function pastActivity(count: number): Promise<number> {
    let events = 0;
    for (let i = 0; i < count; i++) {
      const issue = world.createIssue(`Past issue ${i}`);
      events += 1;
      if (i % 3 === 0) {
        world.jira.admin.transitionIssue(users.alice.accountId, issue.id, { toStatus: 'In Progress' });
        events += 1;
      }
      if (i % 5 === 0) {
        world.jira.admin.addComment(users.alice.accountId, issue.id, { body: `Update on ${i}` });
        events += 1;
      }
    }
    await world.sandbox.drain();
    return events;
  }

  const start = async (days: number) =>
    dataOf(await world.admin('startBrevoBackfill', { id: accountId, days }), runData).run;
  const current = async () =>
    dataOf(await world.admin('getBrevoBackfill', { id: accountId }), maybeRunData).run;
  const timeline = () => world.brevo.account().events({ email: 'alice@example.com' });
  const named = (name: string) => timeline().filter((event) => event.name === name);
  /** Each event on Brevo once: no two with the same sync_ref. */
  const duplicates = () => {
    const refs = timeline().map((event) => String(event.properties.sync_ref));
    return refs.filter((ref, index) => refs.indexOf(ref) !== index);
  };

  it('sends every event of the window once, page by page, and nothing older', async () => {
    world.createIssue('Older than the window');
    await world.sandbox.drain();
    world.sandbox.advanceClock(40 * DAY_MS);
    const expected = await pastActivity(60);
    const restricted = world.createIssue('Has a private comment');
    world.jira.admin.addComment(users.alice.accountId, restricted.id, {
      body: 'Between us',
      visibility: { type: 'role', value: 'Developers' },
    });
    await world.sandbox.drain();
    await addAccount();

    const started = await start(30);
    expect(started).toMatchObject({
      state: 'running',
      days: 30,
      processedIssues: 0,
      sentEvents: 0,
      lastError: null,
    });
    expect(Date.parse(started.startedAt) - Date.parse(started.since)).toBe(30 * DAY_MS);
    await world.sandbox.drain();

    const run = await current();
    // 61 issues in the window (two pages of 50), each with its creation; the private comment stays in Jira.
    expect(run).toMatchObject({
      state: 'done',
      processedIssues: 61,
      sentEvents: expected + 1,
      lastError: null,
    });
    expect(run?.skippedEvents).toBe(1);
    expect(named('jira_issue_created')).toHaveLength(61);
    expect(named('jira_issue_status_changed')).toHaveLength(20);
    expect(named('jira_comment_added').map((event) => event.properties.comment)).not.toContain('Between us');
    expect(named('jira_comment_added')).toHaveLength(12);
    expect(timeline().map((event) => event.properties.summary)).not.toContain('Older than the window');
    expect(duplicates()).toEqual([]);
    // The events are the live flow's: same names, properties and dates of the Jira events they stand for.
    const [moved] = named('jira_issue_status_changed').filter(
      (event) => event.properties.summary === 'Past issue 3',
    );
    expect(moved?.properties).toMatchObject({
      from_status: 'To Do',
      to_status: 'In Progress',
      project: 'SUP',
    });
    expect(String(moved?.properties.sync_ref)).toMatch(/^\d+:change-\d+:statusChanged$/);
    // Two pages: two consumer invocations of the backfill, each within its time.
    const pages = world.sandbox.accounting.invocations({ functionKey: 'outbound-worker' });
    expect(pages.filter((invocation) => invocation.outcome === 'ok').length).toBeGreaterThanOrEqual(2);
  });

  it('never sends again what the live flow sent, and a second run over the same days sends nothing new', async () => {
    await addAccount();
    const issue = world.createIssue('Live issue');
    world.jira.admin.addComment(users.alice.accountId, issue.id, { body: 'Live comment' });
    await world.sandbox.drain();
    expect(timeline()).toHaveLength(2);

    await start(1);
    await world.sandbox.drain();
    expect(await current()).toMatchObject({
      state: 'done',
      processedIssues: 1,
      sentEvents: 0,
      skippedEvents: 2,
    });

    world.sandbox.advanceClock(60_000);
    await start(1);
    await world.sandbox.drain();
    expect(await current()).toMatchObject({
      state: 'done',
      processedIssues: 1,
      sentEvents: 0,
      skippedEvents: 2,
    });
    // The live flow's jobs delivered again send nothing either.
    world.sandbox.redeliverCompleted();
    await world.sandbox.drain();
    expect(timeline()).toHaveLength(2);
    expect(duplicates()).toEqual([]);
  });

  it('sends a Jira event once when the live flow and the backfill handle it at the same time', async () => {
    await pastActivity(3);
    await addAccount();
    const issue = world.createIssue('Both at once');
    world.jira.admin.addComment(users.alice.accountId, issue.id, { body: 'Racing' });
    // The live trigger's events and the backfill's page are delivered in the same round.
    await world.admin('startBrevoBackfill', { id: accountId, days: 1 });
    await world.sandbox.drain();
    expect(named('jira_comment_added').filter((event) => event.properties.comment === 'Racing')).toHaveLength(
      1,
    );
    expect(named('jira_issue_created')).toHaveLength(4);
    expect(duplicates()).toEqual([]);
    expect(await current()).toMatchObject({ state: 'done', processedIssues: 4 });
  });

  it('fails with its progress kept under a Brevo 5xx storm, and resuming finishes it without sending anything twice', async () => {
    const expected = await pastActivity(60);
    await addAccount();
    await start(7);
    // The first page only: the run is under way when Brevo starts failing.
    await expect(world.sandbox.drain({ maxRounds: 0 })).rejects.toThrow(/did not settle/);
    const before = await current();
    expect(before).toMatchObject({ state: 'running', processedIssues: 50 });
    const sentBefore = timeline().length;
    expect(sentBefore).toBe(before?.sentEvents);

    world.brevo.failNext(1_000, { status: 503, method: 'POST', pathIncludes: '/v3/events' });
    await world.sandbox.drain();
    const failed = await current();
    expect(failed).toMatchObject({ state: 'failed', processedIssues: 50, sentEvents: sentBefore });
    expect(failed?.lastError).toMatch(/Gave up after repeated failures/);
    expect(timeline()).toHaveLength(sentBefore);

    world.brevo.clearFaults();
    const resumed = dataOf(await world.admin('resumeBrevoBackfill', { id: accountId }), runData).run;
    expect(resumed).toMatchObject({ state: 'running', runId: before?.runId, processedIssues: 50 });
    await world.sandbox.drain();
    expect(await current()).toMatchObject({
      state: 'done',
      processedIssues: 60,
      sentEvents: expected,
      lastError: null,
    });
    expect(timeline()).toHaveLength(expected);
    expect(duplicates()).toEqual([]);
  });

  it('keeps running through lost answers and failing Jira searches, and sends each event once', async () => {
    const expected = await pastActivity(12);
    await addAccount();
    world.brevo.loseAnswerNext(2, { method: 'POST', pathIncludes: '/v3/events' });
    // More failures than the Jira client's own retries absorb: the queue job is retried.
    world.jira.faults.failNext(7, { status: 503, match: { method: 'POST', path: '/rest/api/3/search/jql' } });
    await start(7);
    await expect(world.sandbox.drain({ maxRounds: 0 })).rejects.toThrow(/did not settle/);
    const retrying = await current();
    expect(retrying).toMatchObject({ state: 'running', processedIssues: 0 });
    expect(retrying?.lastError).toMatch(/503/);

    await world.sandbox.drain();
    expect(world.brevo.pendingFaults()).toBe(0);
    expect(await current()).toMatchObject({
      state: 'done',
      processedIssues: 12,
      sentEvents: expected,
      lastError: null,
    });
    expect(timeline()).toHaveLength(expected);
    expect(duplicates()).toEqual([]);
  });

  it('refuses a second run while one is running, and lets a stalled one be resumed', async () => {
    const expected = await pastActivity(2);
    await addAccount();
    const first = await start(3);
    const refused = errorOf(await world.admin('startBrevoBackfill', { id: accountId, days: 5 }));
    expect(refused.code).toBe('ALREADY_RUNNING');
    expect(refused.message).toMatch(/running/);
    expect(errorOf(await world.admin('resumeBrevoBackfill', { id: accountId })).code).toBe('ALREADY_RUNNING');

    // Its job lost (the queue is never drained), the run stalls; after half an hour it may be resumed.
    world.sandbox.advanceClock(31 * 60 * 1000);
    const resumed = dataOf(await world.admin('resumeBrevoBackfill', { id: accountId }), runData).run;
    expect(resumed.runId).toBe(first.runId);
    await world.sandbox.drain();
    expect(await current()).toMatchObject({ state: 'done', processedIssues: 2, sentEvents: expected });
    expect(duplicates()).toEqual([]);
    expect(errorOf(await world.admin('resumeBrevoBackfill', { id: accountId })).code).toBe('NOT_RETRYABLE');
  });

  it('checks the caller, the account and the number of days', async () => {
    await addAccount();
    expect(dataOf(await world.admin('getBrevoBackfill', { id: accountId }), maybeRunData).run).toBeNull();
    for (const key of ['startBrevoBackfill', 'resumeBrevoBackfill', 'getBrevoBackfill']) {
      expect(errorOf(await world.admin(key, { id: accountId, days: 3 }, users.bob.accountId)).code).toBe(
        'FORBIDDEN',
      );
    }
    for (const days of [0, 91, 2.5, '7']) {
      expect(errorOf(await world.admin('startBrevoBackfill', { id: accountId, days })).code).toBe(
        'INVALID_INPUT',
      );
    }
    expect(errorOf(await world.admin('startBrevoBackfill', { id: world.instanceId, days: 3 })).code).toBe(
      'NOT_FOUND',
    );
    expect(errorOf(await world.admin('resumeBrevoBackfill', { id: accountId })).code).toBe('NOT_FOUND');
    await world.run(async () => {
      const views = await world.store.config.listInstanceViews();
      const view = views.ok ? views.brevoAccounts.find((account) => account.id === accountId) : undefined;
      if (!view) throw new Error('account not found');
      const { hasApiKey: _key, createdAt: _created, updatedAt: _updated, ...settings } = view;
      await world.store.config.saveBrevoAccount({ ...settings, active: false });
    });
    expect(errorOf(await world.admin('startBrevoBackfill', { id: accountId, days: 3 })).code).toBe(
      'INSTANCE_INACTIVE',
    );
  });
});
