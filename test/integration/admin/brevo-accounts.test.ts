// The admin page's Brevo accounts, through the real resolvers against the Jira and Brevo emulators: saved beside the
// TeamSupport instances (names unique across both), the API key write-only, the JQL filter checked with Jira on save,
// the connection checklist, "Create missing attributes", the pickers' options and deletion.
import { kvs } from '@forge/kvs';
import { z } from 'zod';
import { DEFAULT_ACCOUNT } from '../../../sandbox/brevo';
import { CONFIG_KEY, secretKey } from '../../../src/store';
import { createWorld, dataOf, errorOf, users, type World } from '../world';

const accountViewSchema = z.looseObject({
  id: z.string(),
  kind: z.literal('brevo'),
  name: z.string(),
  hasApiKey: z.boolean(),
  jql: z.string().optional(),
  projectLists: z.array(z.object({ projectKey: z.string(), listId: z.number() })),
  attributeMappings: z.array(z.object({ source: z.string(), attribute: z.string() })),
});
const savedSchema = z.strictObject({ instance: accountViewSchema });
const anyViewSchema = z.looseObject({ id: z.string(), kind: z.string(), name: z.string() });
const settingsSchema = z.strictObject({ instances: z.array(anyViewSchema) });
const checkSchema = z.strictObject({
  name: z.string(),
  ok: z.boolean(),
  message: z.string(),
  notChecked: z.literal(true).optional(),
});
const reportSchema = z.strictObject({ checks: z.array(checkSchema), missingAttributes: z.array(z.string()) });
const issuesSchema = z.object({ issues: z.array(z.object({ path: z.string(), message: z.string() })) });

const KEY = DEFAULT_ACCOUNT.apiKey;

function brevoInput(overrides: Record<string, unknown> = {}): Record<string, unknown> {
  return {
    kind: 'brevo',
    name: 'Brevo Marketing',
    apiKey: KEY,
    active: true,
    projects: ['SUP'],
    projectLists: [{ projectKey: 'SUP', listId: 3 }],
    ...overrides,
  };
}

describe('admin page: Brevo accounts', () => {
  let world: World;

  beforeEach(async () => {
    world = await createWorld();
  });

  afterEach(async () => {
    expect(world.jira.contractViolations()).toEqual([]);
    expect(world.brevo.contractViolations()).toEqual([]);
    await world.close();
  });

  async function create(overrides: Record<string, unknown> = {}) {
    return dataOf(await world.admin('saveInstance', { instance: brevoInput(overrides) }), savedSchema)
      .instance;
  }

  /** What getSettings shows of an account, as an input to send back (no key). */
  async function settingsOf(id: string): Promise<Record<string, unknown>> {
    const views = await world.run(() => world.store.config.listInstanceViews());
    const view = views.ok ? views.brevoAccounts.find((account) => account.id === id) : undefined;
    if (!view) throw new Error(`no account ${id}`);
    const { hasApiKey: _key, createdAt: _created, updatedAt: _updated, ...settings } = view;
    return settings;
  }

  const issuesOf = (result: unknown) => {
    const error = errorOf(result);
    expect(error.code).toBe('INVALID_INPUT');
    return issuesSchema.parse(error.details).issues;
  };

  const searches = () =>
    world.jira.requestLog().filter((entry) => entry.path === '/rest/api/3/search/jql').length;

  const testOf = async (id: string) => dataOf(await world.admin('testConnection', { id }), reportSchema);

  it('saves an account beside the TeamSupport instance: settings in the document, the key only in the secret store', async () => {
    const result = await world.admin('saveInstance', { instance: brevoInput() });
    const account = dataOf(result, savedSchema).instance;
    expect(account).toMatchObject({ kind: 'brevo', name: 'Brevo Marketing', hasApiKey: true });
    expect(JSON.stringify(result)).not.toContain(KEY);

    const settings = dataOf(await world.admin('getSettings'), settingsSchema);
    expect(settings.instances.map((i) => [i.kind, i.name])).toEqual([
      ['teamsupport', 'Acme Support'],
      ['brevo', 'Brevo Marketing'],
    ]);
    expect(settings.instances[1]).toMatchObject({ hasApiKey: true });
    expect(JSON.stringify(settings)).not.toContain(KEY);

    const stored = z
      .object({ version: z.literal(2), instances: z.array(z.unknown()), brevoAccounts: z.array(z.unknown()) })
      .parse(await world.run(() => kvs.get(CONFIG_KEY)));
    expect(stored.instances).toHaveLength(1);
    expect(stored.brevoAccounts).toEqual([expect.objectContaining({ id: account.id, kind: 'brevo' })]);
    expect(JSON.stringify(stored)).not.toContain(KEY);
    expect(await world.run(() => kvs.getSecret(secretKey(account.id)))).toBe(KEY);
    expect(JSON.stringify(world.sandbox.appLogs())).not.toContain(KEY);
  });

  it('keeps the stored key when an update sends none, and replaces it when one is sent', async () => {
    const account = await create();
    const settings = await settingsOf(account.id);
    const renamed = dataOf(
      await world.admin('saveInstance', {
        instance: { ...settings, name: 'Brevo EU', contactRoles: ['assignee'] },
      }),
      savedSchema,
    ).instance;
    expect(renamed).toMatchObject({
      id: account.id,
      name: 'Brevo EU',
      hasApiKey: true,
      contactRoles: ['assignee'],
    });
    expect(await world.run(() => world.store.credentials.getBrevoKey(account.id))).toBe(KEY);

    dataOf(
      await world.admin('saveInstance', { instance: { ...settings, apiKey: 'xkeysib-replaced-key' } }),
      savedSchema,
    );
    expect(await world.run(() => world.store.credentials.getBrevoKey(account.id))).toBe(
      'xkeysib-replaced-key',
    );
  });

  it('keeps names unique across both kinds', async () => {
    expect(
      issuesOf(await world.admin('saveInstance', { instance: brevoInput({ name: 'ACME support' }) })),
    ).toEqual([{ path: 'name', message: expect.stringContaining('already named') }]);
    await create();
    const teamSupport = await world.run(() => world.store.config.listInstanceViews());
    const view = teamSupport.ok ? teamSupport.instances[0] : undefined;
    if (!view) throw new Error('no TeamSupport instance');
    const { hasToken: _t, createdAt: _c, updatedAt: _u, ...input } = view;
    expect(
      issuesOf(await world.admin('saveInstance', { instance: { ...input, name: 'brevo marketing' } })),
    ).toEqual([{ path: 'name', message: expect.stringContaining('already named') }]);
  });

  it('requires a key when creating and reports every broken rule by path, storing nothing', async () => {
    const before = await world.run(() => kvs.get(CONFIG_KEY));
    const issues = issuesOf(
      await world.admin('saveInstance', {
        instance: brevoInput({
          apiKey: undefined,
          projects: ['Support Desk'],
          attributeMappings: [{ source: 'issueKey', attribute: 'LAST TICKET' }],
          projectLists: [{ projectKey: 'SUP', listId: 0 }],
        }),
      }),
    );
    expect(issues.map((issue) => issue.path).sort()).toEqual(
      ['apiKey', 'attributeMappings.0.attribute', 'projectLists.0.listId', 'projects.0'].sort(),
    );
    expect(await world.run(() => kvs.get(CONFIG_KEY))).toEqual(before);
  });

  it('refuses a JQL filter Jira refuses, on the jql field and together with the other problems', async () => {
    const issues = issuesOf(
      await world.admin('saveInstance', {
        instance: brevoInput({
          jql: 'labels = = customer',
          projectLists: [{ projectKey: 'SUP', listId: -1 }],
        }),
      }),
    );
    expect(issues).toEqual(
      expect.arrayContaining([
        { path: 'jql', message: expect.stringMatching(/^Jira refused the filter: Error in the JQL Query/) },
        { path: 'projectLists.0.listId', message: expect.stringContaining('positive') },
      ]),
    );
    expect(
      issuesOf(await world.admin('saveInstance', { instance: brevoInput({ jql: 'project = NOPE' }) })),
    ).toEqual([{ path: 'jql', message: expect.stringContaining('NOPE') }]);
    const settings = dataOf(await world.admin('getSettings'), settingsSchema);
    expect(settings.instances.map((i) => i.kind)).toEqual(['teamsupport']);
  });

  it('saves a JQL filter Jira accepts, and does not ask Jira again while it stays the same', async () => {
    const account = await create({ jql: 'labels = customer OR status = Done' });
    expect(account.jql).toBe('labels = customer OR status = Done');
    const settings = await settingsOf(account.id);
    world.jira.resetRequestLog();
    dataOf(await world.admin('saveInstance', { instance: { ...settings, active: false } }), savedSchema);
    expect(searches()).toBe(0);
    dataOf(
      await world.admin('saveInstance', { instance: { ...settings, jql: 'labels = vip' } }),
      savedSchema,
    );
    expect(searches()).toBe(1);
  });

  it('saves nothing when Jira cannot check a new filter, but saves other changes while the filter stays', async () => {
    const account = await create({ jql: 'labels = customer' });
    const settings = await settingsOf(account.id);
    world.jira.faults.failNext(20, { status: 503, match: { path: '/rest/api/3/search/jql' } });
    const error = errorOf(
      await world.admin('saveInstance', { instance: { ...settings, jql: 'labels = vip', name: 'Renamed' } }),
    );
    expect(error).toMatchObject({ code: 'UPSTREAM_ERROR', details: { retryable: true } });
    expect(error.message).toContain('could not be checked with Jira');
    expect(await settingsOf(account.id)).toMatchObject({ name: 'Brevo Marketing', jql: 'labels = customer' });
    // Turning the account off does not depend on Jira.
    dataOf(await world.admin('saveInstance', { instance: { ...settings, active: false } }), savedSchema);
    expect(await settingsOf(account.id)).toMatchObject({ active: false });
    world.jira.faults.clear();
  });

  it('refuses ORDER BY in the filter without asking Jira', async () => {
    world.jira.resetRequestLog();
    expect(
      issuesOf(
        await world.admin('saveInstance', {
          instance: brevoInput({ jql: 'project = SUP ORDER BY created' }),
        }),
      ),
    ).toEqual([{ path: 'jql', message: expect.stringContaining('Remove ORDER BY') }]);
    expect(searches()).toBe(0);
  });

  it('tests the connection with the checklist and names the missing attributes', async () => {
    const account = await create({ jql: 'status = "To Do"' });
    const report = await testOf(account.id);
    expect(report.checks.map((check) => [check.name, check.ok])).toEqual([
      ['API key accepted', true],
      ['Lists found', true],
      ['Attributes present', false],
      ['Jira search works with the filter', true],
      ['User e-mail lookup available', true],
    ]);
    expect(report.checks[0]?.message).toContain(DEFAULT_ACCOUNT.companyName);
    expect(report.checks[1]?.message).toContain('SUP → Jira SUP customers (3)');
    expect(report.missingAttributes).toEqual([
      'JIRA_ACCOUNT_ID',
      'LAST_TICKET_KEY',
      'LAST_TICKET_STATUS',
      'LAST_TICKET_PRIORITY',
      'LAST_TICKET_DATE',
      'LAST_TICKET_RESOLUTION',
    ]);
    expect(report.checks[2]?.message).toContain('Missing in Brevo: JIRA_ACCOUNT_ID, LAST_TICKET_KEY');
    expect(report.checks[3]?.message).toContain('project in ("SUP") AND (status = "To Do")');
    expect(JSON.stringify(report)).not.toContain(KEY);
  });

  it('creates the missing attributes with one call, with the type of their Jira value, and only once', async () => {
    const account = await create();
    const created = dataOf(
      await world.admin('createBrevoAttributes', { id: account.id }),
      z.strictObject({ created: z.array(z.string()) }),
    );
    expect(created.created).toEqual([
      'JIRA_ACCOUNT_ID',
      'LAST_TICKET_KEY',
      'LAST_TICKET_STATUS',
      'LAST_TICKET_PRIORITY',
      'LAST_TICKET_DATE',
      'LAST_TICKET_RESOLUTION',
    ]);
    const attributes = new Map(
      world.brevo
        .account()
        .attributes()
        .map((a) => [a.name, a.type]),
    );
    expect(attributes.get('LAST_TICKET_DATE')).toBe('date');
    expect(attributes.get('LAST_TICKET_KEY')).toBe('text');
    expect(
      dataOf(
        await world.admin('createBrevoAttributes', { id: account.id }),
        z.object({ created: z.array(z.string()) }),
      ),
    ).toEqual({ created: [] });
    const report = await testOf(account.id);
    expect(report.checks.find((check) => check.name === 'Attributes present')).toMatchObject({ ok: true });
    expect(report.missingAttributes).toEqual([]);
  });

  it('names a mapped list Brevo does not have, and an attribute of the wrong type', async () => {
    world.brevo.account().addAttribute({ name: 'LAST_TICKET_DATE', type: 'text' });
    const account = await create({
      projects: 'all',
      projectLists: [
        { projectKey: 'SUP', listId: 3 },
        { projectKey: 'DEV', listId: 99 },
      ],
    });
    const report = await testOf(account.id);
    expect(report.checks.find((c) => c.name === 'Lists found')).toMatchObject({
      ok: false,
      message: expect.stringContaining('list 99 (for DEV)'),
    });
    expect(report.checks.find((c) => c.name === 'Attributes present')?.message).toContain(
      'LAST_TICKET_DATE is a text attribute in Brevo but receives a date',
    );
    expect(report.missingAttributes).not.toContain('LAST_TICKET_DATE');
  });

  it('reports a key Brevo refuses, and still runs the Jira checks', async () => {
    const account = await create({ apiKey: 'xkeysib-not-a-real-key' });
    const report = await testOf(account.id);
    expect(report.checks.map((check) => [check.name, check.ok])).toEqual([
      ['API key accepted', false],
      ['Lists found', false],
      ['Attributes present', false],
      ['Jira search works with the filter', true],
      ['User e-mail lookup available', true],
    ]);
    expect(report.checks[0]?.message).toContain('Brevo refused the API key');
    expect(report.checks[1]?.message).toContain('Not checked');
    expect(JSON.stringify(report)).not.toContain('xkeysib-not-a-real-key');
    expect(errorOf(await world.admin('createBrevoAttributes', { id: account.id })).code).toBe(
      'UPSTREAM_ERROR',
    );
  });

  it('reports an account whose key is gone', async () => {
    const account = await create();
    await world.run(() => kvs.deleteSecret(secretKey(account.id)));
    const report = await testOf(account.id);
    expect(report.checks[0]).toMatchObject({ name: 'API key accepted', ok: false });
    expect(report.checks[0]?.message).toContain('No API key is stored');
    expect(errorOf(await world.admin('createBrevoAttributes', { id: account.id })).code).toBe(
      'NO_CREDENTIALS',
    );
  });

  it('reports when Jira hides e-mail addresses from the app', async () => {
    world.jira.admin.addUser({
      accountId: 'carol-admin',
      displayName: 'Carol Admin',
      emailAddress: 'carol@example.com',
      emailVisible: false,
      admin: true,
    });
    const account = await create();
    const report = dataOf(
      await world.admin('testConnection', { id: account.id }, 'carol-admin'),
      reportSchema,
    );
    expect(report.checks.find((c) => c.name === 'User e-mail lookup available')).toMatchObject({
      ok: false,
      message: expect.stringContaining('hides your e-mail address'),
    });
  });

  it('offers Brevo lists and attributes and Jira projects and issue types to the pickers', async () => {
    const account = await create();
    const options = dataOf(
      await world.admin('getBrevoOptions', { id: account.id }),
      z.object({
        jira: z.object({
          projects: z.array(z.object({ key: z.string(), name: z.string() })),
          issueTypes: z.array(z.string()),
        }),
        brevo: z.object({
          lists: z.array(z.object({ id: z.number(), name: z.string() })),
          attributes: z.array(z.object({ name: z.string(), type: z.string() })),
        }),
      }),
    );
    expect(options.jira.projects.map((p) => p.key)).toEqual(['DEV', 'SUP']);
    expect(options.jira.issueTypes).toEqual(expect.arrayContaining(['Task', 'Bug', 'Story']));
    expect(options.brevo.lists).toEqual([
      { id: 4, name: 'Jira DEV customers' },
      { id: 3, name: 'Jira SUP customers' },
      { id: 2, name: 'Your first list' },
    ]);
    expect(options.brevo.attributes.map((a) => a.name)).toEqual(['FIRSTNAME', 'LASTNAME', 'SMS']);

    const jiraOnly = dataOf(await world.admin('getBrevoOptions', {}), z.looseObject({ jira: z.unknown() }));
    expect(jiraOnly).not.toHaveProperty('brevo');
    expect(errorOf(await world.admin('getBrevoOptions', { id: world.instanceId })).code).toBe('NOT_FOUND');
  });

  it('tells the pickers why Brevo lists are missing when the key is refused', async () => {
    const account = await create({ apiKey: 'xkeysib-not-a-real-key' });
    const options = dataOf(
      await world.admin('getBrevoOptions', { id: account.id }),
      z.object({ brevoError: z.string() }),
    );
    expect(options.brevoError).toContain('could not be read');
  });

  it('deletes an account with its key; it has no links', async () => {
    const account = await create();
    expect(
      dataOf(await world.admin('countLinks', { id: account.id }), z.object({ links: z.number() })),
    ).toEqual({
      links: 0,
    });
    dataOf(await world.admin('deleteInstance', { id: account.id }), z.object({}));
    expect(await world.run(() => kvs.getSecret(secretKey(account.id)))).toBeUndefined();
    const settings = dataOf(await world.admin('getSettings'), settingsSchema);
    expect(settings.instances.map((i) => i.name)).toEqual(['Acme Support']);
    expect(errorOf(await world.admin('deleteInstance', { id: account.id })).code).toBe('NOT_FOUND');
  });

  it('lets only Jira administrators use the Brevo calls', async () => {
    const account = await create();
    for (const key of ['getBrevoOptions', 'createBrevoAttributes', 'testConnection']) {
      expect(errorOf(await world.admin(key, { id: account.id }, users.bob.accountId)).code).toBe('FORBIDDEN');
    }
    expect(
      errorOf(
        await world.admin('saveInstance', { instance: brevoInput({ name: 'Other' }) }, users.bob.accountId),
      ).code,
    ).toBe('FORBIDDEN');
  });
});
