// The admin page tests an instance's connection, counts its links and deletes it with everything it owns.
import { kvs } from '@forge/kvs';
import { adminDeps } from '../../../src/entry/ui-deps';
import { CONFIG_KEY, secretKey } from '../../../src/store';
import { deleteInstance } from '../../../src/sync/admin/delete-instance';
import { createWorld, dataOf, errorOf, users, type World } from '../world';
import { checksSchema, currentSettings } from './admin-harness';

describe('admin page: testConnection, countLinks, deleteInstance', () => {
  let world: World;

  afterEach(async () => {
    expect(world.jira.contractViolations()).toEqual([]);
    await world.close();
  });

  const checksOf = async (id: string) =>
    dataOf(await world.admin('testConnection', { id }), checksSchema).checks;

  it('passes every check against a well configured organization', async () => {
    world = await createWorld({
      instance: {
        ticketTypes: ['Bug', 'Question'],
        statusMappings: [{ jiraStatus: 'Done', ticketStatus: 'Closed' }],
        correlationField: 'JiraIssueKey',
      },
    });
    world.createTicket({ ticketType: 'Bug' });
    world.createTicket({ ticketType: 'Question' });

    const checks = await checksOf(world.instanceId);

    expect(checks.map((c) => c.name)).toEqual([
      'TeamSupport server reachable',
      'Credentials accepted',
      'Action type for Jira comments',
      'Ticket types',
      'Statuses in status mappings',
      'Correlation field',
    ]);
    expect(checks.filter((c) => !c.ok)).toEqual([]);
  });

  it('fails the line of what the settings name wrongly, and says what exists', async () => {
    world = await createWorld({
      instance: {
        commentActionType: 'Jira Sync Note',
        statusMappings: [{ jiraStatus: 'Done', ticketStatus: 'Shipped' }],
      },
    });

    const checks = await checksOf(world.instanceId);

    expect(checks.find((c) => c.name === 'Action type for Jira comments')).toEqual({
      name: 'Action type for Jira comments',
      ok: false,
      message: expect.stringMatching(/no action type named "Jira Sync Note" \(available: "Comment", /),
    });
    expect(checks.find((c) => c.name === 'Statuses in status mappings')).toMatchObject({ ok: false });
    expect(checks.find((c) => c.name === 'Credentials accepted')).toMatchObject({ ok: true });
  });

  it('fails the credentials line for a wrong token', async () => {
    world = await createWorld({ instance: { apiToken: '00000000-0000-4000-8000-000000000000' } });
    const checks = await checksOf(world.instanceId);
    expect(checks.slice(0, 2)).toEqual([
      expect.objectContaining({ name: 'TeamSupport server reachable', ok: true }),
      expect.objectContaining({ name: 'Credentials accepted', ok: false }),
    ]);
    // The rest did not run: not checked, not failed (issue 20).
    expect(checks.slice(2).map((c) => c.notChecked)).toEqual([true, true, true, true]);
    // The token is never in the answer.
    expect(JSON.stringify(checks)).not.toContain('00000000-0000-4000-8000-000000000000');
  });

  it('never calls an address the egress permissions block reachable, and makes the admin change it', async () => {
    world = await createWorld();
    // An instance saved by an older build, which accepted any https host and loopback http.
    const read = await world.run(() => world.store.config.read());
    if (!read.ok) throw new Error('no config');
    const oldAddress = world.ts.baseUrl;
    const instances = read.document.instances.map((instance) => ({ ...instance, baseUrl: oldAddress }));
    await world.run(() => kvs.set(CONFIG_KEY, { ...read.document, instances }));
    world.ts.clearRequests();

    const checks = await checksOf(world.instanceId);
    // One failed check in an admin's words, the other five not checked (issue 20); nothing was sent.
    expect(checks[0]).toEqual({
      name: 'TeamSupport server reachable',
      ok: false,
      message:
        'This address is not one the app may call: use your TeamSupport address, https://<name>.teamsupport.com.',
    });
    expect(checks.slice(1)).toHaveLength(5);
    for (const check of checks.slice(1)) {
      expect(check).toMatchObject({
        ok: false,
        notChecked: true,
        message: 'Not checked: the app may not call this address.',
      });
    }
    expect(world.ts.requests()).toEqual([]);

    // The page still shows the instance; saving it as it is asks for a TeamSupport address.
    const settings = await currentSettings(world);
    expect(settings.baseUrl).toBe(oldAddress);
    const refused = errorOf(await world.admin('saveInstance', { instance: settings }));
    expect(refused).toMatchObject({
      code: 'INVALID_INPUT',
      details: {
        issues: [
          {
            path: 'baseUrl',
            message: expect.stringMatching(/TeamSupport addresses end in \.teamsupport\.com/),
          },
        ],
      },
    });
    // A corrected address needs the token again.
    const moved = errorOf(
      await world.admin('saveInstance', { instance: { ...settings, baseUrl: world.ts.appUrl } }),
    );
    expect(moved).toMatchObject({
      code: 'INVALID_INPUT',
      details: {
        issues: [{ path: 'apiToken', message: 'Enter the API token again: the server address changed.' }],
      },
    });
  });

  it('starts with its own line when no token is stored', async () => {
    world = await createWorld();
    await world.run(() => kvs.deleteSecret(secretKey(world.instanceId)));
    world.ts.clearRequests();

    expect(await checksOf(world.instanceId)).toEqual([
      { name: 'API token stored', ok: false, message: expect.stringContaining('No API token is stored') },
    ]);
    expect(world.ts.requests()).toEqual([]);
  });

  it('answers NOT_FOUND for an unknown instance', async () => {
    world = await createWorld();
    expect(errorOf(await world.admin('testConnection', { id: 'nope' })).code).toBe('NOT_FOUND');
    expect(errorOf(await world.admin('countLinks', { id: 'nope' })).code).toBe('NOT_FOUND');
  });

  it('deletes the instance with its token, links and pull watermark', async () => {
    world = await createWorld();
    const issue = world.createIssue();
    await world.link(issue, world.createTicket());
    await world.link(issue, world.createTicket());
    await world.run(() =>
      world.store.cursors.save(world.instanceId, { watermark: '2024-05-01T12:00:00.000Z' }),
    );
    expect(await world.admin('countLinks', { id: world.instanceId })).toEqual({
      ok: true,
      data: { links: 2 },
    });

    expect(await world.admin('deleteInstance', { id: world.instanceId })).toEqual({ ok: true, data: {} });

    const left = await world.run(async () => ({
      config: await world.store.config.read(),
      token: await world.store.credentials.getToken(world.instanceId),
      links: await world.store.links.listByIssue(issue.id),
      cursor: await world.store.cursors.load(world.instanceId),
    }));
    expect(left).toEqual({
      config: { ok: true, document: expect.objectContaining({ instances: [] }) },
      token: undefined,
      links: [],
      cursor: undefined,
    });
    expect(errorOf(await world.admin('deleteInstance', { id: world.instanceId })).code).toBe('NOT_FOUND');
  });

  it('says so when time ran out before every link was removed, and finishes on the next call', async () => {
    world = await createWorld();
    const issue = world.createIssue();
    await world.link(issue, world.createTicket());
    // Less time than one page of link removals needs: the store stops after taking the instance out of the settings.
    const cut = await world.sandbox.asInvocation(
      () =>
        deleteInstance(adminDeps(), { accountId: users.alice.accountId, payload: { id: world.instanceId } }),
      { accountId: users.alice.accountId, budgetMs: 2_000 },
    );
    expect(cut).toEqual({
      ok: false,
      error: {
        code: 'DELETE_INCOMPLETE',
        message: expect.stringContaining('Delete again'),
        details: { id: world.instanceId, linksRemoved: 0 },
      },
    });
    expect(await world.run(() => world.store.links.listByIssue(issue.id))).toHaveLength(1);

    expect(await world.admin('deleteInstance', { id: world.instanceId })).toEqual({ ok: true, data: {} });
    expect(await world.run(() => world.store.links.listByIssue(issue.id))).toEqual([]);
  });
});
