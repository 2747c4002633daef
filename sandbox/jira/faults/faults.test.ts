// Faults the Jira emulator injects on request: 429s, 5xx, per-issue write limits, latency and empty pages.
import { JIRA_PER_ISSUE_WRITE_LIMITS, startJiraEmulator } from '../index';
import { adf, client, useJira, type ErrorBody } from '../jira.test-support';

// Frozen time source: windows move only when a test advances the clock.
const jira = useJira({ now: () => Date.UTC(2026, 10, 21, 10, 0) });

function newIssue(): string {
  return jira().admin.createIssue('app', { project: 'SUP', issueType: 'Task', summary: 'busy' }).id;
}

describe('injected faults', () => {
  it('rate-limits the next N requests with Retry-After and RateLimit-Reason', async () => {
    jira().faults.rateLimitNext(2, { retryAfterSeconds: 7, reason: 'jira-quota-global-based' });
    const api = client(jira());
    const statuses: number[] = [];
    for (let i = 0; i < 3; i += 1) {
      const reply = await api.get('/rest/api/3/myself');
      statuses.push(reply.status);
      if (reply.status === 429) {
        expect(reply.headers.get('retry-after')).toBe('7');
        expect(reply.headers.get('ratelimit-reason')).toBe('jira-quota-global-based');
      }
    }
    expect(statuses).toEqual([429, 429, 200]);
    expect(jira().counters().byFault).toEqual({ 'rate-limit': 2 });
  });

  it('rate-limits only requests matching a path pattern until cleared', async () => {
    const id = newIssue();
    jira().faults.rateLimitMatching({ method: 'POST', path: /\/comment$/ }, { reason: 'jira-burst-based' });
    const api = client(jira());
    const comment = await api.post(`/rest/api/3/issue/${id}/comment`, { body: adf('x') });
    expect(comment.status).toBe(429);
    expect(comment.headers.get('ratelimit-reason')).toBe('jira-burst-based');
    expect((await api.get(`/rest/api/3/issue/${id}/comment`)).status).toBe(200);
    expect((await api.post(`/rest/api/3/issue/${id}/comment`, { body: adf('y') })).status).toBe(429);
    jira().faults.clear();
    expect((await api.post(`/rest/api/3/issue/${id}/comment`, { body: adf('z') })).status).toBe(201);
  });

  it('fails the next N requests with a 5xx', async () => {
    jira().faults.failNext(2, { status: 502 });
    const api = client(jira());
    const statuses = [];
    for (let i = 0; i < 3; i += 1) statuses.push((await api.get('/rest/api/3/status')).status);
    expect(statuses).toEqual([502, 502, 200]);
  });

  it('limits writes per issue in a window (429 jira-per-issue-on-write) without touching reads or other issues', async () => {
    const busy = newIssue();
    const quiet = newIssue();
    jira().setPerIssueWriteLimits([{ max: 2, windowMs: 2_000 }]);
    const api = client(jira());
    const post = (issueId: string): Promise<{ status: number; headers: Headers }> =>
      api.post(`/rest/api/3/issue/${issueId}/comment`, { body: adf('write') });
    expect((await post(busy)).status).toBe(201);
    expect((await api.put(`/rest/api/3/issue/${busy}`, { fields: { summary: 'edited' } })).status).toBe(204);
    const limited = await api.post<ErrorBody>(`/rest/api/3/issue/${busy}/comment`, {
      body: adf('one too many'),
    });
    expect(limited.status).toBe(429);
    expect(limited.headers.get('ratelimit-reason')).toBe('jira-per-issue-on-write');
    expect(limited.headers.get('retry-after')).toBe('2');
    expect(jira().admin.comments(busy)).toHaveLength(1);
    expect((await api.get(`/rest/api/3/issue/${busy}`)).status).toBe(200);
    expect((await post(quiet)).status).toBe(201);
    jira().clock.advance(2_001);
    expect((await post(busy)).status).toBe(201);
    expect(
      jira()
        .requestLog()
        .filter((entry) => entry.fault === 'per-issue-write-limit'),
    ).toHaveLength(1);
  });

  it('records injected latency per request (matching requests only)', async () => {
    jira().faults.setLatency(25, { path: '/rest/api/3/status' });
    const api = client(jira());
    await api.get('/rest/api/3/status');
    await api.get('/rest/api/3/myself');
    const log = jira().requestLog();
    expect(log.map((entry) => [entry.path, entry.injectedLatencyMs])).toEqual([
      ['/rest/api/3/status', 25],
      ['/rest/api/3/myself', 0],
    ]);
  });
});

describe('empty pages', () => {
  it('answers the next matching page with its list emptied and its total kept, once', async () => {
    jira().faults.emptyPageNext(1, { match: { path: /\/createmeta\/DEV\/issuetypes$/ } });
    const api = client(jira());
    const url = '/rest/api/3/issue/createmeta/DEV/issuetypes?startAt=0&maxResults=50';
    const emptied = await api.get<{ issueTypes: unknown[]; total: number; startAt: number }>(url);
    expect(emptied.status).toBe(200);
    expect(emptied.body).toMatchObject({ issueTypes: [], total: 3, startAt: 0, maxResults: 50 });
    const next = await api.get<{ issueTypes: unknown[]; total: number }>(url);
    expect(next.body.issueTypes).toHaveLength(3);
    expect(jira().counters().byFault).toEqual({ 'empty-page': 1 });
  });

  it('leaves an error answer alone', async () => {
    jira().faults.emptyPageNext(1, { match: { path: '/rest/api/3/issue/createmeta/NOPE' } });
    const reply = await client(jira()).get<ErrorBody>('/rest/api/3/issue/createmeta/NOPE/issuetypes');
    expect(reply.status).toBe(404);
    expect(reply.body.errorMessages).toHaveLength(1);
    expect(jira().counters().byFault).toEqual({});
  });
});

describe('request log', () => {
  it('records method, path, principal, status and timestamp, with counters', async () => {
    const id = newIssue();
    await client(jira(), 'user:712020:bob').get(`/rest/api/3/issue/${id}?fields=summary`);
    await client(jira()).get('/rest/api/3/issue/404404');
    await client(jira(), null).get('/rest/api/3/myself');
    expect(jira().requestLog()).toEqual([
      expect.objectContaining({
        method: 'GET',
        path: `/rest/api/3/issue/${id}`,
        query: 'fields=summary',
        operationId: 'getIssue',
        principal: 'user:712020:bob',
        status: 200,
        timestamp: '2026-11-21T10:00:00.000Z',
        fault: null,
      }),
      expect.objectContaining({ principal: 'app', status: 404 }),
      expect.objectContaining({ principal: null, status: 401, operationId: null }),
    ]);
    expect(jira().counters()).toEqual({
      total: 3,
      byStatus: { '200': 1, '404': 1, '401': 1 },
      byOperation: { getIssue: 2, unmatched: 1 },
      byPrincipal: { 'user:712020:bob': 1, app: 1, anonymous: 1 },
      byFault: {},
    });
    jira().resetRequestLog();
    expect(jira().counters().total).toBe(0);
  });
});

describe('Jira per-issue write defaults', () => {
  it('allow 20 writes per issue within 2 s, then answer 429', async () => {
    const emulator = await startJiraEmulator({
      now: () => 0,
      perIssueWriteLimits: JIRA_PER_ISSUE_WRITE_LIMITS,
    });
    try {
      const { id } = emulator.admin.createIssue('app', { project: 'SUP', issueType: 'Task', summary: 's' });
      const api = client(emulator);
      const statuses: number[] = [];
      for (let i = 0; i < 21; i += 1)
        statuses.push((await api.put(`/rest/api/3/issue/${id}/properties/n`, { i })).status);
      expect(statuses.filter((status) => status === 429)).toHaveLength(1);
      expect(statuses[20]).toBe(429);
      expect(emulator.contractViolations()).toEqual([]);
    } finally {
      await emulator.close();
    }
  });
});
