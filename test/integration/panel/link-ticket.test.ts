// The issue panel links and unlinks tickets: the link is stored once, shown on both sides (Jira remote link, internal
// note on the ticket), and every refusal comes back as an error code with nothing changed.
import { kvs } from '@forge/kvs';
import { secretKey } from '../../../src/store';
import { createWorld, dataOf, errorOf, users, type World } from '../world';
import { hasRemoteLink, linkResultSchema, remoteLinks } from './panel-harness';

describe('issue panel: linkTicket and unlinkTicket', () => {
  let world: World;

  beforeEach(async () => {
    world = await createWorld();
  });

  afterEach(async () => {
    expect(world.jira.contractViolations()).toEqual([]);
    await world.close();
  });

  const link = (issue: { id: string; key: string }, ticket: unknown, accountId?: string) =>
    world.panel(
      'linkTicket',
      { instanceId: world.instanceId, ticket },
      accountId === undefined ? { issue } : { issue, accountId },
    );

  const storedLinks = (issueId: string) => world.run(() => world.store.links.listByIssue(issueId));

  async function updateInstance(changes: Record<string, unknown>) {
    const saved = await world.run(async () => {
      const views = await world.store.config.listInstanceViews();
      const view = views.ok ? views.instances[0] : undefined;
      const { hasToken: _hasToken, createdAt: _c, updatedAt: _u, ...settings } = view ?? { hasToken: false };
      return world.store.config.saveInstance({ ...settings, ...changes });
    });
    expect(saved.ok).toBe(true);
  }

  it('links a ticket typed with # and spaces, adds the remote link once and an internal note on the ticket', async () => {
    const issue = world.createIssue();
    const ticket = world.createTicket({ name: 'Printer on fire' });

    const result = dataOf(await link(issue, `  #${ticket.ticketNumber} `), linkResultSchema);

    expect(result).toEqual({
      ticket: {
        instanceId: world.instanceId,
        instanceName: 'Acme Support',
        ticketId: String(ticket.ticketId),
        ticketNumber: String(ticket.ticketNumber),
        name: 'Printer on fire',
        status: 'New',
        isClosed: false,
        ticketType: 'Bug',
        severity: expect.any(String),
        customers: ['Globex Corporation'],
        url: `${world.ts.appUrl}/Ticket.aspx?ticketid=${ticket.ticketId}`,
        linkedAt: expect.any(String),
      },
    });
    expect(await storedLinks(issue.id)).toEqual([
      expect.objectContaining({ ticketId: String(ticket.ticketId), issueKey: issue.key }),
    ]);
    expect(await remoteLinks(world, issue.id)).toEqual([
      expect.objectContaining({
        object: expect.objectContaining({
          title: `Ticket #${ticket.ticketNumber}: Printer on fire`,
          url: result.ticket.url,
        }),
      }),
    ]);
    expect(await hasRemoteLink(world, issue.id, `teamsupport:${world.instanceId}:${ticket.ticketId}`)).toBe(
      true,
    );
    expect(world.appActions(ticket.ticketId)).toEqual([
      expect.objectContaining({
        actionType: 'Comment',
        isVisibleOnPortal: false,
        description: expect.stringContaining(`linked to Jira issue ${issue.key}`),
      }),
    ]);
    // The note is marked as the app's own, so the inbound pull never copies it into Jira.
    const note = world.appActions(ticket.ticketId)[0];
    const claim = await world.run(() =>
      world.store.ledger.claim(
        { kind: 'action', instanceId: world.instanceId, actionId: String(note?.actionId) },
        { leaseMs: 60_000 },
      ),
    );
    expect(claim).toMatchObject({ status: 'done', createdByApp: true });
    expect(await world.syncLog()).toEqual([
      expect.objectContaining({ level: 'info', operation: 'link-ticket', ticketId: String(ticket.ticketId) }),
    ]);
  });

  it('refuses a ticket linked to this issue already, and adds nothing a second time', async () => {
    const issue = world.createIssue();
    const ticket = world.createTicket();
    dataOf(await link(issue, String(ticket.ticketNumber)), linkResultSchema);

    const error = errorOf(await link(issue, String(ticket.ticketNumber)));

    expect(error).toMatchObject({ code: 'ALREADY_LINKED', details: { issueKey: issue.key } });
    expect(await storedLinks(issue.id)).toHaveLength(1);
    expect(await remoteLinks(world, issue.id)).toHaveLength(1);
    expect(world.appActions(ticket.ticketId)).toHaveLength(1);
  });

  it('says which issue holds a ticket linked elsewhere, to a caller who can see that issue', async () => {
    const first = world.createIssue('First');
    const second = world.createIssue('Second');
    const ticket = world.createTicket();
    dataOf(await link(first, String(ticket.ticketNumber)), linkResultSchema);

    const error = errorOf(await link(second, String(ticket.ticketNumber)));

    expect(error).toMatchObject({ code: 'ALREADY_LINKED', details: { issueKey: first.key } });
    expect(error.message).toContain(first.key);
    expect(await storedLinks(second.id)).toEqual([]);
    expect(await remoteLinks(world, second.id)).toEqual([]);
  });

  it('does not name an issue the caller cannot see', async () => {
    const hidden = world.createIssue('Hidden', 'DEV');
    const visible = world.createIssue('Visible', 'SUP');
    const ticket = world.createTicket();
    dataOf(await link(hidden, String(ticket.ticketNumber)), linkResultSchema);
    world.jira.admin.revoke(users.bob.accountId, 'BROWSE_PROJECTS', 'DEV');

    const error = errorOf(await link(visible, String(ticket.ticketNumber), users.bob.accountId));

    expect(error.code).toBe('ALREADY_LINKED');
    expect(error.details).toBeUndefined();
    expect(error.message).not.toContain(hidden.key);
  });

  it.each([
    ['an unknown instance', { instanceId: 'no-such-instance', ticket: '1' }, 'NOT_FOUND'],
    ['a blank ticket', { ticket: '   ' }, 'INVALID_INPUT'],
    ['text that is no ticket number (words go to searchTickets)', { ticket: 'abc' }, 'INVALID_INPUT'],
    ['a ticket number that does not exist', { ticket: '#999999' }, 'TICKET_NOT_FOUND'],
  ])('refuses %s with nothing stored', async (_name, payload, code) => {
    const issue = world.createIssue();
    const result = await world.panel('linkTicket', { instanceId: world.instanceId, ...payload }, { issue });
    expect(errorOf(result).code).toBe(code);
    expect(await storedLinks(issue.id)).toEqual([]);
    expect(await remoteLinks(world, issue.id)).toEqual([]);
  });

  it('reports a blank ticket per field', async () => {
    const issue = world.createIssue();
    const error = errorOf(await world.panel('linkTicket', { instanceId: world.instanceId }, { issue }));
    expect(error).toMatchObject({
      code: 'INVALID_INPUT',
      details: { issues: [expect.objectContaining({ path: 'ticket' })] },
    });
  });

  it('refuses to link on an inactive instance', async () => {
    const issue = world.createIssue();
    const ticket = world.createTicket();
    await updateInstance({ active: false });

    expect(errorOf(await link(issue, String(ticket.ticketNumber))).code).toBe('INSTANCE_INACTIVE');
    expect(await storedLinks(issue.id)).toEqual([]);
  });

  it('refuses to link on an instance without a token', async () => {
    const issue = world.createIssue();
    const ticket = world.createTicket();
    await world.run(() => kvs.deleteSecret(secretKey(world.instanceId)));
    world.ts.clearRequests();

    expect(errorOf(await link(issue, String(ticket.ticketNumber))).code).toBe('NO_CREDENTIALS');
    expect(await storedLinks(issue.id)).toEqual([]);
    expect(world.ts.requests()).toEqual([]);
  });

  it('links a ticket of a type the instance does not sync, with a warning', async () => {
    await updateInstance({ ticketTypes: ['Question'] });
    const issue = world.createIssue();
    const ticket = world.createTicket({ ticketType: 'Bug' });

    const result = dataOf(await link(issue, String(ticket.ticketNumber)), linkResultSchema);

    expect(result.warnings).toEqual([expect.stringContaining('does not sync tickets of type "Bug"')]);
    expect(result.ticket.lastError).toBeUndefined();
    expect(await storedLinks(issue.id)).toHaveLength(1);
  });

  it('keeps the link and says what is missing when Jira refuses the remote link', async () => {
    const issue = world.createIssue();
    const ticket = world.createTicket();
    world.jira.admin.revoke('app', 'LINK_ISSUES');

    const result = dataOf(await link(issue, String(ticket.ticketNumber)), linkResultSchema);

    expect(result.warnings).toEqual([expect.stringContaining('could not be added to the Jira issue')]);
    expect(result.ticket.lastError).toContain('could not be added to the Jira issue');
    expect(await storedLinks(issue.id)).toEqual([
      expect.objectContaining({ lastError: expect.stringContaining('Jira issue') }),
    ]);
    // The other side still got its note.
    expect(world.appActions(ticket.ticketId)).toHaveLength(1);
    const log = await world.syncLog();
    expect(log).toEqual([expect.objectContaining({ level: 'warn', operation: 'link-ticket' })]);
  });

  it('does not report the note as failed when it was written and only the ledger record after it failed', async () => {
    const issue = world.createIssue();
    const ticket = world.createTicket();
    // Storage fails for every mirror-ledger write once the note is on the ticket.
    const handle = world.sandbox.kvs.handle.bind(world.sandbox.kvs);
    world.sandbox.kvs.handle = (path, body) =>
      world.appActions(ticket.ticketId).length > 0 &&
      (path.endsWith('/set') || path.endsWith('/transaction')) &&
      JSON.stringify(body).includes('"mirror"')
        ? { status: 503, body: { code: 'SERVICE_UNAVAILABLE', message: 'storage is down' } }
        : handle(path, body);

    const result = dataOf(await link(issue, String(ticket.ticketNumber)), linkResultSchema);

    expect(result.warnings).toBeUndefined();
    expect(world.appActions(ticket.ticketId)).toHaveLength(1);
  });

  it('unlinks: the link and the remote link go, the ticket keeps its history', async () => {
    const issue = world.createIssue();
    const ticket = world.createTicket();
    dataOf(await link(issue, String(ticket.ticketNumber)), linkResultSchema);

    const result = await world.panel(
      'unlinkTicket',
      { instanceId: world.instanceId, ticketId: String(ticket.ticketId) },
      { issue },
    );

    expect(result).toEqual({ ok: true, data: {} });
    expect(await storedLinks(issue.id)).toEqual([]);
    expect(await remoteLinks(world, issue.id)).toEqual([]);
    const again = await world.panel(
      'unlinkTicket',
      { instanceId: world.instanceId, ticketId: String(ticket.ticketId) },
      { issue },
    );
    expect(errorOf(again).code).toBe('NOT_FOUND');
  });

  it('does not unlink a ticket from an issue it is not linked to', async () => {
    const linked = world.createIssue('Linked');
    const other = world.createIssue('Other');
    const ticket = world.createTicket();
    dataOf(await link(linked, String(ticket.ticketNumber)), linkResultSchema);

    const result = await world.panel(
      'unlinkTicket',
      { instanceId: world.instanceId, ticketId: String(ticket.ticketId) },
      { issue: other },
    );

    expect(errorOf(result).code).toBe('NOT_FOUND');
    expect(await storedLinks(linked.id)).toHaveLength(1);
    expect(await remoteLinks(world, linked.id)).toHaveLength(1);
  });
});
