// Faults that hit after the request was applied: the answer is lost (gateway 5xx or a cut connection) or its
// success body cannot be read. Driven over HTTP like every other emulator test.
import { platformFetch } from '../../runtime/globals';
import type { ProductEvent } from '../index';
import { adf, client, useJira, type ErrorBody } from '../jira.test-support';

const jira = useJira({ now: () => Date.UTC(2026, 10, 21, 10, 0) });

function newIssue(): string {
  return jira().admin.createIssue('app', { project: 'SUP', issueType: 'Task', summary: 'faults' }).id;
}

/** A raw POST as the app: the status, content type and text, without parsing the body. */
async function rawPost(path: string, body: unknown): Promise<{ status: number; type: string; text: string }> {
  const res = await platformFetch()(`${jira().baseUrl}${path}`, {
    method: 'POST',
    headers: { 'x-forge-principal': 'app', 'Content-Type': 'application/json', Accept: 'application/json' },
    body: JSON.stringify(body),
  });
  return { status: res.status, type: res.headers.get('content-type') ?? '', text: await res.text() };
}

/** The request log once it holds `count` entries (a cut connection is logged when the server sees it close). */
async function logOf(count: number): Promise<ReturnType<ReturnType<typeof jira>['requestLog']>> {
  for (let i = 0; i < 100 && jira().requestLog().length < count; i += 1) {
    await new Promise((resolve) => setTimeout(resolve, 5));
  }
  return jira().requestLog();
}

const commentPath = /\/comment$/;

describe('lost answers (loseAnswerNext)', () => {
  it('applies the write, fires the events, and answers a JSON gateway error instead', async () => {
    const id = newIssue();
    const events: ProductEvent[] = [];
    jira().onEvent((event) => events.push(event));
    jira().faults.loseAnswerNext(1, { match: { method: 'POST', path: commentPath }, as: 503 });
    const api = client(jira());

    expect((await api.get(`/rest/api/3/issue/${id}/comment`)).status).toBe(200);
    const lost = await api.post<ErrorBody>(`/rest/api/3/issue/${id}/comment`, { body: adf('once') });
    expect(lost.status).toBe(503);
    expect(lost.headers.get('content-type')).toMatch(/^application\/json/);
    expect(lost.headers.get('location')).toBeNull();
    expect(lost.body.errorMessages[0]).toMatch(/Service Unavailable/);
    expect(jira().admin.comments(id)).toHaveLength(1);
    expect(events.map((event) => event.eventType)).toEqual([
      'avi:jira:commented:issue',
      'avi:jira:updated:issue',
    ]);

    expect((await api.post(`/rest/api/3/issue/${id}/comment`, { body: adf('twice') })).status).toBe(201);
    expect(jira().admin.comments(id)).toHaveLength(2);
    const log = jira().requestLog();
    expect(log.map((entry) => [entry.method, entry.status, entry.fault, entry.appliedStatus])).toEqual([
      ['GET', 200, null, undefined],
      ['POST', 503, 'answer-lost', 201],
      ['POST', 201, null, undefined],
    ]);
    expect(log[1]?.operationId).toBe('addComment');
    expect(jira().counters().byFault).toEqual({ 'answer-lost': 1 });
  });

  it('answers 504 by default, and 502 when asked, for N matching requests', async () => {
    const id = newIssue();
    jira().faults.loseAnswerNext(1, { match: { path: '/rest/api/3/issue/' } });
    jira().faults.loseAnswerNext(1, { as: 502 });
    const api = client(jira());
    const first = await api.put(`/rest/api/3/issue/${id}/properties/sync`, { ticket: 1 });
    const second = await api.put(`/rest/api/3/issue/${id}/properties/sync`, { ticket: 2 });
    const third = await api.get<{ value: unknown }>(`/rest/api/3/issue/${id}/properties/sync`);
    expect([first.status, second.status, third.status]).toEqual([504, 502, 200]);
    expect(third.body.value).toEqual({ ticket: 2 });
    expect(
      jira()
        .requestLog()
        .map((entry) => entry.appliedStatus),
    ).toEqual([201, 200, undefined]);
  });

  it("cuts the connection with as: 'reset' after the write was applied", async () => {
    const id = newIssue();
    jira().faults.loseAnswerNext(1, { match: { method: 'POST', path: commentPath }, as: 'reset' });
    await expect(rawPost(`/rest/api/3/issue/${id}/comment`, { body: adf('cut') })).rejects.toThrow(
      /fetch failed/,
    );
    expect(jira().admin.comments(id)).toHaveLength(1);
    expect((await client(jira()).get(`/rest/api/3/issue/${id}/comment`)).status).toBe(200);
    const log = await logOf(2);
    expect(log.map((entry) => [entry.method, entry.status, entry.fault, entry.appliedStatus])).toEqual([
      ['POST', 0, 'answer-lost', 201],
      ['GET', 200, null, undefined],
    ]);
  });

  it("refuses an 'as' that is not a gateway status or 'reset'", () => {
    // @ts-expect-error -- 500 is a server error, use failNext for it
    expect(() => jira().faults.loseAnswerNext(1, { as: 500 })).toThrow(/502, 503, 504 or 'reset'/);
  });
});

describe('unreadable success bodies (unreadableSuccessNext)', () => {
  it('keeps the 2xx status, replaces the body with text that is not JSON, and applies the write', async () => {
    const id = newIssue();
    jira().faults.unreadableSuccessNext(1, { match: { method: 'POST', path: commentPath } });
    const reply = await rawPost(`/rest/api/3/issue/${id}/comment`, { body: adf('garbled') });
    expect(reply).toEqual({ status: 201, type: 'text/html; charset=utf-8', text: '<html>gateway</html>' });
    expect(() => JSON.parse(reply.text) as unknown).toThrow(SyntaxError);
    expect(jira().admin.comments(id)).toHaveLength(1);

    const next = await rawPost(`/rest/api/3/issue/${id}/comment`, { body: adf('clean') });
    expect(next.status).toBe(201);
    expect(JSON.parse(next.text)).toMatchObject({ id: expect.any(String) as unknown });
    expect(jira().requestLog()[0]).toMatchObject({
      status: 201,
      appliedStatus: 201,
      fault: 'unreadable-body',
    });
    expect(jira().counters().byFault).toEqual({ 'unreadable-body': 1 });
    // useJira's afterEach checks that the replaced body recorded no contract violation.
  });

  it('takes a custom body and content type (e.g. truncated JSON)', async () => {
    jira().faults.unreadableSuccessNext(1, { body: '{"id":', contentType: 'application/json' });
    const res = await platformFetch()(`${jira().baseUrl}/rest/api/3/myself`, {
      headers: { 'x-forge-principal': 'app' },
    });
    expect([res.status, res.headers.get('content-type'), await res.text()]).toEqual([
      200,
      'application/json',
      '{"id":',
    ]);
  });

  it('leaves a failed answer alone but still uses the fault up', async () => {
    jira().faults.unreadableSuccessNext(1);
    const api = client(jira());
    const missing = await api.get<ErrorBody>('/rest/api/3/issue/404404');
    expect(missing.status).toBe(404);
    expect(missing.body.errorMessages).toHaveLength(1);
    expect((await api.get('/rest/api/3/myself')).status).toBe(200);
    expect(
      jira()
        .requestLog()
        .map((entry) => entry.fault),
    ).toEqual([null, null]);
  });
});
