// The JQL, counts and lists the app's milestone, capacity and backfill flows use: status categories, resolution and
// relative dates, assignees and projects with AND/OR/NOT and ORDER BY; POST /search/approximate-count; the assignable
// users of a project with Jira's short pages; and enhanced-search paging over a large result set.
import { DEFAULT_FIXTURE as F } from '../index';
import {
  client,
  specErrors,
  useJira,
  type ErrorBody,
  type SearchResults,
  type UserBean,
} from '../jira.test-support';

const jira = useJira({ now: () => 0 });
const T0 = Date.UTC(2026, 11, 1, 10, 0); // 2026-12-01 10:00 UTC
const HOUR = 3_600_000;
const DAY = 24 * HOUR;
const alice = F.users.alice.accountId;
const bob = F.users.bob.accountId;

/**
 * Day 0 (2026-12-01 10:00): SUP-1 (alice), SUP-2 (bob), DEV-1 (unassigned), one an hour. Day 2: SUP-1 done. Day 9:
 * DEV-1 in progress, an hour later SUP-2 done. The clock then stands 30 minutes before day 10, so DEV-1 was last
 * updated 23.5 hours ago and SUP-2 22.5 hours ago (no instant sits on a clause's boundary).
 */
function week(): void {
  jira().clock.set(T0);
  const admin = jira().admin;
  const make = (project: string, summary: string, assignee?: string): void => {
    admin.createIssue('app', {
      project,
      issueType: 'Task',
      summary,
      ...(assignee ? { fields: { assignee: { accountId: assignee } } } : {}),
    });
    jira().clock.advance(HOUR);
  };
  make('SUP', 'alpha', alice);
  make('SUP', 'bravo', bob);
  make('DEV', 'charlie');
  jira().clock.set(T0 + 2 * DAY);
  admin.transitionIssue('app', 'SUP-1', { toStatus: 'Done' });
  jira().clock.set(T0 + 9 * DAY);
  admin.transitionIssue('app', 'DEV-1', { toStatus: 'In Progress' });
  jira().clock.advance(HOUR);
  admin.transitionIssue('app', 'SUP-2', { toStatus: 'Done' });
  jira().clock.set(T0 + 10 * DAY - HOUR / 2);
}

async function keys(jql: string): Promise<string[]> {
  const reply = await client(jira()).post<SearchResults>('/rest/api/3/search/jql', {
    jql,
    fields: ['summary'],
  });
  expect({ jql, status: reply.status }).toEqual({ jql, status: 200 });
  return reply.body.issues.map((issue) => issue.key);
}

async function count(jql: string, principal: 'app' | `user:${string}` = 'app'): Promise<number> {
  const reply = await client(jira(), principal).post<{ count: number }>(
    '/rest/api/3/search/approximate-count',
    {
      jql,
    },
  );
  expect({ jql, status: reply.status }).toEqual({ jql, status: 200 });
  expect(specErrors('JQLCountResultsBean', reply.body)).toEqual([]);
  return reply.body.count;
}

describe('JQL the milestone and capacity flows use', () => {
  it.each([
    ['statusCategory = Done ORDER BY key', ['SUP-1', 'SUP-2']],
    ['statusCategory != Done', ['DEV-1']],
    ['statusCategory in ("To Do", "In Progress") ORDER BY key', ['DEV-1']],
    ['statusCategory = indeterminate', ['DEV-1']],
    ['statusCategory = 3 ORDER BY key', ['SUP-1', 'SUP-2']],
    ['resolved >= -7d', ['SUP-2']],
    ['resolutiondate >= "-7d"', ['SUP-2']],
    ['resolved >= "2026-12-03" ORDER BY key', ['SUP-1', 'SUP-2']],
    ['resolved >= "2026-12-03 10:00" AND resolved < "2026-12-03 10:01"', ['SUP-1']],
    ['resolved < "2026/12/04"', ['SUP-1']],
    ['resolved is EMPTY', ['DEV-1']],
    ['resolution = Unresolved', ['DEV-1']],
    ['resolution = Done ORDER BY key', ['SUP-1', 'SUP-2']],
    ['resolution is not EMPTY AND resolution != Done', []],
    ['created >= -7d', []],
    ['created >= -10d ORDER BY key', ['DEV-1', 'SUP-1', 'SUP-2']],
    ['created >= "-1w 3d" ORDER BY created ASC', ['SUP-1', 'SUP-2', 'DEV-1']],
    ['updated >= -24h ORDER BY updated ASC, key ASC', ['DEV-1', 'SUP-2']],
    ['updated >= -1440m ORDER BY updated DESC', ['SUP-2', 'DEV-1']],
    ['updated >= -23h', ['SUP-2']],
    ['updated < -2w', []],
    [`assignee = "${alice}"`, ['SUP-1']],
    ['assignee is EMPTY', ['DEV-1']],
    ['project in (SUP, DEV) AND assignee is not EMPTY ORDER BY id', ['SUP-1', 'SUP-2']],
    [`project = SUP AND NOT assignee = "${bob}"`, ['SUP-1']],
    ['(project = DEV OR resolved >= -7d) AND statusCategory != "To Do" ORDER BY key ASC', ['DEV-1', 'SUP-2']],
    ['project = SUP ORDER BY id DESC', ['SUP-2', 'SUP-1']],
  ])('%s', async (jql, expected) => {
    week();
    expect(await keys(jql)).toEqual(expected);
  });

  it('refuses an unknown status category or resolution', async () => {
    week();
    for (const [jql, message] of [
      ['statusCategory = Finished', "The value 'Finished' does not exist for the field 'statusCategory'."],
      ['resolution = "Won\'t Do"', "The value 'Won't Do' does not exist for the field 'resolution'."],
    ] as const) {
      const reply = await client(jira()).post<ErrorBody>('/rest/api/3/search/jql', { jql });
      expect(reply.status).toBe(400);
      expect(reply.body.errorMessages).toEqual([message]);
    }
  });

  it('reopening clears the resolution date, so the issue leaves resolved >= -7d', async () => {
    week();
    jira().admin.transitionIssue('app', 'SUP-2', { toStatus: 'To Do' });
    expect(await keys('resolved >= -7d')).toEqual([]);
    expect(await keys('resolution = Unresolved ORDER BY key')).toEqual(['DEV-1', 'SUP-2']);
  });
});

describe('POST /rest/api/3/search/approximate-count', () => {
  it('counts what the enhanced search finds, filtered by what the caller may browse', async () => {
    week();
    expect(await count('statusCategory = Done')).toBe(2);
    expect(await count(`assignee = "${bob}" AND resolved >= -7d`)).toBe(1);
    expect(await count('project = DEV AND statusCategory = Done')).toBe(0);
    jira().admin.revoke(bob, 'BROWSE_PROJECTS', 'SUP');
    expect(await count('created >= -30d', `user:${bob}`)).toBe(1);
    expect(await count('created >= -30d')).toBe(3);
  });

  it('refuses an unbounded query and bad JQL like the search does', async () => {
    const api = client(jira());
    const unbounded = await api.post<ErrorBody>('/rest/api/3/search/approximate-count', {
      jql: 'ORDER BY key',
    });
    expect(unbounded.status).toBe(400);
    expect(unbounded.body.errorMessages[0]).toMatch(/^Unbounded JQL queries are not allowed/);
    const unknown = await api.post<ErrorBody>('/rest/api/3/search/approximate-count', {
      jql: 'colour = red',
    });
    expect(unknown.status).toBe(400);
    const extra = await api.post<ErrorBody>('/rest/api/3/search/approximate-count', {
      jql: 'project = SUP',
      maxResults: 1,
    });
    expect(extra.status).toBe(400);
    expect(
      jira()
        .contractViolations()
        .map((v) => v.operationId),
    ).toEqual(['countIssues']);
    jira().clearContractViolations();
  });
});

describe('GET /rest/api/3/user/assignable/search', () => {
  function addUsers(): void {
    const admin = jira().admin;
    // Between alice and bob in display-name order; carol may not be assigned in DEV, dave is inactive.
    admin.addUser({ accountId: '712020:carol', displayName: 'Bea Carol' });
    admin.revoke('712020:carol', 'ASSIGNABLE_USER', 'DEV');
    admin.addUser({ accountId: '712020:dave', displayName: 'Ben Dave', active: false });
    admin.addUser({ accountId: '712020:erin', displayName: 'Erin Ends' });
  }

  async function page(query: string): Promise<string[]> {
    const reply = await client(jira()).get<UserBean[]>(`/rest/api/3/user/assignable/search?${query}`);
    expect({ query, status: reply.status }).toEqual({ query, status: 200 });
    for (const user of reply.body) expect(specErrors('User', user)).toEqual([]);
    return reply.body.map((user) => user.accountId);
  }

  it('lists the users assignable in the project, never the app, and honours query and accountId', async () => {
    addUsers();
    jira().admin.createIssue('app', { project: 'SUP', issueType: 'Task', summary: 'to assign' });
    expect(await page('project=SUP')).toEqual([alice, '712020:carol', bob, '712020:erin']);
    expect(await page('project=DEV')).toEqual([alice, bob, '712020:erin']);
    expect(await page(`project=${F.projects.DEV.id}&query=er`)).toEqual(['712020:erin']);
    expect(await page(`issueKey=SUP-1&accountId=${encodeURIComponent(bob)}`)).toEqual([bob]);
  });

  it('filters each range after taking it, so a page may be short while more users follow', async () => {
    addUsers();
    // Order: Alice Admin, Bea Carol, Ben Dave (inactive), Bob Builder, Erin Ends, Support Ticket Sync (app).
    expect(await page('project=DEV&startAt=0&maxResults=3')).toEqual([alice]);
    expect(await page('project=DEV&startAt=3&maxResults=3')).toEqual([bob, '712020:erin']);
    expect(await page('project=DEV&startAt=6&maxResults=3')).toEqual([]);
    expect(await page('project=DEV&startAt=1000&maxResults=3')).toEqual([]);
  });

  it('answers 404 for a project the caller cannot see and 400 without a project or issue', async () => {
    const api = client(jira());
    expect((await api.get('/rest/api/3/user/assignable/search?project=NOPE')).status).toBe(404);
    const none = await api.get<ErrorBody>('/rest/api/3/user/assignable/search?query=a');
    expect(none.status).toBe(400);
  });
});

describe('enhanced search over a large result set', () => {
  it('creates 2,000 issues and pages through them with nextPageToken, stably, in pages of 50 and 100', async () => {
    jira().clock.set(T0);
    const admin = jira().admin;
    const started = Date.now();
    const created: string[] = [];
    for (let i = 0; i < 2000; i += 1) {
      created.push(
        admin.createIssue('app', { project: i % 2 ? 'SUP' : 'DEV', issueType: 'Task', summary: `n${i}` }).id,
      );
      // Ten issues share each instant, so the order falls back to the id tie-breaker.
      if (i % 10 === 9) jira().clock.advance(1000);
    }
    const createMs = Date.now() - started;

    const searchStarted = Date.now();
    for (const size of [50, 100]) {
      const seen: string[] = [];
      let token: string | undefined;
      let pages = 0;
      do {
        const reply = await client(jira()).post<SearchResults>('/rest/api/3/search/jql', {
          jql: 'project in (SUP, DEV) ORDER BY updated ASC',
          fields: ['summary', 'updated'],
          maxResults: size,
          ...(token ? { nextPageToken: token } : {}),
        });
        expect(reply.status).toBe(200);
        expect(reply.body.issues.length).toBeLessThanOrEqual(size);
        seen.push(...reply.body.issues.map((issue) => issue.id));
        token = reply.body.nextPageToken;
        pages += 1;
      } while (token);
      expect(pages).toBe(2000 / size);
      expect(seen).toEqual(created);
    }
    const searchMs = Date.now() - searchStarted;
    expect(await count('project in (SUP, DEV)')).toBe(2000);
    // Generous bounds: the point is that nothing is quadratic (measured ~1 s and ~2 s on a 2-core machine).
    expect(createMs).toBeLessThan(10_000);
    expect(searchMs).toBeLessThan(15_000);
  });
});
