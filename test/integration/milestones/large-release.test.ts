// Issue 17: a release of 2,000 issues, a handful of them linked, runs as short queue jobs of one search page each,
// continued with Jira's page token: every linked ticket gets its note once, the Brevo contact one event naming all of
// their issues, and no invocation comes near its time budget.
import { DEFAULT_ACCOUNT } from '../../../sandbox/brevo';
import { users } from '../world';
import { createMilestoneWorld, type MilestoneWorld } from './harness';

const ISSUES = 2_000;
const PAGE = 50;

describe('A release of 2,000 issues', () => {
  let world: MilestoneWorld;

  afterEach(async () => {
    expect(world.jira.contractViolations()).toEqual([]);
    expect(world.brevo.contractViolations()).toEqual([]);
    await world.close();
  });

  it('completes across continuations, page by page, without duplicates or long invocations', async () => {
    // The account is added after the issues exist, so their creation sends nothing of its own.
    world = await createMilestoneWorld({ brevoAccount: false });
    const version = world.jira.admin.createVersion('SUP', { name: '3.0', releaseDate: '2025-06-01' });
    const issues = Array.from({ length: ISSUES }, (_, i) =>
      world.issue(`Issue ${i + 1}`, { fixVersions: [version.id] }),
    );
    const linkedAt = [0, 49, 50, 777, 1_999];
    const tickets = [];
    for (const index of linkedAt) {
      const issue = issues[index];
      if (issue) tickets.push({ issue, ticket: await world.linkedTicket(issue) });
    }
    await world.sandbox.drain();
    const saved = await world.run(() =>
      world.store.config.saveBrevoAccount({
        kind: 'brevo',
        name: 'Acme CRM',
        apiKey: DEFAULT_ACCOUNT.apiKey,
        active: true,
        events: { versionReleased: true },
      }),
    );
    if (!saved.ok) throw new Error('Brevo account rejected');

    const before = world.sandbox.accounting.invocations().length;
    world.jira.admin.releaseVersion(users.alice.accountId, version.id, { releaseDate: '2025-06-01' });
    await world.sandbox.drain();
    world.sandbox.redeliverCompleted();
    await world.sandbox.drain();

    for (const { issue, ticket } of tickets) {
      expect(world.releaseNotes(ticket.ticketId)).toEqual([
        {
          description: expect.stringContaining(`Fixed in 3.0 (released 2025-06-01): ${issue.key} `),
          isVisibleOnPortal: false,
        },
      ]);
    }
    const events = world.brevoEvents('alice@example.com', 'jira_version_released');
    expect(events).toHaveLength(1);
    expect(events[0]?.properties).toMatchObject({ issue_count: ISSUES, version: '3.0' });

    const invocations = world.sandbox.accounting.invocations().slice(before);
    const consumers = invocations.filter((record) => record.functionKey === 'outbound-worker');
    // Tickets: 40 pages; Brevo: 40 pages collected and a send. Each ran twice (all redelivered once), and a
    // redelivered page does not start the rest of the walk again.
    const parts = ISSUES / PAGE + (ISSUES / PAGE + 1);
    expect(consumers.length).toBeGreaterThanOrEqual(2 * parts);
    expect(consumers.length).toBeLessThanOrEqual(2 * parts + 2);
    for (const record of invocations) {
      expect(record.outcome).not.toBe('timeout');
      expect(record.outcome).not.toBe('error');
      expect(record.durationMs ?? 0).toBeLessThan(record.budgetMs / 4);
    }
    const slowest = Math.max(...consumers.map((record) => record.durationMs ?? 0));
    const jiraPerInvocation = Math.max(...consumers.map((record) => record.requests.jira?.count ?? 0));
    // One search per page (plus a field list and a user read for Brevo): never the whole release in one go.
    expect(jiraPerInvocation).toBeLessThanOrEqual(4);
    console.log(
      `2,000-issue release: ${consumers.length} consumer invocations, slowest ${slowest} ms, ` +
        `at most ${jiraPerInvocation} Jira requests per invocation`,
    );
  }, 240_000);
});
