// The config repository against the KVS emulator: instances saved with tokens only in the secret store, updates,
// corrupt tokens, and per-field refusals that write nothing.
import { kvs } from '@forge/kvs';
import type { InstanceView } from '../../../src/domain/config';
import { CONFIG_KEY, cursorKey, secretKey } from '../../../src/store';
import type { SaveInstanceResult } from '../../../src/sync/records/config';
import { instanceInput, useStore } from './store-harness';

const TOKEN = '8f2c0d3e-1111-2222-3333-444455556666';

function saved(result: SaveInstanceResult): InstanceView {
  if (!result.ok) throw new Error(`expected a saved instance, got ${JSON.stringify(result)}`);
  return result.instance;
}

describe('config repository', () => {
  const ctx = useStore();

  it('creates an instance: settings in the document, token only in the secret store, hasToken in the view', async () => {
    const result = await ctx.run(() => ctx.store.config.saveInstance(instanceInput()));
    expect(result).toMatchObject({ ok: true, created: true });
    const view = saved(result);
    expect(view).toMatchObject({ id: 'inst-1', name: 'Support EU', hasToken: true, active: false });
    expect(view).not.toHaveProperty('apiToken');

    const stored = await ctx.run(async () => ({
      document: await kvs.get<unknown>(CONFIG_KEY),
      secret: await kvs.getSecret<unknown>(secretKey('inst-1')),
    }));
    expect(stored.secret).toBe(TOKEN);
    expect(JSON.stringify(stored.document)).not.toContain(TOKEN);
    expect(await ctx.run(() => ctx.store.credentials.getToken('inst-1'))).toBe(TOKEN);

    const views = await ctx.run(() => ctx.store.config.listInstanceViews());
    expect(views).toEqual({ ok: true, instances: [view], brevoAccounts: [] });
  });

  it('keeps the stored token when an update sends none, and replaces it when one is sent', async () => {
    const created = saved(await ctx.run(() => ctx.store.config.saveInstance(instanceInput())));
    ctx.clock.advance(60_000);
    const { apiToken: _token, ...withoutToken } = instanceInput({
      id: created.id,
      name: 'Support Europe',
      active: true,
    });
    const updated = await ctx.run(() => ctx.store.config.saveInstance(withoutToken));
    expect(updated).toMatchObject({ ok: true, created: false });
    expect(saved(updated)).toMatchObject({
      id: created.id,
      name: 'Support Europe',
      active: true,
      hasToken: true,
      createdAt: created.createdAt,
      updatedAt: '2025-03-01T09:01:00.000Z',
    });
    expect(await ctx.run(() => ctx.store.credentials.getToken(created.id))).toBe(TOKEN);

    await ctx.run(() =>
      ctx.store.config.saveInstance(instanceInput({ id: created.id, apiToken: ' new-token-42 ' })),
    );
    expect(await ctx.run(() => ctx.store.credentials.getToken(created.id))).toBe('new-token-42');
  });

  it('asks for a token on update when none is stored', async () => {
    const created = saved(await ctx.run(() => ctx.store.config.saveInstance(instanceInput())));
    await ctx.run(() => kvs.deleteSecret(secretKey(created.id)));
    const { apiToken: _token, ...withoutToken } = instanceInput({ id: created.id });
    const result = await ctx.run(() => ctx.store.config.saveInstance(withoutToken));
    expect(result).toEqual({
      ok: false,
      reason: 'invalid-input',
      issues: [{ path: 'apiToken', message: expect.stringMatching(/no token is stored/) as unknown }],
    });
    const views = await ctx.run(() => ctx.store.config.listInstanceViews());
    expect(views.ok && views.instances.map((i) => i.hasToken)).toEqual([false]);
  });

  it.each<[string, Record<string, unknown>, RegExp]>([
    ['server address', { baseUrl: 'https://app.teamsupport.com' }, /the server address changed/],
    ['organization', { organizationId: '7654321' }, /the Organization ID changed/],
  ])(
    'asks for the token again when an update changes the %s, and keeps the old token',
    async (_what, change, message) => {
      const created = saved(await ctx.run(() => ctx.store.config.saveInstance(instanceInput())));
      const { apiToken: _token, ...withoutToken } = instanceInput({ id: created.id, ...change });
      expect(await ctx.run(() => ctx.store.config.saveInstance(withoutToken))).toEqual({
        ok: false,
        reason: 'invalid-input',
        issues: [{ path: 'apiToken', message: expect.stringMatching(message) as unknown }],
      });
      const views = await ctx.run(() => ctx.store.config.listInstanceViews());
      expect(views.ok && views.instances.map((i) => [i.baseUrl, i.organizationId])).toEqual([
        [created.baseUrl, created.organizationId],
      ]);

      const withToken = instanceInput({ id: created.id, ...change, apiToken: 'token-for-the-new-address' });
      expect(saved(await ctx.run(() => ctx.store.config.saveInstance(withToken)))).toMatchObject(change);
      expect(await ctx.run(() => ctx.store.credentials.getToken(created.id))).toBe(
        'token-for-the-new-address',
      );
    },
  );

  it('skips and logs a corrupt token, reporting the instance as having none', async () => {
    saved(await ctx.run(() => ctx.store.config.saveInstance(instanceInput())));
    await ctx.run(() => kvs.setSecret(secretKey('inst-1'), { token: 42 }));
    expect(await ctx.run(() => ctx.store.credentials.getToken('inst-1'))).toBeUndefined();
    const views = await ctx.run(() => ctx.store.config.listInstanceViews());
    expect(views.ok && views.instances.map((i) => i.hasToken)).toEqual([false]);
    expect(ctx.logLines()).toContainEqual(
      expect.objectContaining({
        message: 'Skipped a corrupt stored record',
        store: 'secret',
        key: 'secret:instance:inst-1',
      }),
    );
  });

  it('refuses to update an instance that does not exist', async () => {
    const result = await ctx.run(() => ctx.store.config.saveInstance(instanceInput({ id: 'missing-1' })));
    expect(result).toEqual({ ok: false, reason: 'not-found' });
    expect(await ctx.run(() => kvs.getSecret(secretKey('missing-1')))).toBeUndefined();
  });

  describe('rejects invalid input with per-field messages, writing nothing', () => {
    const { apiToken: _token, ...withoutToken } = instanceInput();
    it.each<[string, unknown, string, RegExp]>([
      ['a duplicate name, ignoring case', instanceInput({ name: ' SUPPORT asia ' }), 'name', /already named/],
      ['a missing name', instanceInput({ name: undefined }), 'name', /Enter a name/],
      ['a name over 80 characters', instanceInput({ name: 'x'.repeat(81) }), 'name', /at most 80 characters/],
      [
        'http for a public host',
        instanceInput({ baseUrl: 'http://app.teamsupport.com' }),
        'baseUrl',
        /Use https/,
      ],
      [
        'credentials in the URL',
        instanceInput({ baseUrl: 'https://me:pw@app.teamsupport.com' }),
        'baseUrl',
        /Remove the user name and password/,
      ],
      ['a relative URL', instanceInput({ baseUrl: 'app.teamsupport.com' }), 'baseUrl', /including https/],
      [
        'a host outside the egress permissions',
        instanceInput({ baseUrl: 'https://169.254.169.254' }),
        'baseUrl',
        /TeamSupport addresses end in \.teamsupport\.com/,
      ],
      [
        'letters in the organization id',
        instanceInput({ organizationId: '12a4' }),
        'organizationId',
        /digits only/,
      ],
      ['no token on create', withoutToken, 'apiToken', /Enter the API token/],
      ['a blank token', instanceInput({ apiToken: '   ' }), 'apiToken', /paste the token/],
      [
        'a token over 200 characters',
        instanceInput({ apiToken: 't'.repeat(201) }),
        'apiToken',
        /copy it again/,
      ],
      [
        'a lowercase project key',
        instanceInput({ defaultProjectKey: 'sup' }),
        'defaultProjectKey',
        /uppercase/,
      ],
      [
        'always-use-default without a default key',
        instanceInput({ alwaysUseDefaultProjectKey: true }),
        'defaultProjectKey',
        /Enter a default project key/,
      ],
      [
        'JiraKey as correlation field',
        instanceInput({ correlationField: 'JiraKey' }),
        'correlationField',
        /JiraIssueKey/,
      ],
      [
        'the same Jira field mapped twice',
        instanceInput({
          fieldMappings: [
            { jiraField: 'Priority', ticketField: 'Severity' },
            { jiraField: 'priority', ticketField: 'Impact' },
          ],
        }),
        'fieldMappings.1.jiraField',
        /mapped twice/,
      ],
      [
        'a mapping row with a missing cell',
        instanceInput({ statusMappings: [{ jiraStatus: 'Done' }] }),
        'statusMappings.0.ticketStatus',
        /Enter the TeamSupport status/,
      ],
      [
        'an unknown time zone',
        instanceInput({ timeZone: 'Mars/Olympus_Mons' }),
        'timeZone',
        /IANA zone name/,
      ],
      ['a misspelt property', instanceInput({ activ: true }), 'activ', /Unknown property "activ"/],
      [
        'an empty ticket type list',
        instanceInput({ ticketTypes: [] }),
        'ticketTypes',
        /at least one ticket type/,
      ],
      ['a flag that is not a boolean', instanceInput({ active: 'yes' }), 'active', /true or false/],
      ['an unknown kind', instanceInput({ kind: 'zendesk' }), 'kind', /kind must be one of/],
      ['an id with a key separator', instanceInput({ id: 'a:b' }), 'id', /letters, digits/],
      ['a value that is not an object', 'teamsupport', '', /Expected an instance object/],
    ])('%s', async (_name, input, path, message) => {
      await ctx.run(() => ctx.store.config.saveInstance(instanceInput({ name: 'Support Asia' })));
      const before = await ctx.run(() => kvs.get<unknown>(CONFIG_KEY));
      const result = await ctx.run(() => ctx.store.config.saveInstance(input));
      expect(result).toEqual({
        ok: false,
        reason: 'invalid-input',
        issues: [{ path, message: expect.stringMatching(message) as unknown }],
      });
      expect(await ctx.run(() => kvs.get<unknown>(CONFIG_KEY))).toEqual(before);
    });
  });

  it('reports a corrupt document as an error value, logs it, and does not overwrite it', async () => {
    await ctx.run(() => kvs.set(CONFIG_KEY, { version: 1, instances: [{ kind: 'teamsupport', name: 7 }] }));
    const read = await ctx.run(() => ctx.store.config.read());
    expect(read).toMatchObject({ ok: false, error: { code: 'INVALID_DOCUMENT' } });
    expect(await ctx.run(() => ctx.store.config.listInstanceViews())).toMatchObject({ ok: false });
    expect(await ctx.run(() => ctx.store.config.saveInstance(instanceInput()))).toMatchObject({
      ok: false,
      reason: 'config-unavailable',
    });
    expect(await ctx.run(() => ctx.store.config.deleteInstance('inst-1'))).toMatchObject({
      ok: false,
      reason: 'config-unavailable',
    });
    expect(ctx.logLines()).toContainEqual(
      expect.objectContaining({
        level: 'error',
        message: 'The stored configuration cannot be used',
        code: 'INVALID_DOCUMENT',
      }),
    );
    expect(await ctx.run(() => kvs.get(CONFIG_KEY))).toEqual({
      version: 1,
      instances: [{ kind: 'teamsupport', name: 7 }],
    });
  });

  it('reports a document from a newer build as unsupported', async () => {
    await ctx.run(() => kvs.set(CONFIG_KEY, { version: 99, instances: [] }));
    expect(await ctx.run(() => ctx.store.config.read())).toMatchObject({
      ok: false,
      error: { code: 'UNSUPPORTED_VERSION', version: 99 },
    });
  });

  it('strips a token leaked into the document and writes the clean document back', async () => {
    const created = saved(await ctx.run(() => ctx.store.config.saveInstance(instanceInput())));
    const { hasToken: _hasToken, ...stored } = created;
    await ctx.run(() =>
      kvs.set(CONFIG_KEY, {
        version: 2,
        instances: [{ ...stored, apiToken: 'leaked-token-77' }],
        brevoAccounts: [],
      }),
    );

    const read = await ctx.run(() => ctx.store.config.read());
    expect(read).toEqual({ ok: true, document: { version: 2, instances: [stored], brevoAccounts: [] } });
    expect(JSON.stringify(await ctx.run(() => kvs.get(CONFIG_KEY)))).not.toContain('leaked-token-77');
    expect(ctx.logLines()).toContainEqual(
      expect.objectContaining({
        message: 'Rewrote the stored configuration',
        strippedSecretPaths: ['instances.0.apiToken'],
      }),
    );
    expect(ctx.consoleText()).not.toContain('leaked-token-77');
  });

  it('migrates a version-0 document and writes it back', async () => {
    const created = saved(await ctx.run(() => ctx.store.config.saveInstance(instanceInput())));
    const { hasToken: _hasToken, kind: _kind, ...legacy } = created;
    await ctx.run(() => kvs.set(CONFIG_KEY, [legacy]));
    const read = await ctx.run(() => ctx.store.config.read());
    expect(read.ok && read.document.instances.map((i) => i.id)).toEqual([created.id]);
    expect(await ctx.run(() => kvs.get(CONFIG_KEY))).toMatchObject({ version: 2, brevoAccounts: [] });
  });

  it('deletes an instance with its token, watermark and all of its 1,000+ links, leaving other instances alone', async () => {
    const store = ctx.store;
    await ctx.run(async () => {
      saved(await store.config.saveInstance(instanceInput({ name: 'Support A', apiToken: 'token-aaa' })));
      saved(await store.config.saveInstance(instanceInput({ name: 'Support B', apiToken: 'token-bbb' })));
      await store.cursors.save('inst-1', { watermark: '2025-03-01T08:00:00.000Z' });
      await store.cursors.save('inst-2', { watermark: '2025-03-01T08:00:00.000Z' });
    });
    await ctx.run(async () => {
      for (let ticket = 1; ticket <= 1_030; ticket++) {
        await store.links.create({
          instanceId: 'inst-1',
          ticketId: String(ticket),
          ticketNumber: String(ticket),
          issueId: String(10_000 + (ticket % 40)),
          issueKey: `SUP-${ticket % 40}`,
        });
      }
      await store.links.create({
        instanceId: 'inst-2',
        ticketId: '1',
        ticketNumber: '1',
        issueId: '10001',
        issueKey: 'SUP-1',
      });
    });

    expect(await ctx.run(() => store.config.countLinks('inst-1'))).toBe(1_030);
    const result = await ctx.run(() => store.config.deleteInstance('inst-1'));
    expect(result).toEqual({ ok: true, instanceRemoved: true, linksRemoved: 1_030, complete: true });

    const after = await ctx.run(async () => ({
      views: await store.config.listInstanceViews(),
      secretA: await kvs.getSecret(secretKey('inst-1')),
      secretB: await kvs.getSecret(secretKey('inst-2')),
      cursorA: await kvs.get(cursorKey('inst-1')),
      cursorB: await store.cursors.load('inst-2'),
      linksA: await store.links.countByInstance('inst-1'),
      linksB: await store.links.countByInstance('inst-2'),
      issueLinks: await store.links.listByIssue('10001'),
    }));
    expect(after.views.ok && after.views.instances.map((i) => i.id)).toEqual(['inst-2']);
    expect(after.secretA).toBeUndefined();
    expect(after.secretB).toBe('token-bbb');
    expect(after.cursorA).toBeUndefined();
    expect(after.cursorB).toEqual({ watermark: '2025-03-01T08:00:00.000Z' });
    expect(after.linksA).toBe(0);
    expect(after.linksB).toBe(1);
    expect(after.issueLinks.map((l) => l.instanceId)).toEqual(['inst-2']);
  });

  it('stops removing links when the budget runs out and finishes on the next call', async () => {
    await ctx.run(async () => {
      for (let ticket = 1; ticket <= 250; ticket++) {
        await ctx.store.links.create({
          instanceId: 'inst-x',
          ticketId: String(ticket),
          ticketNumber: String(ticket),
          issueId: '1',
          issueKey: 'A-1',
        });
      }
    });
    let remaining = 3_500;
    const budget = { remainingMs: () => (remaining -= 400) };
    const first = await ctx.run(() => ctx.store.config.deleteInstance('inst-x', { budget }));
    expect(first).toMatchObject({ ok: true, instanceRemoved: false, complete: false });
    const firstRemoved = first.ok ? first.linksRemoved : -1;
    expect(firstRemoved).toBeGreaterThan(0);
    expect(firstRemoved).toBeLessThan(250);
    const second = await ctx.run(() => ctx.store.config.deleteInstance('inst-x'));
    expect(second).toEqual({
      ok: true,
      instanceRemoved: false,
      linksRemoved: 250 - firstRemoved,
      complete: true,
    });
  });

  it('treats an id that cannot be a storage key as nothing to delete', async () => {
    expect(await ctx.run(() => ctx.store.config.deleteInstance('a:b'))).toEqual({
      ok: true,
      instanceRemoved: false,
      linksRemoved: 0,
      complete: true,
    });
    expect(await ctx.run(() => ctx.store.config.countLinks('a:b'))).toBe(0);
  });
});
