// The console's Releases section and planning details over HTTP against the running sandbox (in memory): versions
// with Release / Unrelease, sprints with Close sprint, each button posting to an action that goes through the Jira
// admin so the product events fire, and the issue page showing Fix versions and Sprint.
import { startSandboxApp, type SandboxApp } from '../../app/start-app';
import { DEFAULT_FIXTURE as F } from '../../jira/index';

let app: SandboxApp;

beforeAll(async () => {
  app = await startSandboxApp({
    port: 0,
    jiraPort: 0,
    teamSupportPort: 0,
    brevoPort: 0,
    dataDir: undefined,
    reset: false,
    pullEverySeconds: 300,
  });
});

afterAll(async () => {
  await app.close();
});

async function get(path: string): Promise<{ status: number; text: string }> {
  const response = await fetch(`${app.url}${path}`);
  return { status: response.status, text: await response.text() };
}

async function post(
  path: string,
): Promise<{ status: number; path: string; notice: string | null; kind: string | null }> {
  const response = await fetch(`${app.url}${path}`, {
    method: 'POST',
    body: new URLSearchParams({}),
    headers: { 'content-type': 'application/x-www-form-urlencoded' },
    redirect: 'manual',
  });
  const target = new URL(response.headers.get('location') ?? '', app.url);
  return {
    status: response.status,
    path: target.pathname,
    notice: target.searchParams.get('notice'),
    kind: target.searchParams.get('noticeKind'),
  };
}

function eventsOf(type: string) {
  return app.jira.events().filter((event) => event.eventType === type);
}

it('lists versions with Release / Unrelease buttons that release through the admin as the console user', async () => {
  const { id } = app.jira.admin.createVersion('DEV', { name: 'Console 1.0' });
  const page = await get('/jira');
  expect(page.status).toBe(200);
  expect(page.text).toContain('href="/jira#releases"');
  expect(page.text).toContain('id="releases"');
  expect(page.text).toContain(`action="/actions/jira-version/${id}/release"`);
  expect(page.text).toContain(`action="/actions/jira-version/${F.versions.dev10}/unrelease"`);

  const released = await post(`/actions/jira-version/${id}/release`);
  expect(released).toMatchObject({
    status: 303,
    path: '/jira',
    kind: 'success',
    notice: 'Console 1.0 is released.',
  });
  expect(eventsOf('avi:jira:released:version').at(-1)).toMatchObject({
    atlassianId: F.users.alice.accountId,
    version: { id, name: 'Console 1.0', released: true },
  });
  expect((await get('/jira')).text).toContain(`action="/actions/jira-version/${id}/unrelease"`);

  // Releasing again (a second click) is ignored, as Jira ignores it.
  const before = eventsOf('avi:jira:released:version').length;
  expect(await post(`/actions/jira-version/${id}/release`)).toMatchObject({ kind: 'success' });
  expect(eventsOf('avi:jira:released:version')).toHaveLength(before);

  expect(await post(`/actions/jira-version/${id}/unrelease`)).toMatchObject({
    kind: 'success',
    notice: 'Console 1.0 is unreleased.',
  });
  expect(eventsOf('avi:jira:unreleased:version').at(-1)).toMatchObject({ version: { id, released: false } });
});

it('closes an active sprint with its button, and shows Fix versions and Sprint on the issue page', async () => {
  const admin = app.jira.admin;
  const issue = admin.createIssue(F.users.alice.accountId, {
    project: 'DEV',
    issueType: 'Task',
    summary: 'planned',
  });
  admin.setFixVersions(F.users.alice.accountId, issue.key, [F.versions.dev20]);
  const sprint = admin.createSprint({ name: 'Console sprint', goal: 'Try the console' });
  admin.startSprint(sprint.id);
  admin.addToSprint(sprint.id, [issue.key]);

  const issuePage = await get(`/jira/browse/${issue.key}`);
  expect(issuePage.text).toMatch(/data-testid="issue-fix-versions"[^>]*>\s*2\.0\s*</);
  expect(issuePage.text).toMatch(/data-testid="issue-sprints"[\s\S]*Console sprint[\s\S]*active/);

  const list = await get('/jira');
  expect(list.text).toContain(`action="/actions/jira-sprint/${sprint.id}/close"`);
  expect(list.text).toContain('Try the console');

  const closed = await post(`/actions/jira-sprint/${sprint.id}/close`);
  expect(closed).toMatchObject({
    status: 303,
    path: '/jira',
    kind: 'success',
    notice: 'Console sprint is closed.',
  });
  expect(eventsOf('avi:jira-software:closed:sprint').at(-1)).toMatchObject({
    atlassianId: F.users.alice.accountId,
    sprint: { id: String(sprint.id), name: 'Console sprint', state: 'closed' },
  });
  expect((await get('/jira')).text).not.toContain(`action="/actions/jira-sprint/${sprint.id}/close"`);
  expect((await get(`/jira/browse/${issue.key}`)).text).toMatch(/Console sprint[\s\S]*closed/);
});

it('answers an unknown version with an error notice and an unknown verb with 404', async () => {
  expect(await post('/actions/jira-version/424242/release')).toMatchObject({ status: 303, kind: 'error' });
  expect((await post(`/actions/jira-version/${F.versions.dev20}/explode`)).status).toBe(404);
  expect((await post('/actions/jira-sprint/1/reopen')).status).toBe(404);
});
