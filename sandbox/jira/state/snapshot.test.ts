// Saving and restoring the Jira emulator's site (exportState, startJiraEmulator({ state })): the same answers, ids
// and grants after a restore, older saved sites still open.
import { deserialize, serialize } from 'node:v8';
import { z } from 'zod';
import {
  DEFAULT_FIXTURE as F,
  SPRINT_FIELD_ID,
  startJiraEmulator,
  type JiraEmulator,
  type JiraEmulatorOptions,
} from '../index';
import { adf, client, type CommentBean, type CreatedIssue, type IssueBean } from '../jira.test-support';

const started: JiraEmulator[] = [];

async function start(options: JiraEmulatorOptions = {}): Promise<JiraEmulator> {
  const jira = await startJiraEmulator(options);
  started.push(jira);
  return jira;
}

afterEach(async () => {
  const all = started.splice(0);
  const violations = all.flatMap((jira) => jira.contractViolations());
  await Promise.all(all.map((jira) => jira.close()));
  expect(violations).toEqual([]);
});

/** A GET as the app, with the emulator's own address taken out of the links so two emulators compare equal. */
async function read(jira: JiraEmulator, path: string): Promise<{ status: number; body: unknown }> {
  const reply = await client(jira).get(path);
  return { status: reply.status, body: JSON.parse(JSON.stringify(reply.body).replaceAll(jira.baseUrl, '')) };
}

const ticketLink = {
  globalId: 'system=teamsupport&id=745890',
  application: { type: 'com.teamsupport', name: 'TeamSupport' },
  relationship: 'mirrors',
  object: { url: 'https://app.teamsupport.com/ticket/745890', title: 'T-1', status: { resolved: false } },
};

/** A site changed through the admin surface and over HTTP: issues, comments, a transition, links, properties, a
 * released version and a closed sprint. */
async function changedSite(): Promise<{ jira: JiraEmulator; issueId: string; commentId: string }> {
  const jira = await start();
  const api = client(jira);
  jira.admin.addUser({
    accountId: '712020:carol',
    displayName: 'Carol Agent',
    emailVisible: true,
    permissions: { projects: { SUP: ['BROWSE_PROJECTS'] } },
  });
  // A release and a closed sprint holding an issue that is not done.
  const version = jira.admin.createVersion('DEV', { name: '3.0', releaseDate: '2026-12-01' });
  jira.admin.releaseVersion(F.users.alice.accountId, version.id);
  const planned = jira.admin.createIssue('app', { project: 'DEV', issueType: 'Task', summary: 'Planned' });
  jira.admin.setFixVersions('app', planned.key, [version.id]);
  const sprint = jira.admin.createSprint({ name: 'Saved sprint', goal: 'Survive a restart' });
  jira.admin.startSprint(sprint.id);
  jira.admin.addToSprint(sprint.id, [planned.key]);
  jira.admin.closeSprint('app', sprint.id);

  const byAdmin = jira.admin.createIssue(F.users.alice.accountId, {
    project: 'SUP',
    issueType: 'Bug',
    summary: 'Reported by Alice',
  });
  jira.admin.addComment(F.users.bob.accountId, byAdmin.id, { body: 'agents only', internal: true });
  jira.admin.setIssueProperty(byAdmin.key, 'sync', { ticket: 7 });

  const created = await api.post<CreatedIssue>('/rest/api/3/issue', {
    fields: {
      project: { key: 'SUP' },
      issuetype: { id: F.issueTypes.task },
      summary: 'Created over HTTP',
      labels: ['teamsupport'],
      [F.customFields.customer]: 'Globex',
    },
  });
  expect(created.status).toBe(201);
  const comment = await api.post<CommentBean>(`/rest/api/3/issue/${created.body.id}/comment`, {
    body: adf('for admins'),
    visibility: { type: 'role', value: 'Administrators' },
  });
  expect(comment.status).toBe(201);
  const writes = await Promise.all([
    api.post(`/rest/api/3/issue/${created.body.id}/transitions`, {
      transition: { id: F.transitions.startProgress },
    }),
    api.post(`/rest/api/3/issue/${created.body.id}/remotelink`, ticketLink),
    api.put(`/rest/api/3/issue/${created.body.id}/properties/sync-state`, { ticketId: 745890 }),
    api.put(`/rest/api/3/comment/${comment.body.id}/properties/sd.public.comment`, { internal: true }),
  ]);
  expect(writes.map((reply) => reply.status)).toEqual([204, 201, 201, 201]);

  // A deleted issue's id must not come back after a restore.
  const deleted = await api.post<CreatedIssue>('/rest/api/3/issue', {
    fields: { project: { key: 'SUP' }, issuetype: { id: F.issueTypes.task }, summary: 'Gone soon' },
  });
  expect((await api.delete(`/rest/api/3/issue/${deleted.body.id}`)).status).toBe(204);
  return { jira, issueId: created.body.id, commentId: comment.body.id };
}

describe('exportState and startJiraEmulator({ state })', () => {
  it('answers the same over HTTP after a restore', async () => {
    const { jira, issueId, commentId } = await changedSite();
    const restored = await start({ state: jira.exportState() });

    const paths = [
      `/rest/api/3/issue/${issueId}?expand=changelog`,
      `/rest/api/3/issue/${issueId}/comment`,
      `/rest/api/3/issue/${issueId}/transitions`,
      `/rest/api/3/issue/${issueId}/remotelink`,
      `/rest/api/3/issue/${issueId}/properties/sync-state`,
      `/rest/api/3/comment/${commentId}/properties/sd.public.comment`,
      '/rest/api/3/issue/SUP-1?expand=changelog',
      '/rest/api/3/issue/SUP-1/comment',
      '/rest/api/3/issue/SUP-1/properties/sync',
      `/rest/api/3/search/jql?jql=${encodeURIComponent('project = SUP ORDER BY key')}&fields=summary,status,labels`,
      '/rest/api/3/user?accountId=712020:carol',
      '/rest/api/3/mypermissions?permissions=BROWSE_PROJECTS',
      '/rest/api/3/myself',
      '/rest/api/3/field',
      '/rest/api/3/project/search',
      '/rest/api/3/project/DEV/versions',
      `/rest/api/3/issue/DEV-1?fields=fixVersions,${SPRINT_FIELD_ID}&expand=changelog`,
      `/rest/api/3/search/jql?jql=${encodeURIComponent('sprint in closedSprints() AND fixVersion = "3.0"')}&fields=summary`,
    ];
    for (const path of paths) {
      const [before, after] = await Promise.all([read(jira, path), read(restored, path)]);
      expect({ path, status: before.status }).toEqual({ path, status: 200 });
      expect({ path, ...after }).toEqual({ path, ...before });
    }
    // The records themselves made it, not just empty answers.
    const issue = await read(restored, `/rest/api/3/issue/${issueId}`);
    expect(issue.body).toMatchObject({
      key: 'SUP-2',
      fields: { summary: 'Created over HTTP', labels: ['teamsupport'], status: { name: 'In Progress' } },
    });
    const comments = await client(restored).get<{ comments: CommentBean[] }>(
      `/rest/api/3/issue/${issueId}/comment`,
    );
    expect(comments.body.comments[0]?.visibility).toMatchObject({ type: 'role', value: 'Administrators' });
    expect((await client(restored).get('/rest/api/3/issue/SUP-3')).status).toBe(404);
    const versions = await client(restored).get<{ name: string; released: boolean }[]>(
      '/rest/api/3/project/DEV/versions',
    );
    expect(versions.body.find((v) => v.name === '3.0')).toMatchObject({ released: true });
    const planned = await client(restored).get<IssueBean>(
      `/rest/api/3/issue/DEV-1?fields=${SPRINT_FIELD_ID}`,
    );
    expect(planned.body.fields[SPRINT_FIELD_ID]).toEqual([
      expect.objectContaining({ name: 'Saved sprint', state: 'closed', goal: 'Survive a restart' }),
    ]);
  });

  it('opens a site saved before sprints were modelled (no sprints table)', async () => {
    const { jira } = await changedSite();
    const saved = z.record(z.string(), z.unknown()).parse(deserialize(jira.exportState()));
    const withoutSprints = Object.fromEntries(Object.entries(saved).filter(([key]) => key !== 'sprints'));
    const restored = await start({ state: serialize(withoutSprints) });
    const issue = await client(restored).get<IssueBean>(`/rest/api/3/issue/DEV-1?fields=${SPRINT_FIELD_ID}`);
    expect(issue.status).toBe(200);
    expect(issue.body.fields[SPRINT_FIELD_ID]).toBeNull();
  });

  it('keeps user grants: a restricted user still sees only what was granted', async () => {
    const { jira } = await changedSite();
    const restored = await start({ state: jira.exportState() });
    for (const emulator of [jira, restored]) {
      const carol = client(emulator, 'user:712020:carol');
      expect((await carol.get('/rest/api/3/issue/SUP-1')).status).toBe(200);
      expect((await carol.post('/rest/api/3/issue/SUP-1/comment', { body: adf('no') })).status).toBe(403);
    }
  });

  it('hands out ids and keys after the saved ones', async () => {
    const { jira, issueId } = await changedSite();
    const saved = jira.exportState();
    const restored = await start({ state: saved });
    const api = client(restored);

    const created = await api.post<CreatedIssue>('/rest/api/3/issue', {
      fields: { project: { key: 'SUP' }, issuetype: { id: F.issueTypes.task }, summary: 'After restart' },
    });
    expect(created.status).toBe(201);
    // SUP-3 was created and deleted before the save: neither its key nor its id is handed out again.
    expect(created.body.key).toBe('SUP-4');
    expect(Number(created.body.id)).toBe(Number(issueId) + 2);
    expect((await api.get<IssueBean>('/rest/api/3/issue/SUP-4')).body.id).toBe(created.body.id);

    const before = await api.get<{ comments: CommentBean[] }>(`/rest/api/3/issue/${issueId}/comment`);
    const savedCommentIds = before.body.comments.map((comment) => Number(comment.id));
    const comment = await api.post<CommentBean>(`/rest/api/3/issue/${issueId}/comment`, { body: adf('new') });
    expect(Number(comment.body.id)).toBeGreaterThan(Math.max(...savedCommentIds));

    const savedLinks = await api.get<{ id: number }[]>(`/rest/api/3/issue/${issueId}/remotelink`);
    const link = await api.post<{ id: number }>(`/rest/api/3/issue/${issueId}/remotelink`, {
      object: { url: 'https://example.com/other', title: 'other' },
    });
    expect(link.status).toBe(201);
    expect(link.body.id).toBeGreaterThan(Math.max(...savedLinks.body.map((saved) => saved.id)));
  });

  it('exports the same bytes while nothing changes, and other bytes after a change', async () => {
    const jira = await start();
    const first = jira.exportState();
    expect(jira.exportState().equals(first)).toBe(true);
    jira.admin.createIssue('app', { project: 'DEV', issueType: 'Task', summary: 'change' });
    expect(jira.exportState().equals(first)).toBe(false);
  });

  it('restores an empty site without seeding the default fixture', async () => {
    const empty = await start({ seed: 'empty' });
    const restored = await start({ state: empty.exportState() });
    const projects = await client(restored).get<{ values: unknown[] }>('/rest/api/3/project/search');
    expect(projects.body.values).toEqual([]);
    expect((await read(restored, '/rest/api/3/myself')).body).toEqual(
      (await read(empty, '/rest/api/3/myself')).body,
    );
  });

  it('gives the app its user when the site was saved under another app account', async () => {
    const { jira } = await changedSite();
    const restored = await start({ state: jira.exportState(), appAccountId: '557058:other-app' });
    const myself = await client(restored).get<{ accountId: string; accountType: string }>(
      '/rest/api/3/myself',
    );
    expect(myself.body).toMatchObject({ accountId: '557058:other-app', accountType: 'app' });
    const comment = await client(restored).post<CommentBean>('/rest/api/3/issue/SUP-1/comment', {
      body: adf('still allowed'),
    });
    expect(comment.status).toBe(201);
  });

  it.each([
    ['bytes that are not a v8 serialization', Buffer.from('{"format":"jira-emulator-state"}')],
    ['an empty file', Buffer.alloc(0)],
    ['another format', serialize({ format: 'teamsupport-emulator-state', version: 1 })],
    ['another version', serialize({ format: 'jira-emulator-state', version: 2 })],
    [
      'a damaged record',
      serialize({ format: 'jira-emulator-state', version: 1, statuses: new Map([['1', {}]]) }),
    ],
  ])('refuses %s with an error that says to start with --reset', async (_name, state) => {
    await expect(startJiraEmulator({ state })).rejects.toThrow(
      /Jira emulator state is unreadable \(.+\)\. Start with --reset/s,
    );
  });

  it('names the version it found', async () => {
    await expect(
      startJiraEmulator({ state: serialize({ format: 'jira-emulator-state', version: 2 }) }),
    ).rejects.toThrow('format version 2, this emulator reads version 1');
  });
});
