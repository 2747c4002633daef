// Enhanced JQL search in the Jira emulator over HTTP: ids by default, page tokens, fields and properties, page
// caps, permissions and Jira's errors.
import { DEFAULT_FIXTURE as F } from '../index';
import { client, specErrors, useJira, type ErrorBody, type SearchResults } from '../jira.test-support';

// A frozen time source: the clock moves only when a test moves it, so date clauses never depend on timing.
const jira = useJira({ now: () => 0 });
const T0 = Date.UTC(2026, 10, 21, 10, 0); // 2026-11-21 10:00 UTC
const MINUTE = 60_000;

/** SUP-1..3 and DEV-1..2, created one hour apart from T0 (SUP first). */
function seedIssues(): Record<string, string> {
  jira().clock.set(T0);
  const ids: Record<string, string> = {};
  const make = (project: string, summary: string, fields: Record<string, unknown> = {}): void => {
    const { id, key } = jira().admin.createIssue('712020:alice', {
      project,
      issueType: 'Task',
      summary,
      fields,
    });
    ids[key] = id;
    jira().clock.advance(60 * MINUTE);
  };
  make('SUP', 'alpha');
  make('SUP', 'bravo');
  make('SUP', 'charlie');
  make('DEV', 'delta', { fixVersions: [{ name: '1.0' }] });
  make('DEV', 'echo', { fixVersions: [{ name: '2.0' }] });
  return ids;
}

async function search(body: Record<string, unknown>): Promise<SearchResults> {
  const reply = await client(jira()).post<SearchResults>('/rest/api/3/search/jql', body);
  expect(reply.status).toBe(200);
  expect(specErrors('SearchAndReconcileResults', reply.body)).toEqual([]);
  expect(reply.body).not.toHaveProperty('total');
  return reply.body;
}

async function keys(jql: string): Promise<string[]> {
  const result = await search({ jql, fields: ['summary'] });
  return result.issues.map((issue) => issue.key);
}

describe('POST /rest/api/3/search/jql', () => {
  it('returns only ids by default and isLast on the last page', async () => {
    const ids = seedIssues();
    const result = await search({ jql: 'project = SUP ORDER BY key ASC' });
    expect(result.issues).toEqual([{ id: ids['SUP-1'] }, { id: ids['SUP-2'] }, { id: ids['SUP-3'] }]);
    expect(result.isLast).toBe(true);
    expect(result).not.toHaveProperty('nextPageToken');
  });

  it.each([
    ['project = SUP', ['SUP-3', 'SUP-2', 'SUP-1']],
    ['project = 10001', ['DEV-2', 'DEV-1']],
    ['project in (SUP, DEV) ORDER BY key ASC', ['DEV-1', 'DEV-2', 'SUP-1', 'SUP-2', 'SUP-3']],
    ['key in (SUP-1, DEV-2) ORDER BY created ASC', ['SUP-1', 'DEV-2']],
    ['fixVersion = "1.0"', ['DEV-1']],
    ['fixVersion = 2.0 AND project = DEV', ['DEV-2']],
    ['project = SUP AND updated >= "2026-11-21 11:00" ORDER BY updated DESC', ['SUP-3', 'SUP-2']],
    ['updated >= "2026/11/21 12:00" AND updated < "2026-11-21 13:30"', ['DEV-1', 'SUP-3']],
    ['project = SUP ORDER BY summary DESC', ['SUP-3', 'SUP-2', 'SUP-1']],
    ['project = SUP AND status = "To Do" AND issuetype = Task ORDER BY id', ['SUP-1', 'SUP-2', 'SUP-3']],
    ['(project = DEV OR key = SUP-2) AND NOT key = DEV-1 ORDER BY key', ['DEV-2', 'SUP-2']],
  ])('%s', async (jql, expected) => {
    seedIssues();
    expect(await keys(jql)).toEqual(expected);
  });

  it('filters by id in (...)', async () => {
    const ids = seedIssues();
    expect(await keys(`id in (${ids['SUP-2'] ?? ''}, ${ids['DEV-1'] ?? ''}) ORDER BY key`)).toEqual([
      'DEV-1',
      'SUP-2',
    ]);
  });

  it('understands relative dates against the emulator clock', async () => {
    seedIssues();
    // the clock now stands 5 hours after T0; DEV-2 was written 1 hour ago
    jira().clock.set(T0 + 5 * 60 * MINUTE);
    expect(await keys('updated >= -61m')).toEqual(['DEV-2']);
    expect(await keys('updated >= -2h ORDER BY key')).toEqual(['DEV-1', 'DEV-2']);
    jira().admin.editIssue('app', 'SUP-1', { summary: 'touched' });
    expect(await keys('updated >= -5m')).toEqual(['SUP-1']);
  });

  it('pages with nextPageToken across three pages without overlap', async () => {
    jira().clock.set(T0);
    const created = Array.from(
      { length: 7 },
      (_, i) =>
        jira().admin.createIssue('app', { project: 'SUP', issueType: 'Task', summary: `issue ${i}` }).key,
    );
    const seen: string[] = [];
    let token: string | undefined;
    const pages: number[] = [];
    do {
      const page = await search({
        jql: 'project = SUP ORDER BY created ASC',
        maxResults: 3,
        fields: ['summary'],
        ...(token ? { nextPageToken: token } : {}),
      });
      pages.push(page.issues.length);
      seen.push(...page.issues.map((issue) => issue.key));
      expect(page.isLast).toBe(page.nextPageToken === undefined);
      token = page.nextPageToken;
    } while (token);
    expect(pages).toEqual([3, 3, 1]);
    expect(seen).toEqual(created);
  });

  it('returns the requested fields, properties and changelog', async () => {
    const ids = seedIssues();
    jira().admin.setIssueProperty('SUP-1', 'sync', { ticket: 7 });
    const result = await search({
      jql: 'key = SUP-1',
      fields: ['summary', 'status'],
      properties: ['sync'],
      expand: 'changelog,names',
    });
    expect(result.issues[0]).toMatchObject({
      id: ids['SUP-1'],
      key: 'SUP-1',
      fields: { summary: 'alpha', status: { name: 'To Do' } },
      properties: { sync: { ticket: 7 } },
      changelog: { total: 0 },
    });
    expect(Object.keys(result.issues[0]?.fields ?? {}).sort()).toEqual(['status', 'summary']);
  });

  it('caps a page at 100 issues when fields are requested', async () => {
    for (let i = 0; i < 101; i += 1)
      jira().admin.createIssue('app', { project: 'DEV', issueType: 'Story', summary: `s${i}` });
    const withFields = await search({ jql: 'project = DEV', maxResults: 500, fields: ['summary'] });
    expect(withFields.issues).toHaveLength(100);
    expect(withFields.nextPageToken).toEqual(expect.any(String));
    const idsOnly = await search({ jql: 'project = DEV', maxResults: 500 });
    expect(idsOnly.issues).toHaveLength(101);
  });

  it('hides issues of projects the caller cannot browse', async () => {
    seedIssues();
    jira().admin.revoke('712020:bob', 'BROWSE_PROJECTS', 'DEV');
    const reply = await client(jira(), 'user:712020:bob').post<SearchResults>('/rest/api/3/search/jql', {
      jql: 'updated >= "2026-01-01" ORDER BY key',
      fields: ['summary'],
    });
    expect(reply.body.issues.map((issue) => issue.key)).toEqual(['SUP-1', 'SUP-2', 'SUP-3']);
    const denied = await client(jira(), 'user:712020:bob').post<ErrorBody>('/rest/api/3/search/jql', {
      jql: 'project = DEV',
    });
    expect(denied.status).toBe(400);
    expect(denied.body.errorMessages).toEqual(["The value 'DEV' does not exist for the field 'project'."]);
  });

  it('also answers GET with the same semantics (the app POSTs; the snapshot test reads with GET)', async () => {
    seedIssues();
    const reply = await client(jira()).get<SearchResults>(
      `/rest/api/3/search/jql?jql=${encodeURIComponent('project = DEV ORDER BY key')}&fields=summary,status&maxResults=1`,
    );
    expect(reply.status).toBe(200);
    expect(specErrors('SearchAndReconcileResults', reply.body)).toEqual([]);
    expect(reply.body.issues.map((issue) => issue.key)).toEqual(['DEV-1']);
    expect(reply.body.nextPageToken).toEqual(expect.any(String));
  });
});

describe('search/jql errors', () => {
  it('rejects startAt (the request bean is closed) and records the violation', async () => {
    const reply = await client(jira()).post<ErrorBody>('/rest/api/3/search/jql', {
      jql: 'project = SUP',
      startAt: 0,
    });
    expect(reply.status).toBe(400);
    expect(reply.body.errorMessages).toEqual(['body must NOT have additional properties: startAt']);
    expect(jira().contractViolations()).toEqual([
      expect.objectContaining({ kind: 'request', operationId: 'searchAndReconsileIssuesUsingJqlPost' }),
    ]);
    jira().clearContractViolations();
  });

  it.each([
    [
      'ORDER BY key',
      'Unbounded JQL queries are not allowed here. Please add a search restriction to your query.',
    ],
    ['', 'Unbounded JQL queries are not allowed here. Please add a search restriction to your query.'],
    ['key in (SUP-404)', "An issue with key 'SUP-404' does not exist for field 'key'."],
    ['project = NOPE', "The value 'NOPE' does not exist for the field 'project'."],
    ['fixVersion = 9.9', "The value '9.9' does not exist for the field 'fixVersion'."],
    ['colour = red', "Field 'colour' does not exist or you do not have permission to view it."],
    ['project = SUP ORDER BY colour', "Not able to sort using field 'colour'."],
    ['project SUP', "Error in the JQL Query: Expecting operator but got 'SUP'. (line 1, character 9)"],
  ])('answers 400 for %j', async (jql, message) => {
    seedIssues();
    const reply = await client(jira()).post<ErrorBody>('/rest/api/3/search/jql', { jql });
    expect(reply.status).toBe(400);
    expect(reply.body.errorMessages).toEqual([message]);
  });

  it('rejects a malformed date and a page token from another query', async () => {
    seedIssues();
    const api = client(jira());
    const badDate = await api.post<ErrorBody>('/rest/api/3/search/jql', { jql: 'updated >= "yesterday"' });
    expect(badDate.status).toBe(400);
    expect(badDate.body.errorMessages[0]).toMatch(/^Date value 'yesterday' for field 'updated' is invalid/);
    const first = await search({ jql: 'project = SUP', maxResults: 1 });
    const replay = await api.post<ErrorBody>('/rest/api/3/search/jql', {
      jql: 'project = DEV',
      nextPageToken: first.nextPageToken,
    });
    expect(replay.status).toBe(400);
  });

  it('uses the default fixture ids', () => {
    expect(F.projects.DEV.id).toBe('10001');
  });
});
