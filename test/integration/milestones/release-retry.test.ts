// Issue 17: a link whose release note TeamSupport refuses is logged with a Retry that re-runs that link alone
// (invariant 4, docs/architecture.md); the admin's Retry then writes the note once, and touches no other ticket.
import { z } from 'zod';
import { dataOf, users } from '../world';
import { createMilestoneWorld, type MilestoneWorld } from './harness';

describe('Retrying a release note that failed', () => {
  let world: MilestoneWorld;

  afterEach(async () => {
    expect(world.jira.contractViolations()).toEqual([]);
    await world.close();
  });

  it('logs the refused link with a Retry, and the Retry writes that note once', async () => {
    world = await createMilestoneWorld({ brevoAccount: false });
    const version = world.jira.admin.createVersion('SUP', { name: '6.1' });
    const issue = world.issue('Exports time out', { fixVersions: [version.id] });
    const refused = await world.linkedTicket(issue);
    const fine = await world.linkedTicket(issue);
    await world.sandbox.drain();
    world.ts.failNext(1, {
      status: 400,
      body: 'Invalid action',
      method: 'POST',
      pathIncludes: `/tickets/${refused.ticketId}/actions`,
    });
    world.jira.admin.releaseVersion(users.alice.accountId, version.id, { releaseDate: '2025-11-05' });
    await world.sandbox.drain();
    expect(world.ts.faults.pendingCount()).toBe(0);
    expect(world.releaseNotes(refused.ticketId)).toEqual([]);
    expect(world.releaseNotes(fine.ticketId)).toHaveLength(1);

    const failed = (await world.logOf(world.instanceId)).find((entry) => entry.level === 'error');
    expect(failed).toMatchObject({ operation: 'release-to-ticket', ticketId: String(refused.ticketId) });
    const id = z.object({ id: z.string() }).parse(failed).id;
    dataOf(await world.admin('retrySyncEvent', { id }), z.object({}));
    await world.sandbox.drain();
    await world.redeliverEverything();
    expect(world.releaseNotes(refused.ticketId)).toEqual([
      {
        description: expect.stringContaining(
          `Fixed in 6.1 (released 2025-11-05): ${issue.key} Exports time out`,
        ),
        isVisibleOnPortal: false,
      },
    ]);
    expect(world.releaseNotes(fine.ticketId)).toHaveLength(1);
  });
});
