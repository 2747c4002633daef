// The Jira port's reads that milestones, capacity and backfill walk (searchIssues, countIssues, listAssignableUsers),
// over the real @forge/api against the Jira emulator: pages follow Jira's token to the end in a stable order, issues
// are parsed as GET issue parses them, and the assignable users are read over Jira's whole user window.
import { DEFAULT_FIXTURE, startJiraEmulator, type JiraEmulator } from '../../../sandbox/jira';
import { createSandbox, type Sandbox } from '../../../sandbox/runtime/sandbox';
import { JiraHttp } from '../../../src/jira/http';
import { JiraRest } from '../../../src/jira/jira-rest';
import { fixedBudget } from '../../../src/lib/budget';
import { IntegrationError } from '../../../src/lib/errors';

const { alice, bob } = DEFAULT_FIXTURE.users;

describe('Jira port: searches, counts and assignable users', () => {
  let jira: JiraEmulator;
  let sandbox: Sandbox;
  let rest: JiraRest;

  beforeEach(async () => {
    jira = await startJiraEmulator({ seed: 'default' });
    sandbox = createSandbox({ jiraBaseUrl: jira.baseUrl });
    rest = new JiraRest(new JiraHttp({ budget: fixedBudget(20_000) }));
  });

  afterEach(async () => {
    expect(jira.contractViolations()).toEqual([]);
    await sandbox.close();
    await jira.close();
  });

  const run = <T>(work: () => Promise<T>): Promise<T> => sandbox.asInvocation(work);

  it('pages a version’s issues with the page token, each once and in id order, with the fields asked for', async () => {
    const version = jira.admin.createVersion('SUP', { name: '2.1' });
    const created = Array.from({ length: 7 }, (_, i) =>
      jira.admin.createIssue(alice.accountId, {
        project: 'SUP',
        issueType: 'Task',
        summary: `Issue ${i + 1}`,
        fields: i === 3 ? {} : { fixVersions: [{ id: version.id }] },
      }),
    );
    const seen: string[] = [];
    let token: string | undefined;
    let pages = 0;
    do {
      const page = await run(() =>
        rest.searchIssues(`fixVersion = ${version.id} ORDER BY id ASC`, ['reporter'], {
          maxResults: 3,
          ...(token === undefined ? {} : { nextPageToken: token }),
        }),
      );
      pages += 1;
      for (const issue of page.issues) {
        expect(issue).toMatchObject({
          projectKey: 'SUP',
          issueType: 'Task',
          status: 'To Do',
          securityLevel: null,
        });
        expect(issue.fields.reporter).toMatchObject({ accountId: alice.accountId });
        seen.push(issue.key);
      }
      token = page.nextPageToken;
    } while (token !== undefined);
    expect(pages).toBe(2);
    expect(seen).toEqual(created.filter((_, i) => i !== 3).map((issue) => issue.key));
  });

  it('counts the issues a query matches, and reports a query Jira refuses as a validation failure', async () => {
    for (let i = 0; i < 4; i++) {
      jira.admin.createIssue(alice.accountId, { project: 'SUP', issueType: 'Task', summary: `Count ${i}` });
    }
    expect(await run(() => rest.countIssues('project = SUP'))).toBe(4);
    expect(await run(() => rest.countIssues('project = DEV'))).toBe(0);
    const refused = await run(() => rest.countIssues('project = = SUP')).catch((error: unknown) => error);
    expect(refused).toBeInstanceOf(IntegrationError);
    expect(refused).toMatchObject({ kind: 'validation' });
  });

  it('lists every assignable user, also those after a range Jira filtered down to nothing', async () => {
    // 120 inactive users sort first (display name "Aa …"): the first page of 100 comes back empty.
    for (let i = 0; i < 120; i++) {
      jira.admin.addUser({
        accountId: `712020:gone-${String(i).padStart(3, '0')}`,
        displayName: `Aa Former ${String(i).padStart(3, '0')}`,
        active: false,
      });
    }
    jira.admin.addUser({ accountId: '712020:zed', displayName: 'Zed Last' });
    const users = await run(() => rest.listAssignableUsers('SUP'));
    expect(users.map((user) => user.accountId).sort()).toEqual(
      [alice.accountId, bob.accountId, '712020:zed'].sort(),
    );
    expect(users.find((user) => user.accountId === alice.accountId)?.displayName).toBe('Alice Admin');
  });
});
