// JiraRest.getCommentForSync (issue 18) over the real @forge/api against the Jira emulator: the one expression read
// answers what GET comment and GET issue answered, field for field where the sync decides on them.
import { DEFAULT_FIXTURE, startJiraEmulator, type JiraEmulator } from '../../../sandbox/jira';
import { createSandbox, type Sandbox } from '../../../sandbox/runtime/sandbox';
import { JiraHttp } from '../../../src/jira/http';
import { JiraRest } from '../../../src/jira/jira-rest';
import { fixedBudget } from '../../../src/lib/budget';

const { alice } = DEFAULT_FIXTURE.users;

describe('JiraRest.getCommentForSync', () => {
  let jira: JiraEmulator;
  let sandbox: Sandbox;
  let rest: JiraRest;
  let issue: { id: string; key: string };

  beforeEach(async () => {
    jira = await startJiraEmulator({ seed: 'default' });
    sandbox = createSandbox({ jiraBaseUrl: jira.baseUrl });
    rest = new JiraRest(new JiraHttp({ budget: fixedBudget(20_000) }));
    issue = jira.admin.createIssue(alice.accountId, {
      project: 'SUP',
      issueType: 'Task',
      summary: 'Printer',
    });
  });

  afterEach(async () => {
    expect(jira.contractViolations()).toEqual([]);
    await sandbox.close();
    await jira.close();
  });

  const run = <T>(work: () => Promise<T>): Promise<T> => sandbox.asInvocation(work, {});

  it('answers what the two REST reads answer, in one request', async () => {
    const comments = [
      jira.admin.addComment(alice.accountId, issue.id, { body: 'Public' }),
      jira.admin.addComment(alice.accountId, issue.id, {
        body: 'Devs only',
        visibility: { type: 'role', value: 'Developers' },
      }),
      jira.admin.addComment(alice.accountId, issue.id, { body: 'Internal', internal: true }),
      jira.admin.addComment(alice.accountId, issue.id, {
        body: 'Copied',
        properties: { 'support-ticket-sync': { origin: 'ticket-action', actionId: '7' } },
      }),
    ];
    jira.admin.setSecurityLevel(issue.id, { id: '10100', name: 'Staff only' });
    for (const { id } of comments) {
      jira.resetRequestLog();
      const one = await run(() => rest.getCommentForSync(issue.id, id));
      expect(jira.requestLog().map((entry) => entry.operationId)).toEqual(['evaluateJSISJiraExpression']);
      const comment = await run(() => rest.getComment(issue.id, id));
      const full = await run(() => rest.getIssue(issue.id));
      expect(one?.issue).toEqual({ key: full?.key, securityLevel: full?.securityLevel });
      expect(one?.issue.securityLevel).toBe('Staff only');
      const { jsdPublic: _jsdPublic, created: _created, updated: _updated, ...decided } = comment ?? {};
      expect(one?.comment).toMatchObject(decided);
      expect(Date.parse(one?.comment?.created ?? '')).toBe(
        Date.parse((comment?.created ?? '').replace(/(\d{2})(\d{2})$/, '$1:$2')),
      );
    }
  });

  it('is undefined for an issue the app cannot see, and has no comment for a deleted one', async () => {
    const gone = jira.admin.addComment(alice.accountId, issue.id, { body: 'Soon deleted' });
    jira.admin.deleteComment(alice.accountId, gone.id);
    expect(await run(() => rest.getCommentForSync(issue.id, gone.id))).toEqual({
      issue: { key: issue.key, securityLevel: null },
      comment: undefined,
    });
    jira.admin.revoke('app', 'BROWSE_PROJECTS', 'SUP');
    expect(await run(() => rest.getCommentForSync(issue.id, gone.id))).toBeUndefined();
  });
});
