// Invariant 6 for the admin page: someone who does not administer Jira is refused on every key, before the payload is
// even read, and nothing changes.
import { DEFAULT_ORG } from '../../../sandbox/teamsupport';
import { createWorld, errorOf, users, type World } from '../world';
import { ADMIN_KEYS, currentSettings, instanceInput } from './admin-harness';

describe('admin page: who may use it', () => {
  let world: World;

  beforeEach(async () => {
    world = await createWorld();
  });

  afterEach(async () => {
    expect(world.jira.contractViolations()).toEqual([]);
    await world.close();
  });

  it('refuses a user who is not a Jira administrator on every key, and changes nothing', async () => {
    const issue = world.createIssue();
    await world.link(issue, world.createTicket());
    const entry = await world.run(() =>
      world.store.syncLog.append({
        level: 'error',
        instanceId: world.instanceId,
        operation: 'comment-to-action',
        message: 'failed',
        retry: {
          kind: 'outbound',
          payload: { kind: 'comment', issueId: issue.id, commentId: '1', isEdit: false },
        },
      }),
    );
    const settings = await currentSettings(world);
    world.ts.clearRequests();
    const payloads: Record<(typeof ADMIN_KEYS)[number], Record<string, unknown>> = {
      getSettings: {},
      saveInstance: { instance: { ...settings, name: 'Taken over', apiToken: 'stolen-1' } },
      deleteInstance: { id: world.instanceId },
      testConnection: { id: world.instanceId },
      getSyncLog: {},
      retrySyncEvent: { id: entry?.id },
      getMappingOptions: { id: world.instanceId },
      countLinks: { id: world.instanceId },
      getBrevoOptions: { id: world.instanceId },
      createBrevoAttributes: { id: world.instanceId },
    };

    for (const key of ADMIN_KEYS) {
      const result = await world.admin(key, payloads[key], users.bob.accountId);
      expect({ key, error: errorOf(result) }).toEqual({
        key,
        error: { code: 'FORBIDDEN', message: expect.any(String) },
      });
      // Not even an invalid payload gets past the check.
      expect(errorOf(await world.admin(key, { junk: true }, users.bob.accountId)).code).toBe('FORBIDDEN');
    }

    expect(await currentSettings(world)).toEqual(settings);
    expect(await world.run(() => world.store.credentials.getToken(world.instanceId))).toBe(
      DEFAULT_ORG.apiToken,
    );
    expect(await world.run(() => world.store.links.listByIssue(issue.id))).toHaveLength(1);
    expect((await world.run(() => world.store.syncLog.get(entry?.id ?? '')))?.status).toBe('open');
    expect(world.sandbox.queue.pendingCount()).toBe(0);
    expect(world.ts.requests()).toEqual([]);
  });

  it('lets a Jira administrator in', async () => {
    const result = await world.admin('saveInstance', { instance: instanceInput(world) });
    expect(result).toMatchObject({ ok: true, data: { instance: { name: 'Second Support Desk' } } });
  });
});
