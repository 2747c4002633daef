// Issue 17: a Brevo account's status on the admin page (getBrevoStatus), against the emulators: the figures after real
// Jira activity went to Brevo, the counts of the last 24 hours from the sync log (entries with `outcome`, and older
// entries read by their words), Jira refusing the count, and who may ask.
import { z } from 'zod';
import { DEFAULT_ACCOUNT } from '../../../sandbox/brevo';
import { createStore } from '../../../src/store';
import type { NewSyncEvent } from '../../../src/sync/records/sync-event';
import { createWorld, dataOf, errorOf, users, type World } from '../world';

const statusSchema = z.strictObject({
  lastSuccessAt: z.string().nullable(),
  issuesTracked: z.number().nullable(),
  issuesTrackedError: z.string().optional(),
  projectsMonitored: z.number().nullable(),
  contactsLinked: z.number(),
  contactsLinkedComplete: z.boolean(),
  events24h: z.strictObject({ sent: z.number(), skipped: z.number(), failed: z.number() }),
  events24hComplete: z.boolean(),
  rateLimit: z
    .strictObject({
      remaining: z.number(),
      limit: z.number(),
      resetSeconds: z.number().nullable(),
      at: z.string(),
    })
    .nullable(),
});

/** Brevo's hourly quota on events and contacts, without the per-second one, so the headers read "of 10,000". */
const HOURLY = { perSecond: null, perHour: 10_000 };
const HOUR_MS = 60 * 60 * 1000;

describe('getBrevoStatus', () => {
  let world: World;
  let accountId: string;

  beforeEach(async () => {
    world = await createWorld({
      brevo: { appAttributes: true, rateLimits: { events: HOURLY, contacts: HOURLY } },
    });
    const supList = world.brevo.account().list('Jira SUP customers');
    const saved = await world.run(() =>
      world.store.config.saveBrevoAccount({
        kind: 'brevo',
        name: 'Acme CRM',
        apiKey: DEFAULT_ACCOUNT.apiKey,
        active: true,
        projects: ['SUP'],
        projectLists: [{ projectKey: 'SUP', listId: supList.id }],
      }),
    );
    if (!saved.ok) throw new Error(`Brevo account rejected: ${JSON.stringify(saved)}`);
    accountId = saved.instance.id;
  });

  afterEach(async () => {
    expect(world.jira.contractViolations()).toEqual([]);
    expect(world.brevo.contractViolations()).toEqual([]);
    await world.close();
  });

  const status = async (id = accountId) => dataOf(await world.admin('getBrevoStatus', { id }), statusSchema);

  async function seedLog(entries: Array<Omit<NewSyncEvent, 'instanceId' | 'operation'>>, at?: Date) {
    const store = at === undefined ? world.store : createStore({ clock: () => at });
    for (const entry of entries) {
      await world.run(() =>
        store.syncLog.append({ ...entry, instanceId: accountId, operation: 'issue-event-to-brevo' }),
      );
    }
  }

  it('says nothing happened yet for a new account, and counts its scope in Jira', async () => {
    // Paused, the account sends nothing: Jira's count alone sees the issues.
    const settings = await settingsOf(world, accountId);
    await world.run(() => world.store.config.saveBrevoAccount({ ...settings, active: false }));
    world.createIssue('First');
    world.createIssue('Second');
    world.createIssue('Elsewhere', 'DEV');
    await world.sandbox.drain();

    expect(await status()).toEqual({
      lastSuccessAt: null,
      issuesTracked: 2,
      projectsMonitored: 1,
      contactsLinked: 0,
      contactsLinkedComplete: true,
      events24h: { sent: 0, skipped: 0, failed: 0 },
      events24hComplete: true,
      rateLimit: null,
    });
  });

  it('reports the last success, the contacts, the events of the day and the quota Brevo reported', async () => {
    const before = Date.now();
    const issue = world.createIssue('Invoice export fails');
    await world.sandbox.drain();
    world.jira.admin.transitionIssue(users.alice.accountId, issue.id, { toStatus: 'In Progress' });
    // Bob hides his e-mail address: his issue is skipped with an entry.
    world.jira.admin.createIssue(users.bob.accountId, { project: 'SUP', issueType: 'Task', summary: 'Bob' });
    await world.sandbox.drain();
    // Brevo refuses the next event: logged as a failure, and that job records no success.
    world.brevo.failNext(1, {
      status: 400,
      body: '{"code":"invalid_parameter","message":"event refused"}',
      method: 'POST',
      pathIncludes: '/v3/events',
    });
    world.jira.admin.addComment(users.alice.accountId, issue.id, { body: 'We are on it' });
    await world.sandbox.drain();

    const figures = await status();
    const eventRequests = world.brevo
      .requests()
      .filter((r) => r.method === 'POST' && r.url.startsWith('/v3/events') && r.status === 204).length;
    expect(eventRequests).toBe(2);
    expect(figures).toMatchObject({
      issuesTracked: 2,
      projectsMonitored: 1,
      contactsLinked: 1,
      contactsLinkedComplete: true,
      events24h: { sent: 2, skipped: 1, failed: 1 },
      events24hComplete: true,
    });
    expect(Date.parse(figures.lastSuccessAt ?? '')).toBeGreaterThanOrEqual(before);
    // The quota of the last answer of a successful job (the refused event's answer came after it).
    expect(figures.rateLimit).toMatchObject({ limit: 10_000, resetSeconds: expect.any(Number) });
    expect(figures.rateLimit?.remaining).toBeLessThan(10_000);
    expect(figures.rateLimit?.remaining).toBeGreaterThanOrEqual(10_000 - eventRequests);
  });

  it('counts the last 24 hours by outcome, reads older entries by their words, and leaves older days out', async () => {
    await seedLog([
      { level: 'info', message: 'Sent jira_issue_created for SUP-1 to Alice.', outcome: 'sent' },
      { level: 'info', message: 'A neutral note the status does not count.' },
      { level: 'warn', message: 'Held back for a reason of a later version.', outcome: 'skipped' },
      {
        level: 'error',
        message: 'Brevo refused it.',
        outcome: 'failed',
        retry: { kind: 'outbound', payload: {} },
      },
      // Written before `outcome` existed.
      { level: 'info', message: 'Sent jira_comment_added for SUP-1 to Alice.' },
      { level: 'info', message: 'Not sent: SUP-2 has a security level, so it stays in Jira.' },
      { level: 'warn', message: 'Comment not sent: the comment is not customer-facing: internal.' },
      {
        level: 'warn',
        message:
          'Jira issue SUP-3 no longer exists, or the app can no longer browse it, so nothing was sent.',
      },
      { level: 'error', message: 'Gave up after repeated failures: Brevo could not answer.' },
    ]);
    await seedLog(
      [
        { level: 'info', message: 'Sent jira_issue_created for SUP-0 to Alice.', outcome: 'sent' },
        { level: 'error', message: 'Yesterday.', outcome: 'failed' },
      ],
      new Date(Date.now() - 25 * HOUR_MS),
    );

    expect((await status()).events24h).toEqual({ sent: 2, skipped: 4, failed: 2 });
  });

  it('leaves the issue count out with Jira’s reason when Jira refuses it, and shows the rest', async () => {
    const settings = await settingsOf(world, accountId);
    await world.run(() =>
      world.store.config.saveBrevoAccount({
        ...settings,
        jql: 'project = NOPE',
      }),
    );
    const figures = await status();
    expect(figures.issuesTracked).toBeNull();
    expect(figures.issuesTrackedError).toMatch(/^Jira did not count the issues in scope: .*NOPE/);
    expect(figures.projectsMonitored).toBe(1);
    expect(figures.events24h).toEqual({ sent: 0, skipped: 0, failed: 0 });
  });

  it('counts every project Jira lists for an account that takes all of them', async () => {
    const settings = await settingsOf(world, accountId);
    await world.run(() =>
      world.store.config.saveBrevoAccount({
        ...settings,
        projects: 'all',
        projectLists: [],
      }),
    );
    world.createIssue('Support');
    world.createIssue('Development', 'DEV');
    expect(await status()).toMatchObject({ projectsMonitored: 2, issuesTracked: 2 });
  });

  it('answers only Jira administrators, before reading the payload', async () => {
    const forbidden = errorOf(await world.admin('getBrevoStatus', { id: accountId }, users.bob.accountId));
    expect(forbidden.code).toBe('FORBIDDEN');
    expect(errorOf(await world.admin('getBrevoStatus', {}, users.bob.accountId)).code).toBe('FORBIDDEN');
  });

  it('names a missing account clearly, and refuses a TeamSupport instance or a malformed id', async () => {
    const missing = errorOf(await world.admin('getBrevoStatus', { id: 'brevo-gone' }));
    expect(missing).toEqual({ code: 'NOT_FOUND', message: 'No instance has this id; reload the page.' });
    const teamSupport = errorOf(await world.admin('getBrevoStatus', { id: world.instanceId }));
    expect(teamSupport).toEqual({
      code: 'NOT_FOUND',
      message: 'No Brevo account has this id; reload the page.',
    });
    expect(errorOf(await world.admin('getBrevoStatus', { id: '../x' })).code).toBe('INVALID_INPUT');
  });
});

/** The stored settings of an account, to save back with a change (the key is kept). */
async function settingsOf(world: World, id: string): Promise<Record<string, unknown>> {
  const read = await world.run(() => world.store.config.read());
  const account = read.ok ? read.document.brevoAccounts.find((candidate) => candidate.id === id) : undefined;
  if (!account) throw new Error(`no Brevo account ${id}`);
  const { createdAt: _createdAt, updatedAt: _updatedAt, ...settings } = account;
  return settings;
}
