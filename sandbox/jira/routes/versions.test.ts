// Project versions: the REST operations against the vendored spec, release and unrelease with their product events,
// Fix versions on issues (changelog, event, JQL), the admin helpers, and versions surviving a state snapshot.
import { DEFAULT_FIXTURE as F, startJiraEmulator, type ProductEvent } from '../index';
import {
  client,
  specErrors,
  useJira,
  type ErrorBody,
  type IssueBean,
  type SearchResults,
} from '../jira.test-support';

// Frozen time: release dates and `overdue` depend only on where a test puts the clock.
const jira = useJira({ now: () => 0 });
const T0 = Date.UTC(2026, 10, 21, 10, 0); // 2026-11-21 10:00 UTC

interface VersionBean {
  self: string;
  id: string;
  name: string;
  description: string;
  archived: boolean;
  released: boolean;
  releaseDate?: string;
  userReleaseDate?: string;
  overdue?: boolean;
  projectId: number;
  issuesStatusForFixVersion?: { toDo: number; inProgress: number; done: number; unmapped: number };
}

function versionEvents(): ProductEvent[] {
  return jira()
    .events()
    .filter((event) => event.eventType.endsWith(':version'));
}

describe('version REST operations', () => {
  it('GET /version/{id} and GET /project/{key}/versions render versions as the spec describes', async () => {
    jira().clock.set(T0);
    const api = client(jira());
    const one = await api.get<VersionBean>(`/rest/api/3/version/${F.versions.dev10}`);
    expect(one.status).toBe(200);
    expect(specErrors('Version', one.body)).toEqual([]);
    expect(one.body).toEqual({
      self: `${jira().baseUrl}/rest/api/3/version/${F.versions.dev10}`,
      id: F.versions.dev10,
      description: '',
      name: '1.0',
      archived: false,
      released: true,
      releaseDate: '2026-01-15',
      userReleaseDate: '15/Jan/26',
      projectId: Number(F.projects.DEV.id),
    });
    const list = await api.get<VersionBean[]>('/rest/api/3/project/DEV/versions');
    expect(list.status).toBe(200);
    expect(list.body.map((v) => [v.id, v.name, v.released])).toEqual([
      [F.versions.dev10, '1.0', true],
      [F.versions.dev20, '2.0', false],
    ]);
    for (const version of list.body) expect(specErrors('Version', version)).toEqual([]);
    expect((await api.get<VersionBean[]>('/rest/api/3/project/SUP/versions')).body).toEqual([]);
  });

  it('creates a version and reports it overdue once its release date has passed unreleased', async () => {
    jira().clock.set(T0);
    const api = client(jira());
    const created = await api.post<VersionBean>('/rest/api/3/version', {
      name: '2.1',
      description: 'Hotfixes',
      projectId: Number(F.projects.DEV.id),
      releaseDate: '2026-11-20',
    });
    expect(created.status).toBe(201);
    expect(specErrors('Version', created.body)).toEqual([]);
    expect(created.body).toMatchObject({
      name: '2.1',
      description: 'Hotfixes',
      released: false,
      releaseDate: '2026-11-20',
      overdue: true,
      projectId: Number(F.projects.DEV.id),
    });
    expect(created.body.id).toMatch(/^\d+$/);
    const future = await api.post<VersionBean>('/rest/api/3/version', {
      name: '3.0',
      projectId: Number(F.projects.DEV.id),
      releaseDate: '2026-12-01',
    });
    expect(future.body.overdue).toBe(false);
    // No release date: nothing to be overdue against.
    expect((await api.get<VersionBean>(`/rest/api/3/version/${F.versions.dev20}`)).body).not.toHaveProperty(
      'overdue',
    );
    expect(versionEvents()).toEqual([]);
  });

  it('refuses a duplicate name, a missing name and a missing project', async () => {
    const api = client(jira());
    const duplicate = await api.post<ErrorBody>('/rest/api/3/version', {
      name: '2.0',
      projectId: Number(F.projects.DEV.id),
    });
    expect(duplicate.status).toBe(400);
    expect(duplicate.body.errors).toEqual({
      name: 'A version with this name already exists in this project.',
    });
    const unnamed = await api.post<ErrorBody>('/rest/api/3/version', {
      projectId: Number(F.projects.DEV.id),
    });
    expect(unnamed.body.errors).toEqual({ name: 'You must specify a valid version name' });
    const homeless = await api.post<ErrorBody>('/rest/api/3/version', { name: '9.9' });
    expect(homeless.status).toBe(400);
    expect(homeless.body.errors).toHaveProperty('project');
  });

  it('PUT released: true (an admin or a release tool; not the app) releases on the clock date, one released event', async () => {
    jira().clock.set(T0);
    const api = client(jira(), `user:${F.users.alice.accountId}`);
    const released = await api.put<VersionBean>(`/rest/api/3/version/${F.versions.dev20}`, {
      released: true,
    });
    expect(released.status).toBe(200);
    expect(specErrors('Version', released.body)).toEqual([]);
    expect(released.body).toMatchObject({ released: true, releaseDate: '2026-11-21' });
    expect(released.body).not.toHaveProperty('overdue');

    // "If the version is released a request to release again is ignored."
    const again = await api.put<VersionBean>(`/rest/api/3/version/${F.versions.dev20}`, { released: true });
    expect(again.status).toBe(200);
    expect(versionEvents()).toEqual([
      {
        eventType: 'avi:jira:released:version',
        atlassianId: F.users.alice.accountId,
        version: { ...released.body, self: `${jira().baseUrl}/rest/api/3/version/${F.versions.dev20}` },
      },
    ]);
    const [event] = versionEvents();
    expect(specErrors('Version', event && 'version' in event ? event.version : undefined)).toEqual([]);
  });

  it('PUT released: false unreleases (keeping the date) and fires avi:jira:unreleased:version', async () => {
    const reply = await client(jira()).put<VersionBean>(`/rest/api/3/version/${F.versions.dev10}`, {
      released: false,
    });
    expect(reply.body).toMatchObject({ released: false, releaseDate: '2026-01-15' });
    expect(versionEvents().map((e) => [e.eventType, e.atlassianId])).toEqual([
      ['avi:jira:unreleased:version', jira().appAccountId],
    ]);
  });

  it('takes an explicit release date and edits name and description without events', async () => {
    const api = client(jira());
    const renamed = await api.put<VersionBean>(`/rest/api/3/version/${F.versions.dev20}`, {
      name: '2.0 LTS',
      description: 'Long-term support',
    });
    expect(renamed.body).toMatchObject({
      name: '2.0 LTS',
      description: 'Long-term support',
      released: false,
    });
    expect(versionEvents()).toEqual([]);
    const released = await api.put<VersionBean>(`/rest/api/3/version/${F.versions.dev20}`, {
      released: true,
      releaseDate: '2026-10-31',
    });
    expect(released.body).toMatchObject({
      released: true,
      releaseDate: '2026-10-31',
      userReleaseDate: '31/Oct/26',
    });
  });

  it('answers 404 for an unknown version or one in a project the caller cannot browse, 403 without admin rights', async () => {
    const bob = client(jira(), `user:${F.users.bob.accountId}`);
    expect((await client(jira()).get('/rest/api/3/version/424242')).status).toBe(404);
    expect((await bob.get(`/rest/api/3/version/${F.versions.dev20}`)).status).toBe(200);
    const denied = await bob.put<ErrorBody>(`/rest/api/3/version/${F.versions.dev20}`, { released: true });
    expect(denied.status).toBe(403);
    jira().admin.revoke(F.users.bob.accountId, 'BROWSE_PROJECTS', 'DEV');
    expect((await bob.get(`/rest/api/3/version/${F.versions.dev20}`)).status).toBe(404);
    expect((await bob.get('/rest/api/3/project/DEV/versions')).status).toBe(404);
    expect(versionEvents()).toEqual([]);
  });

  it('expand=issuesstatus counts the version issues by status category', async () => {
    const admin = jira().admin;
    const done = admin.createIssue('app', { project: 'DEV', issueType: 'Task', summary: 'shipped' });
    admin.createIssue('app', {
      project: 'DEV',
      issueType: 'Task',
      summary: 'open',
      fields: { fixVersions: [{ id: F.versions.dev20 }] },
    });
    admin.setFixVersions('app', done.key, [F.versions.dev20]);
    admin.transitionIssue('app', done.key, { toStatus: 'Done' });
    const reply = await client(jira()).get<VersionBean>(
      `/rest/api/3/version/${F.versions.dev20}?expand=issuesstatus`,
    );
    expect(specErrors('Version', reply.body)).toEqual([]);
    expect(reply.body.issuesStatusForFixVersion).toEqual({ toDo: 1, inProgress: 0, done: 1, unmapped: 0 });
  });
});

describe('Fix versions on issues', () => {
  it('set through edit: "Fix Version" changelog items, updated:issue, rendered versions, JQL by id and name', async () => {
    const admin = jira().admin;
    const { id, key } = admin.createIssue(F.users.alice.accountId, {
      project: 'DEV',
      issueType: 'Task',
      summary: 'fix me',
      fields: { fixVersions: [{ name: '1.0' }] },
    });
    jira().clearEvents();
    const edit = await client(jira()).put(`/rest/api/3/issue/${key}`, {
      fields: { fixVersions: [{ id: F.versions.dev20 }] },
    });
    expect(edit.status).toBe(204);
    const [event] = jira().events();
    expect(event).toMatchObject({
      eventType: 'avi:jira:updated:issue',
      changelog: {
        items: [
          expect.objectContaining({
            field: 'Fix Version',
            fieldId: 'fixVersions',
            from: F.versions.dev10,
            fromString: '1.0',
            to: null,
          }),
          expect.objectContaining({
            field: 'Fix Version',
            fieldId: 'fixVersions',
            from: null,
            to: F.versions.dev20,
            toString: '2.0',
          }),
        ],
      },
    });
    const issue = await client(jira()).get<IssueBean>(`/rest/api/3/issue/${id}?fields=fixVersions`);
    expect(issue.body.fields.fixVersions).toEqual([
      expect.objectContaining({ id: F.versions.dev20, name: '2.0', released: false, projectId: 10001 }),
    ]);
    for (const jql of [
      `fixVersion = ${F.versions.dev20}`,
      'fixVersion = "2.0"',
      'fixVersion in (2.0, 1.0)',
    ]) {
      const found = await client(jira()).post<SearchResults>('/rest/api/3/search/jql', { jql });
      expect({ jql, ids: found.body.issues.map((i) => i.id) }).toEqual({ jql, ids: [id] });
    }
    const none = await client(jira()).post<SearchResults>('/rest/api/3/search/jql', {
      jql: 'fixVersion = "1.0"',
    });
    expect(none.body.issues).toEqual([]);
  });

  it('setFixVersions goes through the edit use case, and an unchanged set writes nothing', () => {
    const admin = jira().admin;
    const { key } = admin.createIssue('app', { project: 'DEV', issueType: 'Task', summary: 's' });
    jira().clearEvents();
    admin.setFixVersions(F.users.bob.accountId, key, [F.versions.dev10, F.versions.dev20]);
    admin.setFixVersions(F.users.bob.accountId, key, [F.versions.dev10, F.versions.dev20]);
    expect(
      jira()
        .events()
        .map((e) => [e.eventType, e.atlassianId]),
    ).toEqual([['avi:jira:updated:issue', F.users.bob.accountId]]);
    expect(admin.issueView(key).fixVersions).toEqual(['1.0', '2.0']);
    expect(() => admin.setFixVersions('app', key, ['424242'])).toThrow(/Version id '424242' is not valid/);
  });
});

describe('admin helpers', () => {
  it('createVersion, releaseVersion (idempotent), unreleaseVersion', () => {
    jira().clock.set(T0);
    const admin = jira().admin;
    const { id } = admin.createVersion('DEV', { name: '2.2', releaseDate: '2026-12-24' });
    expect(versionEvents()).toEqual([]);
    admin.releaseVersion(F.users.alice.accountId, id);
    admin.releaseVersion(F.users.alice.accountId, id, { releaseDate: '2027-01-01' });
    expect(versionEvents()).toEqual([
      {
        eventType: 'avi:jira:released:version',
        atlassianId: F.users.alice.accountId,
        version: expect.objectContaining({ id, name: '2.2', released: true, releaseDate: '2026-11-21' }),
      },
    ]);
    admin.unreleaseVersion('app', id);
    admin.unreleaseVersion('app', id);
    admin.releaseVersion('app', id, { releaseDate: '2026-11-30' });
    expect(versionEvents().map((e) => [e.eventType, 'version' in e ? e.version.releaseDate : null])).toEqual([
      ['avi:jira:released:version', '2026-11-21'],
      ['avi:jira:unreleased:version', '2026-11-21'],
      ['avi:jira:released:version', '2026-11-30'],
    ]);
    expect(() => admin.createVersion('DEV', { name: 'x', releaseDate: '24/12/2026' })).toThrow(/2026-12-01/);
    expect(() => admin.releaseVersion('app', '424242')).toThrow(/Could not find version/);
  });
});

describe('snapshot', () => {
  it('keeps versions with their released state, and the version ids continue after the saved ones', async () => {
    jira().clock.set(T0);
    const admin = jira().admin;
    const { id } = admin.createVersion('DEV', { name: '2.5', description: 'saved' });
    admin.releaseVersion('app', id);
    const restored = await startJiraEmulator({ state: jira().exportState(), now: () => T0 });
    try {
      const api = client(restored);
      const version = await api.get<VersionBean>(`/rest/api/3/version/${id}`);
      expect(version.body).toMatchObject({
        id,
        name: '2.5',
        description: 'saved',
        released: true,
        releaseDate: '2026-11-21',
      });
      const next = restored.admin.createVersion('DEV', { name: '2.6' });
      expect(Number(next.id)).toBe(Number(id) + 1);
      expect(restored.contractViolations()).toEqual([]);
    } finally {
      await restored.close();
    }
  });
});
