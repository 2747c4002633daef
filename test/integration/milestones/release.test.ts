// Issue 17: a released Jira version reaches every ticket linked to its issues (one "Fixed in" action each) and every
// Brevo contact of those issues (one jira_version_released each, with their own issue keys), exactly once: after
// redelivery of every queue and product event, and after the version is unreleased and released again.
import { users } from '../world';
import { carol, createMilestoneWorld, type MilestoneWorld } from './harness';

describe('A released version: notes on linked tickets and one Brevo event per contact', () => {
  let world: MilestoneWorld;

  afterEach(async () => {
    expect(world.jira.contractViolations()).toEqual([]);
    expect(world.brevo.contractViolations()).toEqual([]);
    await world.close();
  });

  async function releaseOfThreeIssues() {
    const version = world.jira.admin.createVersion('SUP', { name: '2.1' });
    const exportIssue = world.issue('Export fails for large files', { fixVersions: [version.id] });
    const loginIssue = world.issue('Login loops', { reporter: carol.accountId, fixVersions: [version.id] });
    const printIssue = world.issue('Printing cuts the last page', {
      assignee: carol.accountId,
      fixVersions: [version.id],
    });
    // Not in the version: its ticket hears nothing.
    const otherIssue = world.issue('Unrelated');
    const tickets = [
      await world.linkedTicket(exportIssue),
      await world.linkedTicket(exportIssue),
      await world.linkedTicket(loginIssue),
      await world.linkedTicket(printIssue),
      await world.linkedTicket(printIssue),
    ];
    const otherTicket = await world.linkedTicket(otherIssue);
    await world.sandbox.drain();
    return { version, issues: { exportIssue, loginIssue, printIssue }, tickets, otherTicket };
  }

  function expectOnceEverywhere(scene: Awaited<ReturnType<typeof releaseOfThreeIssues>>) {
    const { exportIssue, loginIssue, printIssue } = scene.issues;
    const [t1, t2, t3, t4, t5] = scene.tickets.map((ticket) => world.releaseNotes(ticket.ticketId));
    expect(t1).toEqual([
      {
        description: expect.stringContaining(
          `Fixed in 2.1 (released 2025-03-14): ${exportIssue.key} Export fails for large files`,
        ),
        isVisibleOnPortal: false,
      },
    ]);
    expect(t2).toHaveLength(1);
    expect(t3).toEqual([
      { description: expect.stringContaining(`${loginIssue.key} Login loops`), isVisibleOnPortal: false },
    ]);
    expect(t4).toEqual([
      {
        description: expect.stringContaining(`${printIssue.key} Printing cuts the last page`),
        isVisibleOnPortal: false,
      },
    ]);
    expect(t5).toHaveLength(1);
    expect(scene.tickets.flatMap((ticket) => world.releaseNotes(ticket.ticketId))).toHaveLength(5);
    expect(world.releaseNotes(scene.otherTicket.ticketId)).toEqual([]);

    const aliceEvents = world.brevoEvents('alice@example.com', 'jira_version_released');
    expect(aliceEvents).toHaveLength(1);
    expect(aliceEvents[0]?.properties).toMatchObject({
      version: '2.1',
      version_id: scene.version.id,
      release_date: '2025-03-14',
      project: 'SUP',
      issue_keys: `${exportIssue.key}, ${printIssue.key}`,
      issue_count: 2,
    });
    const carolEvents = world.brevoEvents(carol.emailAddress, 'jira_version_released');
    expect(carolEvents).toHaveLength(1);
    expect(carolEvents[0]?.properties).toMatchObject({
      issue_keys: `${loginIssue.key}, ${printIssue.key}`,
      issue_count: 2,
    });
  }

  it('adds one note to each of the 5 linked tickets and sends each contact one event with their own issues', async () => {
    world = await createMilestoneWorld();
    const scene = await releaseOfThreeIssues();
    world.jira.admin.releaseVersion(users.alice.accountId, scene.version.id, { releaseDate: '2025-03-14' });
    await world.sandbox.drain();
    expectOnceEverywhere(scene);

    // Every ticket's link says when it last synced; the log says what was added, ticket by ticket.
    const log = await world.logOf(world.instanceId);
    expect(
      log.filter((entry) => entry.operation === 'release-to-ticket' && entry.level === 'info'),
    ).toHaveLength(5);
    expect(log.filter((entry) => entry.level === 'error')).toEqual([]);
    const brevoLog = await world.logOf(world.accountId);
    expect(brevoLog.map((entry) => entry.message).sort()).toEqual([
      'Sent jira_version_released for 2.1 to Alice Admin (2 issues).',
      'Sent jira_version_released for 2.1 to Carol Customer (2 issues).',
    ]);
  });

  it('adds nothing more when every queue and product event is delivered again', async () => {
    world = await createMilestoneWorld();
    const scene = await releaseOfThreeIssues();
    world.jira.admin.releaseVersion(users.alice.accountId, scene.version.id, { releaseDate: '2025-03-14' });
    await world.sandbox.drain();
    for (let round = 0; round < 2; round++) await world.redeliverEverything();
    expectOnceEverywhere(scene);
  });

  it('adds nothing more when the version is unreleased and released again', async () => {
    world = await createMilestoneWorld();
    const scene = await releaseOfThreeIssues();
    world.jira.admin.releaseVersion(users.alice.accountId, scene.version.id, { releaseDate: '2025-03-14' });
    await world.sandbox.drain();
    world.jira.admin.unreleaseVersion(users.alice.accountId, scene.version.id);
    await world.sandbox.drain();
    world.jira.admin.releaseVersion(users.alice.accountId, scene.version.id, { releaseDate: '2025-03-14' });
    await world.sandbox.drain();
    expectOnceEverywhere(scene);
    // The second release was heard, and found nothing left to do.
    const releases = world.jiraEvents.filter((event) => event.eventType === 'avi:jira:released:version');
    expect(releases).toHaveLength(2);
  });

  it('leaves no collection records behind once the events are out', async () => {
    world = await createMilestoneWorld();
    const scene = await releaseOfThreeIssues();
    world.jira.admin.releaseVersion(users.alice.accountId, scene.version.id, { releaseDate: '2025-03-14' });
    await world.sandbox.drain();
    const leftovers = await world.run(async () => {
      const ref = `version-${scene.version.id}`;
      const roster = await world.store.milestoneContacts.roster(world.accountId, ref, 0);
      return { roster, done: await world.store.milestoneContacts.isDone(world.accountId, ref) };
    });
    expect(leftovers).toEqual({ roster: [], done: true });
  });
});
