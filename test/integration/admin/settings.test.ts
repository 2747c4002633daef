// The admin page edits instances: tokens are write-only (kept when none is sent, never returned), and every broken
// rule comes back per field.
import { z } from 'zod';
import { DEFAULT_ORG } from '../../../sandbox/teamsupport';
import { createWorld, dataOf, errorOf, type World } from '../world';
import { checksSchema, currentSettings, instanceInput, savedSchema, settingsSchema } from './admin-harness';

describe('admin page: getSettings and saveInstance', () => {
  let world: World;

  beforeEach(async () => {
    world = await createWorld();
  });

  afterEach(async () => {
    expect(world.jira.contractViolations()).toEqual([]);
    await world.close();
  });

  const token = (id: string) => world.run(() => world.store.credentials.getToken(id));

  it('shows the instances with hasToken and never the token', async () => {
    const result = await world.admin('getSettings');
    const settings = dataOf(result, settingsSchema);
    expect(settings.instances).toEqual([
      expect.objectContaining({ id: world.instanceId, name: 'Acme Support', hasToken: true, active: true }),
    ]);
    expect(JSON.stringify(result)).not.toContain(DEFAULT_ORG.apiToken);
    expect(settings.instances[0]).not.toHaveProperty('apiToken');
  });

  it('creates an instance, storing its token in the secret store only', async () => {
    const result = await world.admin('saveInstance', { instance: instanceInput(world) });
    const { instance } = dataOf(result, savedSchema);
    expect(instance).toMatchObject({ name: 'Second Support Desk', hasToken: true });
    expect(JSON.stringify(result)).not.toContain(DEFAULT_ORG.apiToken);
    expect(await token(instance.id)).toBe(DEFAULT_ORG.apiToken);
    const all = dataOf(await world.admin('getSettings'), settingsSchema);
    expect(all.instances.map((i) => i.name)).toEqual(['Acme Support', 'Second Support Desk']);
  });

  it('keeps the stored token when an update sends none', async () => {
    const settings = await currentSettings(world);
    const result = await world.admin('saveInstance', {
      instance: { ...settings, name: 'Acme Support (renamed)', commentActionType: 'Internal Note' },
    });
    expect(dataOf(result, savedSchema).instance).toMatchObject({
      id: world.instanceId,
      name: 'Acme Support (renamed)',
      commentActionType: 'Internal Note',
      hasToken: true,
    });
    expect(await token(world.instanceId)).toBe(DEFAULT_ORG.apiToken);
    // The kept token still works.
    const checks = dataOf(await world.admin('testConnection', { id: world.instanceId }), checksSchema).checks;
    expect(checks.find((c) => c.name === 'Credentials accepted')).toMatchObject({ ok: true });
  });

  it('replaces the token when an update sends one', async () => {
    const settings = await currentSettings(world);
    const fresh = '0c0ffee0-1111-4222-8333-444455556666';
    dataOf(await world.admin('saveInstance', { instance: { ...settings, apiToken: fresh } }), savedSchema);
    expect(await token(world.instanceId)).toBe(fresh);
  });

  it('answers every broken rule per field and stores nothing', async () => {
    const before = await currentSettings(world);
    const result = await world.admin('saveInstance', {
      instance: instanceInput(world, {
        name: 'Acme Support',
        baseUrl: 'ftp://teamsupport.example',
        organizationId: 'acme',
        fieldMappings: [{ jiraField: 'customfield_10001', ticketField: '' }],
      }),
    });
    const error = errorOf(result);
    expect(error.code).toBe('INVALID_INPUT');
    const { issues } = z
      .object({ issues: z.array(z.object({ path: z.string(), message: z.string() })) })
      .parse(error.details);
    expect(issues.map((i) => i.path)).toEqual(
      expect.arrayContaining(['name', 'baseUrl', 'organizationId', 'fieldMappings.0.ticketField']),
    );
    expect(error.details).toEqual({
      issues: expect.arrayContaining([{ path: 'name', message: expect.stringContaining('already named') }]),
    });
    const after = dataOf(await world.admin('getSettings'), settingsSchema);
    expect(after.instances).toHaveLength(1);
    expect(await currentSettings(world)).toEqual(before);
  });

  it('requires a token when creating', async () => {
    const { apiToken: _token, ...withoutToken } = instanceInput(world);
    const error = errorOf(await world.admin('saveInstance', { instance: withoutToken }));
    expect(error).toMatchObject({
      code: 'INVALID_INPUT',
      details: { issues: [expect.objectContaining({ path: 'apiToken' })] },
    });
  });

  it('refuses to update an instance that does not exist', async () => {
    const settings = await currentSettings(world);
    const error = errorOf(
      await world.admin('saveInstance', {
        instance: { ...settings, id: 'deleted-meanwhile', name: 'Gone', apiToken: DEFAULT_ORG.apiToken },
      }),
    );
    expect(error.code).toBe('NOT_FOUND');
  });

  it('refuses a payload without an instance', async () => {
    const error = errorOf(await world.admin('saveInstance', {}));
    expect(error).toMatchObject({
      code: 'INVALID_INPUT',
      details: { issues: [expect.objectContaining({ path: 'instance' })] },
    });
  });
});
