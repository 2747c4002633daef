// Issue 16: Jira issue activity reaches the customer's Brevo contact: each event kind exactly once (redelivery, lost
// answers, 429 storms), never a restricted comment, never a guessed e-mail address, only within the account's filters,
// with the mapped attributes and list membership.
import { DEFAULT_ACCOUNT } from '../../../sandbox/brevo';
import { createWorld, users, type World } from '../world';

describe('Brevo: Jira issue activity on the customer contact', () => {
  let world: World;
  let accountId: string;

  afterEach(async () => {
    expect(world.jira.contractViolations()).toEqual([]);
    expect(world.brevo.contractViolations()).toEqual([]);
    await world.close();
  });

  async function withAccount(
    settings: Record<string, unknown> = {},
    options: { appAttributes?: boolean } = {},
  ) {
    world = await createWorld({ brevo: { appAttributes: options.appAttributes ?? true } });
    const supList = world.brevo.account().list('Jira SUP customers');
    const saved = await world.run(() =>
      world.store.config.saveBrevoAccount({
        kind: 'brevo',
        name: 'Acme CRM',
        apiKey: DEFAULT_ACCOUNT.apiKey,
        active: true,
        projectLists: [{ projectKey: 'SUP', listId: supList.id }],
        ...settings,
      }),
    );
    if (!saved.ok) throw new Error(`Brevo account rejected: ${JSON.stringify(saved)}`);
    accountId = saved.instance.id;
    return supList;
  }

  const timeline = (email = 'alice@example.com') => world.brevo.account().timeline(email);
  const named = (name: string, email?: string) => timeline(email).filter((event) => event.name === name);
  const brevoLog = async () => {
    const { store } = world;
    return (await world.run(() => store.syncLog.list({ instanceId: accountId, limit: 100 }))).entries;
  };

  it('sends a status change once, with from/to, the issue facts, the mapped attributes and the project list', async () => {
    const supList = await withAccount();
    const issue = world.createIssue('Invoice export fails');
    await world.sandbox.drain();
    world.jira.admin.transitionIssue(users.alice.accountId, issue.id, { toStatus: 'In Progress' });
    await world.sandbox.drain();

    expect(named('jira_issue_created')).toHaveLength(1);
    const [changed] = named('jira_issue_status_changed');
    expect(named('jira_issue_status_changed')).toHaveLength(1);
    expect(changed?.properties).toMatchObject({
      issue_key: issue.key,
      project: 'SUP',
      from_status: 'To Do',
      to_status: 'In Progress',
      summary: 'Invoice export fails',
      event_date: expect.any(String),
    });
    const contact = world.brevo.account().contact('alice@example.com');
    expect(contact?.attributes).toMatchObject({
      JIRA_ACCOUNT_ID: users.alice.accountId,
      FIRSTNAME: 'Alice Admin',
      LAST_TICKET_KEY: issue.key,
    });
    expect(world.brevo.account().listMembers(supList.id)).toContain('alice@example.com');
    // One upsert for the new contact; later attribute changes ride on the events themselves.
    const upserts = world.brevo
      .requests()
      .filter((r) => r.method === 'POST' && r.url.startsWith('/v3/contacts'));
    expect(upserts).toHaveLength(1);
  });

  it('reads a known contact and Jira user from the cache: a second event of the same issue costs one event request', async () => {
    await withAccount();
    const issue = world.createIssue('Cached contact');
    await world.sandbox.drain();
    world.jira.admin.addComment(users.alice.accountId, issue.id, { body: 'First' });
    await world.sandbox.drain();
    world.brevo.clearRequests();
    world.jira.admin.addComment(users.alice.accountId, issue.id, { body: 'Second' });
    await world.sandbox.drain();
    expect(world.brevo.requests().map((r) => `${r.method} ${r.url.split('?')[0] ?? ''}`)).toEqual([
      'POST /v3/events',
    ]);
  });

  it.each([
    ['redelivered three times', (w: World) => w.sandbox.redeliverCompleted()],
    [
      'its answer lost',
      (w: World) => w.brevo.loseAnswerNext(1, { method: 'POST', pathIncludes: '/v3/events' }),
    ],
    ['a 429 storm', (w: World) => w.brevo.rateLimitNext(6)],
  ])(
    'sends each event kind (created, status, comment, updated, resolved) exactly once when the request is %s',
    async (_case, fault) => {
      await withAccount();
      const issue = world.createIssue('Printer on fire');
      await world.sandbox.drain();
      fault(world);
      world.jira.admin.transitionIssue(users.alice.accountId, issue.id, { toStatus: 'In Progress' });
      world.jira.admin.addComment(users.alice.accountId, issue.id, { body: 'We are on it' });
      world.jira.admin.editIssue(users.alice.accountId, issue.id, { summary: 'Printer on fire, floor 2' });
      world.jira.admin.transitionIssue(users.alice.accountId, issue.id, { toStatus: 'Done' });
      await world.sandbox.drain();
      for (let i = 0; i < 3; i++) {
        world.sandbox.redeliverCompleted();
        await world.sandbox.drain();
      }
      // The fault was met, and still every event arrived once.
      expect(world.brevo.pendingFaults()).toBe(0);
      expect(named('jira_issue_created')).toHaveLength(1);
      expect(named('jira_issue_status_changed')).toHaveLength(2);
      expect(named('jira_comment_added')).toHaveLength(1);
      expect(named('jira_issue_updated')).toHaveLength(1);
      expect(named('jira_issue_resolved')).toHaveLength(1);
      expect(named('jira_issue_resolved')[0]?.properties).toMatchObject({
        issue_key: issue.key,
        status: 'Done',
      });
      expect((await brevoLog()).filter((entry) => entry.level === 'error')).toEqual([]);
    },
  );

  it('sends jira_issue_updated with the changed mapped field, and nothing for an unmapped one', async () => {
    await withAccount();
    const issue = world.createIssue('Old summary');
    await world.sandbox.drain();
    world.jira.admin.editIssue(users.alice.accountId, issue.id, { summary: 'New summary' });
    world.jira.admin.editIssue(users.alice.accountId, issue.id, { labels: ['vip'] });
    await world.sandbox.drain();
    const updates = named('jira_issue_updated');
    expect(updates).toHaveLength(1);
    expect(updates[0]?.properties).toMatchObject({ changed_fields: 'summary', new_summary: 'New summary' });
  });

  it('never sends a restricted or internal comment, and says why', async () => {
    await withAccount();
    const issue = world.createIssue();
    await world.sandbox.drain();
    world.jira.admin.addComment(users.alice.accountId, issue.id, {
      body: 'Between us',
      visibility: { type: 'role', value: 'Developers' },
    });
    world.jira.admin.addComment(users.alice.accountId, issue.id, { body: 'Internal note', internal: true });
    world.jira.admin.addComment(users.alice.accountId, issue.id, { body: 'Customer-facing' });
    await world.sandbox.drain();
    const comments = named('jira_comment_added');
    expect(comments.map((event) => event.properties.comment)).toEqual(['Customer-facing']);
    const warnings = (await brevoLog()).filter((entry) => entry.level === 'warn');
    expect(warnings).toHaveLength(2);
  });

  it('skips a contact whose e-mail is hidden, with a log entry, and never guesses an address', async () => {
    await withAccount();
    world.jira.admin.createIssue(users.bob.accountId, {
      project: 'SUP',
      issueType: 'Task',
      summary: 'Bob asks',
    });
    await world.sandbox.drain();
    expect(world.brevo.account().events()).toEqual([]);
    expect(
      world.brevo
        .account()
        .contacts()
        .map((contact) => contact.email),
    ).not.toContain('bob@example.com');
    const entries = await brevoLog();
    expect(entries).toEqual([
      expect.objectContaining({ level: 'info', message: expect.stringMatching(/e-mail address is hidden/) }),
    ]);
  });

  it.each([
    ['a project outside the account', { projects: ['DEV'], projectLists: [] }, 0],
    ['an issue type outside the account', { issueTypes: ['Bug'] }, 0],
    ['an issue that does not match the JQL', { jql: 'summary ~ "urgent"' }, 0],
    ['an issue that matches the JQL', { jql: 'project = SUP' }, 1],
  ])('holds the filters: %s', async (_case, settings, expected) => {
    await withAccount(settings);
    world.createIssue('Routine question');
    await world.sandbox.drain();
    expect(named('jira_issue_created')).toHaveLength(expected);
  });

  it('reports a wrong API key as an error with Retry, and sends nothing', async () => {
    await withAccount({ apiKey: 'xkeysib-wrong' });
    world.createIssue();
    await world.sandbox.drain();
    expect(world.brevo.account().events()).toEqual([]);
    const errors = (await brevoLog()).filter((entry) => entry.level === 'error');
    expect(errors).toEqual([
      expect.objectContaining({ message: expect.stringMatching(/API key/i), retry: expect.anything() }),
    ]);
  });
});
