// The Jira emulator holds requests and its own replies to the vendored spec: bad queries and bodies are refused and
// recorded, operations it lacks answer 501, replies that break the spec become loud 500s.
import express from 'express';
import type { AddressInfo } from 'node:net';
import { platformFetch } from '../../runtime/globals';
import { ViolationLog } from './violations';
import { createJiraCore } from '../emulator';
import { noteOf } from '../http/notes';
import { operation } from '../http/operation';
import { client, useJira, type ErrorBody } from '../jira.test-support';

const jira = useJira();

describe('request contract', () => {
  it('refuses unknown query parameters and ill-typed ones', async () => {
    const { id } = jira().admin.createIssue('app', { project: 'SUP', issueType: 'Task', summary: 's' });
    const api = client(jira());
    const typo = await api.get<ErrorBody>(`/rest/api/3/issue/${id}?expands=changelog`);
    expect(typo.status).toBe(400);
    expect(typo.body.errorMessages).toEqual(['query must NOT have additional properties: expands']);
    const wrongType = await api.get<ErrorBody>(`/rest/api/3/issue/${id}/comment?maxResults=many`);
    expect(wrongType.status).toBe(400);
    expect(wrongType.body.errorMessages).toEqual(['query/maxResults must be integer']);
    expect(
      jira()
        .contractViolations()
        .map((v) => v.operationId),
    ).toEqual(['getIssue', 'getComments']);
    jira().clearContractViolations();
  });

  it('answers 415 to a body that is not JSON and 400 to malformed JSON', async () => {
    const { id } = jira().admin.createIssue('app', { project: 'SUP', issueType: 'Task', summary: 's' });
    const url = `${jira().baseUrl}/rest/api/3/issue/${id}/comment`;
    const headers = { 'x-forge-principal': 'app' };
    const text = await platformFetch()(url, {
      method: 'POST',
      headers: { ...headers, 'Content-Type': 'text/plain' },
      body: 'hello',
    });
    expect(text.status).toBe(415);
    const broken = await platformFetch()(url, {
      method: 'POST',
      headers: { ...headers, 'Content-Type': 'application/json' },
      body: '{"body":',
    });
    expect(broken.status).toBe(400);
    const missing = await platformFetch()(url, { method: 'POST', headers });
    expect(missing.status).toBe(400);
    expect(
      jira()
        .contractViolations()
        .map((v) => v.status),
    ).toEqual([415, 400, 400]);
    jira().clearContractViolations();
  });
});

describe('operations the emulator lacks', () => {
  it('answers 501 and records a real Jira operation it does not implement', async () => {
    const consoleError = jest.spyOn(console, 'error').mockImplementation(() => undefined);
    const reply = await client(jira()).get<ErrorBody>('/rest/api/3/issue/SUP-1/watchers');
    expect(reply.status).toBe(501);
    expect(jira().contractViolations()).toEqual([
      expect.objectContaining({ kind: 'unimplemented', operationId: 'getIssueWatchers' }),
    ]);
    jira().clearContractViolations();
    consoleError.mockRestore();
  });

  it('answers 404 without a violation for a path Jira does not have', async () => {
    expect((await client(jira()).get('/rest/api/3/no/such/thing')).status).toBe(404);
  });
});

describe('response contract', () => {
  it('turns a reply that breaks the spec into a loud 500 and records it', async () => {
    const consoleError = jest.spyOn(console, 'error').mockImplementation(() => undefined);
    const { core } = createJiraCore({ seed: 'empty' });
    const violations = new ViolationLog();
    const app = express();
    app.use((req, _res, next) => {
      noteOf(req).actor = { accountId: core.appAccountId, isApp: true };
      next();
    });
    // A deliberately broken handler: `accountType` outside the User enum, and a member User does not have.
    app.get(
      '/rest/api/3/myself',
      operation({ core, violations }, 'getCurrentUser', () => ({
        status: 200,
        body: { accountId: 'x', accountType: 'robot', favouriteColour: 'green' },
      })),
    );
    const server = app.listen(0, '127.0.0.1');
    await new Promise((resolve) => server.once('listening', resolve));
    try {
      const { port } = server.address() as AddressInfo;
      const res = await platformFetch()(`http://127.0.0.1:${port}/rest/api/3/myself`);
      const body = (await res.json()) as ErrorBody;
      expect(res.status).toBe(500);
      expect(body.errorMessages.join('\n')).toMatch(/accountType must be equal to one of the allowed values/);
      expect(violations.list()).toEqual([
        expect.objectContaining({ kind: 'response', operationId: 'getCurrentUser', status: 200 }),
      ]);
      expect(consoleError).toHaveBeenCalled();
    } finally {
      server.close();
      consoleError.mockRestore();
    }
  });

  it('the emulator validates every reply it sends, so normal traffic records nothing', async () => {
    const { id } = jira().admin.createIssue('712020:bob', {
      project: 'DEV',
      issueType: 'Story',
      summary: 's',
    });
    const api = client(jira());
    const replies = await Promise.all([
      api.get(`/rest/api/3/issue/${id}?expand=changelog,names,schema&properties=*all`),
      api.get('/rest/api/3/myself'),
      api.get('/rest/api/3/status'),
      api.get('/rest/api/3/field'),
      api.get('/rest/api/3/project/search?expand=issueTypes'),
    ]);
    expect(replies.map((r) => r.status)).toEqual([200, 200, 200, 200, 200]);
    expect(jira().contractViolations()).toEqual([]);
  });
});
