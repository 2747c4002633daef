// Jira emulator events delivered through the sandbox runtime to a trigger, with ignoreSelf honoured.
import path from 'node:path';
import { kvs, WhereConditions } from '@forge/kvs';
import { startJiraEmulator, DEFAULT_FIXTURE, type JiraEmulator } from '../../sandbox/jira';
import { createSandbox, type Sandbox } from '../../sandbox/runtime/sandbox';

const probeApp = path.resolve(__dirname, '../fixtures/probe-app');

describe('product events from the Jira emulator', () => {
  let jira: JiraEmulator;
  let sandbox: Sandbox;

  beforeEach(async () => {
    jira = await startJiraEmulator({ seed: 'default' });
    sandbox = createSandbox({ appDir: probeApp, jiraBaseUrl: jira.baseUrl });
    jira.onEvent((event) => sandbox.emitProductEvent(event));
  });

  afterEach(async () => {
    await sandbox.close();
    await jira.close();
  });

  it('delivers a user comment and drops the app’s own comment for the ignoreSelf trigger', async () => {
    const issue = jira.admin.createIssue(DEFAULT_FIXTURE.users.alice.accountId, {
      project: 'SUP',
      issueType: 'Task',
      summary: 'Printer on fire',
    });
    jira.admin.addComment(DEFAULT_FIXTURE.users.alice.accountId, issue.id, { body: 'From a person' });
    // The app writes a comment through the real @forge/api, asApp.
    const written = await sandbox.invokeResolver({
      moduleKey: 'probe-panel',
      functionKey: 'commentAsApp',
      payload: { issueId: issue.id, text: 'From the app' },
      accountId: DEFAULT_FIXTURE.users.alice.accountId,
    });
    expect(written).toMatchObject({ status: 201 });
    await sandbox.drain();

    const ignoreSelf = await sandbox.asInvocation(async () => {
      const page = await kvs.query().where('key', WhereConditions.beginsWith('seen:')).getMany();
      return page.results.map((r) => r.value).sort();
    });
    const everything = await sandbox.asInvocation(() =>
      kvs.query().where('key', WhereConditions.beginsWith('events:all:')).getMany(),
    );
    // The filtered trigger saw the person's comment (and the update it fires); the unfiltered one saw both comments.
    expect(ignoreSelf).toEqual(['avi:jira:commented:issue', 'avi:jira:updated:issue']);
    expect(everything.results).toHaveLength(1);
    expect(sandbox.logEntries.some((e) => /dropped .*ignoreSelf/.test(e.message))).toBe(true);
    expect(jira.contractViolations()).toEqual([]);
  });
});
