// Invariant 6 for the issue panel: a caller who cannot see the issue gets FORBIDDEN on every key and no ticket data;
// linking and unlinking also need Link Issues. Refused calls change nothing on either side.
import { createWorld, dataOf, errorOf, users, type World } from '../world';
import { linkedTicketsSchema, remoteLinks, ticketRequests } from './panel-harness';

describe('issue panel: who may do what', () => {
  let world: World;
  let issue: { id: string; key: string };
  let linked: { ticketId: number; ticketNumber: number };
  let unlinked: { ticketId: number; ticketNumber: number };

  beforeEach(async () => {
    world = await createWorld();
    issue = world.createIssue();
    linked = world.createTicket({ name: 'Already linked' });
    unlinked = world.createTicket({ name: 'Not linked yet' });
    await world.link(issue, linked);
    world.ts.clearRequests();
  });

  afterEach(async () => {
    expect(world.jira.contractViolations()).toEqual([]);
    await world.close();
  });

  const calls = () =>
    [
      ['getLinkedTickets', {}],
      ['listInstances', {}],
      ['linkTicket', { instanceId: world.instanceId, ticket: String(unlinked.ticketNumber) }],
      ['unlinkTicket', { instanceId: world.instanceId, ticketId: String(linked.ticketId) }],
    ] as const;

  async function expectNothingChanged() {
    const links = await world.run(() => world.store.links.listByIssue(issue.id));
    expect(links.map((l) => l.ticketId)).toEqual([String(linked.ticketId)]);
    expect(await remoteLinks(world, issue.id)).toEqual([]);
    expect(world.appActions(unlinked.ticketId)).toEqual([]);
    expect(await world.syncLog()).toEqual([]);
  }

  it('refuses every key to a user who cannot browse the issue, without reading any ticket', async () => {
    world.jira.admin.revoke(users.bob.accountId, 'BROWSE_PROJECTS');
    for (const [functionKey, payload] of calls()) {
      const result = await world.panel(functionKey, payload, { issue, accountId: users.bob.accountId });
      expect({ functionKey, error: errorOf(result) }).toEqual({
        functionKey,
        error: { code: 'FORBIDDEN', message: expect.any(String) },
      });
      expect(JSON.stringify(result)).not.toContain('Already linked');
    }
    expect(ticketRequests(world)).toEqual([]);
    await expectNothingChanged();
  });

  it('lets a user without Link Issues see the tickets but not link or unlink', async () => {
    world.jira.admin.revoke(users.bob.accountId, 'LINK_ISSUES');
    const seen = dataOf(
      await world.panel('getLinkedTickets', {}, { issue, accountId: users.bob.accountId }),
      linkedTicketsSchema,
    );
    expect(seen.tickets.map((t) => t.name)).toEqual(['Already linked']);

    for (const [functionKey, payload] of calls().slice(2)) {
      const error = errorOf(
        await world.panel(functionKey, payload, { issue, accountId: users.bob.accountId }),
      );
      expect({ functionKey, code: error.code, details: error.details }).toEqual({
        functionKey,
        code: 'FORBIDDEN',
        details: { permission: 'LINK_ISSUES' },
      });
    }
    await expectNothingChanged();
  });

  it('lets a standard user with Link Issues link', async () => {
    const result = await world.panel(
      'linkTicket',
      { instanceId: world.instanceId, ticket: String(unlinked.ticketNumber) },
      { issue, accountId: users.bob.accountId },
    );
    expect(result).toMatchObject({ ok: true, data: { ticket: { name: 'Not linked yet' } } });
  });

  it('refuses a call without a signed-in user', async () => {
    const result = await world.panel('getLinkedTickets', {}, { issue, accountId: '' });
    expect(errorOf(result).code).toBe('FORBIDDEN');
    expect(ticketRequests(world)).toEqual([]);
  });
});
