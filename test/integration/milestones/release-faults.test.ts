// Issue 17: a lost answer where a release writes (the ticket action, the status move, the Brevo event) still leaves
// exactly one note, one status move and one event per contact, also after every event is delivered again. Faults are
// injected in the emulators, where they happen in production (docs/reliability.md, "What happens on each fault").
import { users } from '../world';
import { carol, createMilestoneWorld, type MilestoneWorld } from './harness';

describe('A release through lost answers', () => {
  let world: MilestoneWorld;

  afterEach(async () => {
    expect(world.jira.contractViolations()).toEqual([]);
    expect(world.brevo.contractViolations()).toEqual([]);
    await world.close();
  });

  async function scene() {
    const version = world.jira.admin.createVersion('SUP', { name: '5.0' });
    const first = world.issue('Export fails', { fixVersions: [version.id] });
    const second = world.issue('Login loops', { reporter: carol.accountId, fixVersions: [version.id] });
    const tickets = [
      await world.linkedTicket(first),
      await world.linkedTicket(first),
      await world.linkedTicket(second),
    ];
    await world.sandbox.drain();
    return { version, tickets };
  }

  async function releaseAndSettle(versionId: string) {
    world.jira.admin.releaseVersion(users.alice.accountId, versionId, { releaseDate: '2025-10-01' });
    await world.sandbox.drain();
    await world.redeliverEverything();
  }

  it.each([
    ['answer lost (503 after the write)', { status: 503, body: 'Bad Gateway' }],
    ['connection cut after the write', { dropConnection: true }],
  ] as const)('writes each ticket action once: %s', async (_case, fault) => {
    world = await createMilestoneWorld({ brevoAccount: false });
    const { version, tickets } = await scene();
    world.ts.failNext(2, { ...fault, method: 'POST', pathIncludes: '/actions', phase: 'after' });
    await releaseAndSettle(version.id);
    expect(world.ts.faults.pendingCount()).toBe(0);
    for (const ticket of tickets) expect(world.releaseNotes(ticket.ticketId)).toHaveLength(1);
    const errors = (await world.logOf(world.instanceId)).filter((entry) => entry.level === 'error');
    expect(errors).toEqual([]);
  });

  it('moves the status once when the answer to the move is lost', async () => {
    world = await createMilestoneWorld({ brevoAccount: false, instance: { releaseStatus: 'Closed' } });
    const { version, tickets } = await scene();
    world.ts.failNext(1, { status: 503, body: 'Bad Gateway', method: 'PUT', phase: 'after' });
    await releaseAndSettle(version.id);
    expect(world.ts.faults.pendingCount()).toBe(0);
    for (const ticket of tickets) {
      expect(world.org.ticket(ticket.ticketId).status).toBe('Closed');
      expect(world.releaseNotes(ticket.ticketId)).toHaveLength(1);
    }
    // The move is done for good: an agent's later change survives every event coming again.
    for (const ticket of tickets) world.org.setStatus(ticket.ticketId, 'In Progress', 'Jane Doe');
    await world.redeliverEverything();
    for (const ticket of tickets) expect(world.org.ticket(ticket.ticketId).status).toBe('In Progress');
  });

  it('sends each contact one event when Brevo’s answer is lost', async () => {
    world = await createMilestoneWorld();
    const { version } = await scene();
    world.brevo.loseAnswerNext(2, { method: 'POST', pathIncludes: '/v3/events' });
    await releaseAndSettle(version.id);
    expect(world.brevo.pendingFaults()).toBe(0);
    expect(world.brevoEvents('alice@example.com', 'jira_version_released')).toHaveLength(1);
    expect(world.brevoEvents(carol.emailAddress, 'jira_version_released')).toHaveLength(1);
    const errors = (await world.logOf(world.accountId)).filter((entry) => entry.level === 'error');
    expect(errors).toEqual([]);
  });
});
