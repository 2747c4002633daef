// Issue 17: the instance's release options. "Ticket status after release" moves each linked ticket once (an agent who
// reopens it is not overruled by a redelivery or a second release), a status the ticket's type lacks is logged in
// words, "Show the release note on the customer portal" decides the note's visibility, and "Announce releases" off
// writes nothing at all.
import { users } from '../world';
import { createMilestoneWorld, type MilestoneWorld } from './harness';

describe('Release options of a TeamSupport instance', () => {
  let world: MilestoneWorld;

  afterEach(async () => {
    expect(world.jira.contractViolations()).toEqual([]);
    await world.close();
  });

  async function releasedWithOneTicket() {
    const version = world.jira.admin.createVersion('SUP', { name: '4.2' });
    const issue = world.issue('Dashboard is blank', { fixVersions: [version.id] });
    const ticket = await world.linkedTicket(issue);
    await world.sandbox.drain();
    world.jira.admin.releaseVersion(users.alice.accountId, version.id, { releaseDate: '2025-09-01' });
    await world.sandbox.drain();
    return { version, issue, ticket };
  }

  it('moves the ticket to the status after release once, and never back after an agent reopens it', async () => {
    world = await createMilestoneWorld({ brevoAccount: false, instance: { releaseStatus: 'Closed' } });
    const { version, ticket } = await releasedWithOneTicket();
    expect(world.org.ticket(ticket.ticketId).status).toBe('Closed');
    expect(world.releaseNotes(ticket.ticketId)).toHaveLength(1);

    world.org.setStatus(ticket.ticketId, 'In Progress', 'Jane Doe');
    await world.redeliverEverything();
    world.jira.admin.unreleaseVersion(users.alice.accountId, version.id);
    world.jira.admin.releaseVersion(users.alice.accountId, version.id, { releaseDate: '2025-09-01' });
    await world.sandbox.drain();
    expect(world.org.ticket(ticket.ticketId).status).toBe('In Progress');
    expect(world.releaseNotes(ticket.ticketId)).toHaveLength(1);
    const log = await world.logOf(world.instanceId);
    expect(log.map((entry) => entry.message)).toContain(
      'Ticket status set to "Closed" because 4.2 was released.',
    );
  });

  it('logs in words a status the ticket’s type does not have, once, and leaves the status alone', async () => {
    world = await createMilestoneWorld({ brevoAccount: false, instance: { releaseStatus: 'Shipped' } });
    const { ticket } = await releasedWithOneTicket();
    await world.redeliverEverything();
    expect(world.org.ticket(ticket.ticketId).status).toBe('New');
    expect(world.releaseNotes(ticket.ticketId)).toHaveLength(1);
    const warnings = (await world.logOf(world.instanceId)).filter((entry) => entry.level === 'warn');
    expect(warnings.map((entry) => entry.message)).toEqual([
      '4.2 was released, but no Bug ticket status is named "Shipped", so the ticket status was left as "New". ' +
        'Pick a status that exists under "Releases" in the instance\'s settings.',
    ]);
  });

  it('keeps the note internal by default and shows it on the portal when the instance says so', async () => {
    world = await createMilestoneWorld({
      brevoAccount: false,
      instance: { releaseNoteVisibleOnPortal: true },
    });
    const { ticket, issue } = await releasedWithOneTicket();
    expect(world.releaseNotes(ticket.ticketId)).toEqual([
      {
        description: expect.stringContaining(
          `Fixed in 4.2 (released 2025-09-01): ${issue.key} Dashboard is blank`,
        ),
        isVisibleOnPortal: true,
      },
    ]);
  });

  it('writes nothing when the instance does not announce releases', async () => {
    world = await createMilestoneWorld({
      brevoAccount: false,
      instance: { announceReleases: false, releaseStatus: 'Closed' },
    });
    const { ticket } = await releasedWithOneTicket();
    expect(world.appActions(ticket.ticketId)).toEqual([]);
    expect(world.org.ticket(ticket.ticketId).status).toBe('New');
    // Nothing was even queued for the tickets: the trigger saw no instance that announces releases.
    const consumers = world.sandbox.accounting
      .invocations()
      .filter((record) => record.functionKey === 'outbound-worker');
    expect(consumers).toEqual([]);
  });
});
