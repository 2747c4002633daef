// Issue 7: tickets ask for Jira issues through the correlation field; the five project rules, linking by key, and
// failures written back once and retried.
import { z } from 'zod';
import { createWorld, type World } from '../world';

const FIELD = 'JiraIssueKey';

describe('escalation and linking from the ticket side', () => {
  let world: World;

  afterEach(async () => {
    expect(world.jira.contractViolations()).toEqual([]);
    await world.close();
  });

  async function cycle(): Promise<void> {
    await world.sandbox.runScheduledTrigger('pull-tickets');
    await world.sandbox.drain();
  }

  function askForIssue(
    input: { product?: string; reportedVersion?: string; ticketType?: string; value?: string } = {},
  ) {
    const ticket = world.org.createTicket({
      name: 'Export fails for large files',
      ticketType: input.ticketType ?? 'Question',
      description: '<p>Steps: export 2 GB.</p>',
      creator: 'Jane Doe',
      ...(input.product ? { product: input.product } : {}),
      ...(input.reportedVersion ? { reportedVersion: input.reportedVersion } : {}),
      customFields: { [FIELD]: input.value ?? 'NEW' },
    });
    return ticket;
  }

  const base = { correlationField: FIELD, defaultProjectKey: 'SUP' };

  it.each([
    [
      '1: always the default key',
      { alwaysUseDefaultProjectKey: true, projectMappings: [{ product: 'Widget', projectKey: 'DEV' }] },
      { product: 'Widget' },
      'SUP',
    ],
    [
      '2: the reported version’s key',
      { projectMappings: [{ product: 'Widget', version: '2.0', projectKey: 'DEV' }] },
      { product: 'Widget', reportedVersion: '2.0' },
      'DEV',
    ],
    [
      '3: the product’s key',
      { projectMappings: [{ product: 'Widget', projectKey: 'DEV' }] },
      { product: 'Widget', reportedVersion: '1.0' },
      'DEV',
    ],
    ['4: the product name as key', {}, { product: 'Dev' }, 'DEV'],
    ['5: no product, the default key', {}, {}, 'SUP'],
  ])(
    'creates the issue by rule %s, links it, writes the key back and adds one remote link',
    async (_rule, settings, ticketInput, project) => {
      world = await createWorld({ instance: { ...base, ...settings } });
      world.org.addProduct({ name: 'Dev' });
      const ticket = askForIssue(ticketInput);
      await cycle();
      await cycle();
      const key = world.org.ticket(ticket.ticketId).customFields[FIELD];
      expect(key).toMatch(new RegExp(`^${project}-\\d+$`));
      const issue = world.jira.admin.issue(key ?? '');
      expect(JSON.stringify(issue)).toContain('Export fails for large files');
      const links = await world.run(() =>
        world.store.links.getByTicket(world.instanceId, String(ticket.ticketId)),
      );
      expect(links).toMatchObject({ issueKey: key });
      const remote = await world.remoteLinks(z.object({ id: z.string() }).parse(issue).id);
      expect(remote).toEqual([
        expect.objectContaining({
          globalId: `teamsupport:${world.instanceId}:${ticket.ticketId}`,
          object: expect.objectContaining({
            title: `Ticket #${ticket.ticketNumber}: Export fails for large files`,
          }),
        }),
      ]);
      expect(world.appActions(ticket.ticketId).map((a) => a.description)).toEqual([
        expect.stringMatching(
          new RegExp(
            `^<p>Jira issue ${key ?? ''} was created for this ticket and linked to it\\. <em>\\(Jira sync linked:\\d+:\\w+\\)</em></p>$`,
          ),
        ),
      ]);
    },
  );

  it('links a ticket to an existing issue named by key, and reports an unknown key once', async () => {
    world = await createWorld({ instance: base });
    const issue = world.createIssue();
    const good = askForIssue({ value: issue.key.toLowerCase() });
    const bad = askForIssue({ value: 'SUP-999' });
    await cycle();
    world.sandbox.advanceClock(5 * 60_000);
    world.org.setCustomField(bad.ticketId, FIELD, 'SUP-999');
    await cycle();
    expect(await world.run(() => world.store.links.listByIssue(issue.id))).toEqual([
      expect.objectContaining({ ticketId: String(good.ticketId) }),
    ]);
    expect(world.appActions(bad.ticketId).map((a) => a.description)).toEqual([
      expect.stringContaining('no Jira issue SUP-999 exists'),
    ]);
    const errors = (await world.syncLog()).filter(
      (e) => e.level === 'error' && e.ticketId === String(bad.ticketId),
    );
    expect(errors).toHaveLength(1);
    expect(errors[0]?.retry).toEqual({
      kind: 'inbound',
      payload: { kind: 'retry-ticket', instanceId: world.instanceId, ticketId: String(bad.ticketId) },
    });
  });

  it.each([
    ['outside every project of the instance', {}, false],
    ['in one of its extra projects', { extraProjectKeys: ['DEV'] }, true],
    ['in one of its mapped projects', { projectMappings: [{ product: 'Widget', projectKey: 'DEV' }] }, true],
  ])(
    'links an issue key %s only when the instance works with that project',
    async (_where, settings, linked) => {
      world = await createWorld({ instance: { ...base, ...settings } });
      const issue = world.createIssue('Internal roadmap item', 'DEV');
      const ticket = askForIssue({ value: issue.key });
      await cycle();
      const links = await world.run(() => world.store.links.listByIssue(issue.id));
      expect(links).toHaveLength(linked ? 1 : 0);
      if (linked) return;
      expect(world.appActions(ticket.ticketId).map((a) => a.description)).toEqual([
        expect.stringContaining(`${issue.key} is not in a project this TeamSupport instance works with`),
      ]);
      // Nothing of the issue reaches the ticket, and the admin sees why.
      expect(world.jira.admin.comments(issue.id)).toEqual([]);
      const errors = (await world.syncLog()).filter(
        (e) => e.level === 'error' && e.ticketId === String(ticket.ticketId),
      );
      expect(errors).toEqual([expect.objectContaining({ operation: 'ticket-to-issue' })]);
    },
  );

  it('writes a failure back once, keeps retrying, and succeeds without duplicates once fixed', async () => {
    world = await createWorld({ instance: base });
    const ticket = askForIssue({ product: 'Gadget' });
    await cycle();
    world.sandbox.advanceClock(5 * 60_000);
    await cycle();
    expect(world.appActions(ticket.ticketId).map((a) => a.description)).toEqual([
      expect.stringContaining('Jira project GADGET does not exist'),
    ]);
    // The admin maps the product; the next cycle creates the issue.
    await world.run(async () => {
      const views = await world.store.config.listInstanceViews();
      if (!views.ok || !views.instances[0]) throw new Error('no instance');
      const { hasToken: _t, createdAt: _c, updatedAt: _u, ...input } = views.instances[0];
      const saved = await world.store.config.saveInstance({
        ...input,
        projectMappings: [{ product: 'Gadget', projectKey: 'DEV' }],
      });
      expect(saved.ok).toBe(true);
    });
    world.sandbox.advanceClock(5 * 60_000);
    await cycle();
    world.sandbox.advanceClock(5 * 60_000);
    await cycle();
    const key = world.org.ticket(ticket.ticketId).customFields[FIELD];
    expect(key).toMatch(/^DEV-\d+$/);
    expect(
      world.jira.admin.issues().filter((i) => JSON.stringify(i).includes('Export fails for large files')),
    ).toHaveLength(1);
  });

  it('refuses a project whose required field no mapping fills, then pushes the mapped field once it is mapped', async () => {
    world = await createWorld({
      instance: { ...base, alwaysUseDefaultProjectKey: true, defaultProjectKey: 'DEV' },
    });
    const ticket = world.org.createTicket({
      name: 'Crash on save',
      ticketType: 'Bug',
      description: '<p>Boom</p>',
      customFields: { [FIELD]: 'NEW', CustomerImpact: 'Major' },
    });
    await cycle();
    expect(world.appActions(ticket.ticketId).map((a) => a.description)).toEqual([
      expect.stringContaining('Jira requires "Severity" in DEV'),
    ]);
    await world.run(async () => {
      const views = await world.store.config.listInstanceViews();
      if (!views.ok || !views.instances[0]) throw new Error('no instance');
      const { hasToken: _t, createdAt: _c, updatedAt: _u, ...input } = views.instances[0];
      const saved = await world.store.config.saveInstance({
        ...input,
        fieldMappings: [{ jiraField: 'Severity', ticketField: 'CustomerImpact' }],
      });
      expect(saved.ok).toBe(true);
    });
    world.sandbox.advanceClock(5 * 60_000);
    await cycle();
    const key = world.org.ticket(ticket.ticketId).customFields[FIELD] ?? '';
    expect(key).toMatch(/^DEV-\d+$/);
    expect(JSON.stringify(world.jira.admin.issue(key))).toContain('"value":"Major"');
  });
});
