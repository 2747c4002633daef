// The Jira port over the real @forge/api, against the Jira emulator.
import { DEFAULT_FIXTURE, startJiraEmulator, type JiraEmulator } from '../../../sandbox/jira';
import { createSandbox, type Sandbox } from '../../../sandbox/runtime/sandbox';
import { paragraph, doc } from '../../../src/domain/content';
import { JiraHttp } from '../../../src/jira/http';
import { JiraAsUser, JiraRest } from '../../../src/jira/jira-rest';
import { fixedBudget } from '../../../src/lib/budget';
import { IntegrationError } from '../../../src/lib/errors';

const { alice, bob } = DEFAULT_FIXTURE.users;

describe('Jira port (JiraRest, JiraAsUser)', () => {
  let jira: JiraEmulator;
  let sandbox: Sandbox;
  let rest: JiraRest;
  let asUser: JiraAsUser;
  let issueId: string;

  beforeEach(async () => {
    jira = await startJiraEmulator({ seed: 'default' });
    sandbox = createSandbox({ jiraBaseUrl: jira.baseUrl });
    const http = new JiraHttp({ budget: fixedBudget(20_000) });
    rest = new JiraRest(http);
    asUser = new JiraAsUser(http);
    issueId = jira.admin.createIssue(alice.accountId, {
      project: 'SUP',
      issueType: 'Task',
      summary: 'Printer on fire',
    }).id;
  });

  afterEach(async () => {
    expect(jira.contractViolations()).toEqual([]);
    await sandbox.close();
    await jira.close();
  });

  const run = <T>(work: () => Promise<T>, accountId?: string): Promise<T> =>
    sandbox.asInvocation(work, accountId ? { accountId } : {});

  it('reads an issue, and undefined for one that does not exist', async () => {
    const issue = await run(() => rest.getIssue(issueId));
    expect(issue).toMatchObject({
      id: issueId,
      key: 'SUP-1',
      summary: 'Printer on fire',
      status: 'To Do',
      issueType: 'Task',
      projectKey: 'SUP',
      securityLevel: null,
    });
    expect(await run(() => rest.getIssue('99999'))).toBeUndefined();
  });

  it('re-reads comments with visibility, JSM flags and properties', async () => {
    const open = jira.admin.addComment(alice.accountId, issueId, { body: 'Public' });
    const restricted = jira.admin.addComment(alice.accountId, issueId, {
      body: 'Devs only',
      visibility: { type: 'role', value: 'Developers' },
    });
    const internal = jira.admin.addComment(alice.accountId, issueId, { body: 'Internal', internal: true });
    expect(await run(() => rest.getComment(issueId, open.id))).toMatchObject({
      visibility: null,
      properties: {},
      authorName: alice.displayName,
    });
    expect(await run(() => rest.getComment(issueId, restricted.id))).toMatchObject({
      visibility: { type: 'role', value: 'Developers' },
    });
    expect(await run(() => rest.getComment(issueId, internal.id))).toMatchObject({
      jsdPublic: false,
      properties: { 'sd.public.comment': { internal: true } },
    });
    expect(await run(() => rest.getComment(issueId, '424242'))).toBeUndefined();
  });

  it('adds a comment as the app with properties, and finds it again by property', async () => {
    const created = await run(() =>
      rest.addComment(issueId, doc(paragraph('From TeamSupport')), [
        { key: 'support-ticket-sync', value: { actionId: '77' } },
      ]),
    );
    const found = await run(() =>
      rest.findCommentWithProperty(
        issueId,
        'support-ticket-sync',
        (v) => typeof v === 'object' && v !== null && Reflect.get(v, 'actionId') === '77',
      ),
    );
    expect(found).toBe(created.id);
    expect(jira.admin.comments(issueId)).toHaveLength(1);
    // Written as the app, so Jira marks its event as self-generated.
    expect(
      jira
        .events()
        .filter((e) => e.eventType === 'avi:jira:commented:issue')
        .at(-1),
    ).toMatchObject({ selfGenerated: true });
  });

  it('creates a remote link once however often it is upserted, and deletes it by global id', async () => {
    const link = {
      globalId: 'teamsupport:1:745895',
      applicationName: 'TeamSupport',
      applicationType: 'com.teamsupport',
      url: 'https://app.teamsupport.com/Ticket.aspx?ticketid=745895',
      title: 'Ticket #80920001: Test',
    };
    await run(() => rest.upsertRemoteLink(issueId, link));
    await run(() => rest.upsertRemoteLink(issueId, { ...link, title: 'Ticket #80920001: Renamed' }));
    expect(await run(() => rest.listRemoteLinkGlobalIds(issueId))).toEqual(['teamsupport:1:745895']);
    await run(() => rest.deleteRemoteLink(issueId, link.globalId));
    expect(await run(() => rest.listRemoteLinkGlobalIds(issueId))).toEqual([]);
  });

  it('reads fields, statuses and create metadata, and creates issues', async () => {
    const fields = await run(() => rest.listFields());
    expect(fields.find((f) => f.id === DEFAULT_FIXTURE.customFields.severity)).toMatchObject({
      name: 'Severity',
      type: 'option',
      custom: true,
    });
    expect((await run(() => rest.listStatuses())).map((s) => s.name)).toEqual(
      expect.arrayContaining(['To Do', 'In Progress', 'Done']),
    );
    const types = await run(() => rest.createMetaIssueTypes('DEV'));
    const bug = types?.find((t) => t.name === 'Bug');
    expect(bug).toBeDefined();
    const meta = await run(() => rest.createMetaFields('DEV', bug?.id ?? ''));
    expect(meta.find((f) => f.fieldId === DEFAULT_FIXTURE.customFields.severity)).toMatchObject({
      required: true,
      type: 'option',
    });
    expect(await run(() => rest.createMetaIssueTypes('NOPE'))).toBeUndefined();
    const created = await run(() =>
      rest.createIssue({ project: { key: 'SUP' }, issuetype: { name: 'Task' }, summary: 'From a ticket' }),
    );
    expect(created.key).toMatch(/^SUP-\d+$/);
    expect(await run(() => rest.projectExists('SUP'))).toBe(true);
    expect(await run(() => rest.projectExists('NOPE'))).toBe(false);
  });

  describe('create metadata paging', () => {
    const issueTypesPath = /\/issue\/createmeta\/DEV\/issuetypes$/;
    const fieldsPath = /\/issue\/createmeta\/DEV\/issuetypes\/\d+$/;
    const queriesTo = (path: RegExp): string[] =>
      jira
        .requestLog()
        .filter((entry) => path.test(entry.path))
        .map((entry) => entry.query);
    const paged = (paging: { pageSize?: number; maxPages?: number }): JiraRest =>
      new JiraRest(new JiraHttp({ budget: fixedBudget(20_000) }), paging);

    it('reads every page, each starting after the items received', async () => {
      const types = await run(() => paged({ pageSize: 2 }).createMetaIssueTypes('DEV'));
      expect(types?.map((t) => t.name)).toEqual(['Task', 'Story', 'Bug']);
      expect(queriesTo(issueTypesPath)).toEqual(['startAt=0&maxResults=2', 'startAt=2&maxResults=2']);
      const bug = types?.find((t) => t.name === 'Bug')?.id ?? '';
      jira.resetRequestLog();
      const all = await run(() => rest.createMetaFields('DEV', bug));
      expect(await run(() => paged({ pageSize: 2 }).createMetaFields('DEV', bug))).toEqual(all);
      expect(queriesTo(fieldsPath).length).toBe(1 + Math.ceil(all.length / 2));
    });

    it('stops at an empty page that still says there are more', async () => {
      jira.faults.emptyPageNext(1, { match: { path: issueTypesPath } });
      expect(await run(() => rest.createMetaIssueTypes('DEV'))).toEqual([]);
      expect(queriesTo(issueTypesPath)).toHaveLength(1);
      const bug =
        (await run(() => rest.createMetaIssueTypes('DEV')))?.find((t) => t.name === 'Bug')?.id ?? '';
      jira.resetRequestLog();
      jira.faults.emptyPageNext(1, { match: { path: fieldsPath } });
      expect(await run(() => rest.createMetaFields('DEV', bug))).toEqual([]);
      expect(jira.requestLog().map((entry) => [entry.path.replace(/.*createmeta/, ''), entry.fault])).toEqual(
        [[`/DEV/issuetypes/${bug}`, 'empty-page']],
      );
    });

    it('refuses a list that is still going after the most pages it reads', async () => {
      const attempt = run(() => paged({ pageSize: 1, maxPages: 2 }).createMetaIssueTypes('DEV'));
      await expect(attempt).rejects.toBeInstanceOf(IntegrationError);
      await expect(attempt).rejects.toMatchObject({
        kind: 'malformed',
        message: expect.stringMatching(/2 pages/),
      });
      expect(queriesTo(issueTypesPath)).toHaveLength(2);
      // Three pages of one hold all three types: the cap is a number of requests, not one less.
      expect(await run(() => paged({ pageSize: 1, maxPages: 3 }).createMetaIssueTypes('DEV'))).toHaveLength(
        3,
      );
    });
  });

  it('reports a refused create as a validation error naming the field', async () => {
    const attempt = run(() =>
      rest.createIssue({ project: { key: 'DEV' }, issuetype: { name: 'Bug' }, summary: 'No severity' }),
    );
    await expect(attempt).rejects.toMatchObject({
      kind: 'validation',
      message: expect.stringMatching(/customfield_10010|Severity/),
    });
  });

  it('waits out a 429 with Retry-After and a 5xx, then succeeds', async () => {
    jira.faults.rateLimitNext(1, { retryAfterSeconds: 1, reason: 'jira-burst-based' });
    jira.faults.failNext(1, { status: 503 });
    const issue = await run(() => rest.getIssue(issueId));
    expect(issue?.key).toBe('SUP-1');
    expect(
      jira
        .requestLog()
        .filter((r) => r.path.includes(`/issue/${issueId}`))
        .map((r) => r.status),
    ).toEqual([429, 503, 200]);
  });

  it('gives up on a rate limit that does not fit the time budget', async () => {
    jira.faults.rateLimitNext(1, { retryAfterSeconds: 600, reason: 'jira-quota-global-based' });
    const attempt = run(() => rest.getIssue(issueId));
    await expect(attempt).rejects.toBeInstanceOf(IntegrationError);
    await expect(attempt).rejects.toMatchObject({
      kind: 'rate-limited',
      message: expect.stringContaining('jira-quota-global-based'),
    });
  });

  it('asks Jira, as the caller, what the caller may see and do', async () => {
    expect(await run(() => asUser.canBrowseIssue(issueId), alice.accountId)).toBe(true);
    expect(await run(() => asUser.isJiraAdmin(), alice.accountId)).toBe(true);
    expect(await run(() => asUser.isJiraAdmin(), bob.accountId)).toBe(false);
    jira.admin.revoke(bob.accountId, 'BROWSE_PROJECTS');
    expect(await run(() => asUser.canBrowseIssue(issueId), bob.accountId)).toBe(false);
    expect(
      await run(() => asUser.hasIssuePermissions(issueId, ['LINK_ISSUES', 'EDIT_ISSUES']), alice.accountId),
    ).toEqual({
      LINK_ISSUES: true,
      EDIT_ISSUES: true,
    });
  });
});
