// Issue 17: the daily team capacity of a Brevo account, through the real scheduled trigger and queue consumer against
// the Jira and Brevo emulators: each assignee's open and recently resolved issues as contact attributes, one
// `jira_team_capacity` event per project and day on the lead's contact, and a cost in Jira requests that does not grow
// with the number of issues.
import { z } from 'zod';
import { DEFAULT_ACCOUNT } from '../../../sandbox/brevo';
import { runBrevoAccountJob } from '../../../src/entry/brevo-account-jobs';
import { createWorld, dataOf, users, type World } from '../world';

const DAY_MS = 24 * 60 * 60 * 1000;
const carol = { accountId: '712020:carol', displayName: 'Carol Chen', emailAddress: 'carol@example.com' };
const dan = { accountId: '712020:dan', displayName: 'Dan Dark', emailAddress: 'dan@example.com' };

/** What the test put into Jira, to work the expected figures out on its own. */
interface Seeded {
  project: string;
  assignee: string | null;
  open: boolean;
  createdRecently: boolean;
  resolvedRecently: boolean;
}

describe('Brevo: daily team capacity', () => {
  let world: World;
  let accountId: string;
  const seeded: Seeded[] = [];

  afterEach(async () => {
    expect(world.jira.contractViolations()).toEqual([]);
    expect(world.brevo.contractViolations()).toEqual([]);
    await world.close();
    seeded.length = 0;
  });

  async function withAccount(settings: Record<string, unknown> = {}) {
    world = await createWorld({ brevo: { appAttributes: true } });
    world.jira.admin.addUser({ ...carol, emailVisible: true });
    world.jira.admin.addUser({ ...dan, emailVisible: false });
    const saved = await world.run(() =>
      world.store.config.saveBrevoAccount({
        kind: 'brevo',
        name: 'Acme CRM',
        apiKey: DEFAULT_ACCOUNT.apiKey,
        active: true,
        projects: ['SUP', 'DEV'],
        // Only capacity: the issues seeded below send no issue events, so the timelines hold capacity alone.
        events: {
          issueCreated: false,
          issueUpdated: false,
          issueResolved: false,
          statusChanged: false,
          commentAdded: false,
          teamCapacity: true,
        },
        ...settings,
      }),
    );
    if (!saved.ok) throw new Error(`Brevo account rejected: ${JSON.stringify(saved)}`);
    accountId = saved.instance.id;
  }

  const assignees = [users.alice.accountId, carol.accountId, dan.accountId, null];

  /**
   * `count` issues in SUP (and one in DEV for every ten), created and resolved either before the last seven days
   * (`recent: false`) or within them: assignees, statuses and resolutions spread by index.
   */
  function seed(count: number, recent: boolean) {
    for (let i = 0; i < count; i++) {
      const project = i % 10 === 9 ? 'DEV' : 'SUP';
      const assignee = assignees[i % assignees.length] ?? null;
      const issue = world.jira.admin.createIssue(users.alice.accountId, {
        project,
        issueType: 'Task',
        summary: `Load ${seeded.length}`,
        ...(assignee === null ? {} : { fields: { assignee: { accountId: assignee } } }),
      });
      const done = i % 5 === 0;
      if (i % 5 === 1) {
        world.jira.admin.transitionIssue(users.alice.accountId, issue.id, { toStatus: 'In Progress' });
      }
      if (done) world.jira.admin.transitionIssue(users.alice.accountId, issue.id, { toStatus: 'Done' });
      seeded.push({
        project,
        assignee,
        open: !done,
        createdRecently: recent,
        resolvedRecently: recent && done,
      });
    }
  }

  /** Old issues, eight days pass, new issues: the seven-day figures count only the new ones. */
  async function seedWeek(old: number, recent: number) {
    seed(old, false);
    world.sandbox.advanceClock(8 * DAY_MS);
    seed(recent, true);
    await world.sandbox.drain();
  }

  const expected = (filter: (issue: Seeded) => boolean) => seeded.filter(filter).length;

  async function runCapacity() {
    const result = await world.sandbox.runScheduledTrigger('team-capacity-daily');
    expect(result.status).toBe('ok');
    await world.sandbox.drain();
  }

  const capacityEvents = () =>
    world.brevo
      .account()
      .events({ name: 'jira_team_capacity' })
      .map((event) => event.properties);

  const brevoLog = async () =>
    (await world.run(() => world.store.syncLog.list({ instanceId: accountId, limit: 100 }))).entries;

  it('writes each assignee their open and resolved figures, and each project one event on its lead, from the seeded issues', async () => {
    await withAccount();
    await seedWeek(12, 18);
    // "Create missing attributes" offers the capacity attributes while the switch is on.
    const created = dataOf(
      await world.admin('createBrevoAttributes', { id: accountId }),
      z.object({ created: z.array(z.string()) }),
    ).created;
    expect(created).toEqual(['JIRA_OPEN_ISSUES', 'JIRA_RESOLVED_7D', 'JIRA_CAPACITY_DATE']);

    await runCapacity();

    const day = new Date().toISOString().slice(0, 10);
    for (const project of ['SUP', 'DEV']) {
      const inProject = (issue: Seeded) => issue.project === project;
      const open = (who: string) =>
        expected((issue) => inProject(issue) && issue.open && issue.assignee === who);
      const event = capacityEvents().find((properties) => properties.project === project);
      expect(event).toMatchObject({
        capacity_date: day,
        open_issues: expected((issue) => inProject(issue) && issue.open),
        created_7d: expected((issue) => inProject(issue) && issue.createdRecently),
        resolved_7d: expected((issue) => inProject(issue) && issue.resolvedRecently),
        // alice, bob, carol and dan can be assigned issues in both projects
        assignees: 4,
        open_assigned: expected((issue) => inProject(issue) && issue.open && issue.assignee !== null),
        sync_ref: `capacity-${project}-${day}`,
      });
      const breakdown = [
        ['Alice Admin', open(users.alice.accountId)],
        ['Carol Chen', open(carol.accountId)],
        ['Dan Dark', open(dan.accountId)],
      ] as const;
      for (const [name, count] of breakdown) {
        if (count > 0) expect(event?.open_by_assignee).toContain(`${name}: ${count}`);
      }
      expect(event?.open_by_assignee).not.toContain('Bob Builder');
    }
    // Both events are on the contact of the projects' lead, alice.
    expect(
      world.brevo.account().events({ email: 'alice@example.com', name: 'jira_team_capacity' }),
    ).toHaveLength(2);

    for (const [person, email] of [
      [users.alice.accountId, 'alice@example.com'],
      [carol.accountId, 'carol@example.com'],
    ] as const) {
      expect(world.brevo.account().contact(email)?.attributes).toMatchObject({
        JIRA_OPEN_ISSUES: expected((issue) => issue.open && issue.assignee === person),
        JIRA_RESOLVED_7D: expected((issue) => issue.resolvedRecently && issue.assignee === person),
        JIRA_CAPACITY_DATE: day,
      });
    }
    // Bob (no issues, hidden e-mail) and Dan (hidden e-mail) get no contact; the log says so without guessing.
    const emails = world.brevo
      .account()
      .contacts()
      .map((contact) => contact.email);
    expect(emails).not.toContain('dan@example.com');
    expect(emails).not.toContain('bob@example.com');
    const hidden = (await brevoLog()).filter((entry) => /hidden/.test(entry.message));
    expect(hidden).toEqual([
      expect.objectContaining({ level: 'info', message: expect.stringMatching(/Dan Dark/) }),
    ]);
    expect((await brevoLog()).filter((entry) => entry.level === 'error')).toEqual([]);
  });

  it('costs the same Jira requests for 200 issues as for 20: count queries only, never the issues themselves', async () => {
    await withAccount();
    await seedWeek(10, 10);
    world.jira.resetRequestLog();
    await runCapacity();
    const small = world.jira.requestLog().map((entry) => entry.operationId ?? entry.path);

    seed(180, true);
    await world.sandbox.drain();
    // A day later: a new day's events, and every cache of the first run has expired.
    world.sandbox.advanceClock(DAY_MS);
    world.jira.resetRequestLog();
    await runCapacity();
    const large = world.jira.requestLog().map((entry) => entry.operationId ?? entry.path);

    const tally = (operations: string[]) =>
      Object.fromEntries(
        [...new Set(operations)].sort().map((op) => [op, operations.filter((o) => o === op).length]),
      );
    expect(tally(large)).toEqual(tally(small));
    // As the use case's comment states: 2 projects × (3 counts + 1 per assignable person, 4 of them) + 2 counts for
    // each of the 2 people whose e-mail Jira shows; per project its lead and its assignable users (as many pages as
    // the Jira port reads, the same for any number of issues); each person's Jira user once.
    expect(tally(small)).toMatchObject({ countIssues: 2 * (3 + 4) + 2 * 2, getProject: 2, getUser: 4 });
    expect(Object.keys(tally(small)).sort()).toEqual([
      'countIssues',
      'findAssignableUsers',
      'getProject',
      'getUser',
    ]);
    expect(capacityEvents().filter((properties) => properties.project === 'SUP')).toHaveLength(2);
  });

  it.each([
    ['run twice the same day', async (w: World) => w.sandbox.runScheduledTrigger('team-capacity-daily')],
    ['redelivered', (w: World) => Promise.resolve(w.sandbox.redeliverCompleted())],
    [
      'its answer lost',
      (w: World) =>
        Promise.resolve(w.brevo.loseAnswerNext(2, { method: 'POST', pathIncludes: '/v3/events' })),
    ],
  ])('sends each project one event a day when %s', async (_case, fault) => {
    await withAccount();
    await seedWeek(0, 6);
    if (_case === 'its answer lost') await fault(world);
    await runCapacity();
    if (_case !== 'its answer lost') {
      await fault(world);
      await world.sandbox.drain();
    }
    expect(
      capacityEvents()
        .map((properties) => properties.project)
        .sort(),
    ).toEqual(['DEV', 'SUP']);
    expect(world.brevo.pendingFaults()).toBe(0);
  });

  it('hands the rest of the day over to the queue when its time runs short, and loses nothing', async () => {
    await withAccount();
    await seedWeek(0, 6);
    await world.admin('createBrevoAttributes', { id: accountId });
    const day = new Date().toISOString().slice(0, 10);
    // Less time than one project needs: nothing is started, and the job goes back on the queue where it stood.
    const result = await world.sandbox.asInvocation(
      () =>
        runBrevoAccountJob(
          { kind: 'brevo-capacity', accountId, day, phase: 'projects', next: 0 },
          { finalAttempt: false },
        ),
      { budgetMs: 15_000 },
    );
    expect(result).toEqual({ status: 'done' });
    expect(capacityEvents()).toEqual([]);
    expect(world.sandbox.queue.pendingCount()).toBe(1);
    await world.sandbox.drain();
    expect(
      capacityEvents()
        .map((properties) => properties.project)
        .sort(),
    ).toEqual(['DEV', 'SUP']);
    expect(world.brevo.account().contact('carol@example.com')?.attributes).toMatchObject({
      JIRA_CAPACITY_DATE: day,
    });
  });

  it('sends nothing for an account whose Team capacity switch is off', async () => {
    await withAccount({ events: { teamCapacity: false } });
    await seedWeek(0, 3);
    world.jira.resetRequestLog();
    await runCapacity();
    expect(capacityEvents()).toEqual([]);
    expect(world.jira.requestLog()).toEqual([]);
  });
});
