// The console's pages and form actions over HTTP against the running sandbox (in memory): what a user can do to the
// emulated Jira and TeamSupport, what the Brevo view shows, the errors they see, and the requests the console refuses.
import { DEFAULT_ACCOUNT } from '../../brevo';
import { startSandboxApp, type SandboxApp } from '../../app/start-app';
import { DEFAULT_FIXTURE } from '../../jira';

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

function tour() {
  if (!app.tour) throw new Error('no demo');
  return app.tour;
}

async function post(path: string, form: Record<string, string>, headers: Record<string, string> = {}) {
  const response = await fetch(`${app.url}${path}`, {
    method: 'POST',
    body: new URLSearchParams(form),
    headers: { 'content-type': 'application/x-www-form-urlencoded', ...headers },
    redirect: 'manual',
  });
  const location = response.headers.get('location') ?? '';
  const target = new URL(location, app.url);
  return {
    status: response.status,
    path: target.pathname,
    notice: target.searchParams.get('notice'),
    kind: target.searchParams.get('noticeKind'),
  };
}

async function get(path: string) {
  const response = await fetch(`${app.url}${path}`);
  return {
    status: response.status,
    text: await response.text(),
    csp: response.headers.get('content-security-policy'),
  };
}

it('serves every page under a strict content security policy', async () => {
  const { issueKey, ticketNumber } = tour();
  for (const path of [
    '/',
    '/jira',
    `/jira/browse/${issueKey}`,
    '/teamsupport',
    `/teamsupport/tickets/${ticketNumber}`,
    '/brevo',
    `/brevo/contacts/${app.brevo.account().addContact({ email: 'pages@example.com' }).id}`,
    '/admin',
    '/events',
  ]) {
    const page = await get(path);
    expect({ path, status: page.status }).toEqual({ path, status: 200 });
    expect(page.csp).toContain("script-src 'self'");
  }
  expect((await get('/jira/browse/NOPE-99')).status).toBe(404);
  expect((await get('/teamsupport/tickets/999999')).status).toBe(404);
  expect((await get('/brevo/contacts/999999')).status).toBe(404);
  expect((await get('/brevo/contacts/alice@example.com')).status).toBe(404);
});

it('switches to dark mode and back with the header toggle, remembered in a cookie for every page', async () => {
  const toggle = (mode: string) =>
    fetch(`${app.url}/actions/color-mode`, {
      method: 'POST',
      body: new URLSearchParams({ mode, back: '/jira' }),
      headers: { 'content-type': 'application/x-www-form-urlencoded' },
      redirect: 'manual',
    });
  const light = (await get('/jira')).text;
  expect(light).toContain('<html lang="en" data-color-mode="light">');
  expect(light).toMatch(/name="mode"\s+value="dark"\s+aria-pressed="false"/);

  const toDark = await toggle('dark');
  expect(toDark.status).toBe(303);
  expect(toDark.headers.get('location')).toBe('/jira');
  const cookie = toDark.headers.get('set-cookie') ?? '';
  expect(cookie).toMatch(/^sandbox-color-mode=dark; Path=\/; Max-Age=\d+; SameSite=Strict$/);
  const dark = await (await fetch(`${app.url}/`, { headers: { cookie: cookie.split(';')[0] ?? '' } })).text();
  expect(dark).toContain('<html lang="en" data-color-mode="dark">');
  expect(dark).toMatch(/name="mode"\s+value="light"\s+aria-pressed="true"/);

  expect((await toggle('light')).headers.get('set-cookie')).toMatch(/^sandbox-color-mode=light;/);
  const refused = await toggle('sepia');
  expect(refused.status).toBe(400);
  expect(refused.headers.get('set-cookie')).toBeNull();
});

it('adds a restricted comment as the user, which the app does not copy to the ticket', async () => {
  const { issueKey, ticketNumber } = tour();
  const before = app.ts.org().actions(ticketNumber).length;
  const result = await post(`/actions/jira/${issueKey}/comment`, {
    body: 'Only for administrators',
    visibility: 'role:Administrators',
  });
  expect(result).toMatchObject({ status: 303, path: `/jira/browse/${issueKey}`, kind: 'success' });
  const comment = app.jira.admin.issueView(issueKey).comments.at(-1);
  expect(comment).toMatchObject({
    text: 'Only for administrators',
    visibility: { type: 'role', value: 'Administrators' },
    byApp: false,
  });
  await app.sandbox.drain();
  expect(app.ts.org().actions(ticketNumber)).toHaveLength(before);
  const events = await get('/events?kind=app');
  expect(events.text).toMatch(/restricted/i);
});

it('adds an agent action, changes the status and sets a custom field on a ticket', async () => {
  const { escalateTicketNumber: number, correlationField } = tour();
  const base = `/actions/teamsupport/${number}`;
  const added = await post(`${base}/action`, {
    description: 'First line\n<b>not bold</b>',
    agent: 'Sam Roe',
    actionType: 'Email',
  });
  expect(added).toMatchObject({ status: 303, kind: 'success' });
  const [action] = app.ts.org().actions(number);
  expect(action).toMatchObject({
    creatorName: 'Sam Roe',
    actionType: 'Email',
    isVisibleOnPortal: false,
    description: '<p>First line<br>&#60;b&#62;not bold&#60;/b&#62;</p>',
  });
  expect(await post(`${base}/status`, { status: 'In Progress' })).toMatchObject({ kind: 'success' });
  expect(app.ts.org().ticket(number).status).toBe('In Progress');
  expect(await post(`${base}/field`, { field: correlationField, value: 'SUP-2' })).toMatchObject({
    kind: 'success',
  });
  expect(app.ts.org().ticket(number).customFields[correlationField]).toBe('SUP-2');
});

it('answers bad input with an error notice on the same page and changes nothing', async () => {
  const { issueKey, ticketNumber } = tour();
  const comments = app.jira.admin.issueView(issueKey).comments.length;
  const empty = await post(`/actions/jira/${issueKey}/comment`, {
    body: '   ',
    back: `/jira/browse/${issueKey}`,
  });
  expect(empty).toMatchObject({
    status: 303,
    path: `/jira/browse/${issueKey}`,
    kind: 'error',
    notice: 'The comment is empty',
  });
  const badRestriction = await post(`/actions/jira/${issueKey}/comment`, {
    body: 'x',
    visibility: 'everyone',
  });
  expect(badRestriction).toMatchObject({ kind: 'error', notice: 'Unknown restriction "everyone"' });
  expect(app.jira.admin.issueView(issueKey).comments).toHaveLength(comments);

  const badStatus = await post(`/actions/teamsupport/${ticketNumber}/status`, { status: 'Teleported' });
  expect(badStatus.kind).toBe('error');
  expect(badStatus.notice).toMatch(/Teleported/);
  const badTransition = await post(`/actions/jira/${issueKey}/transition`, { transitionId: '999' });
  expect(badTransition.kind).toBe('error');
  expect((await post('/actions/jira/SUP-1/explode', {})).status).toBe(404);
  expect((await fetch(`${app.url}/actions/run-pull`)).status).toBe(405);
});

it('refuses form posts from other origins and redirects only within the console', async () => {
  const { issueKey } = tour();
  const foreign = await post(
    `/actions/jira/${issueKey}/comment`,
    { body: 'csrf' },
    { origin: 'https://evil.example' },
  );
  expect(foreign.status).toBe(403);
  expect(app.jira.admin.issueView(issueKey).comments.map((c) => c.text)).not.toContain('csrf');
  const pulled = await post('/actions/run-pull', { back: '//evil.example/x' });
  expect(pulled).toMatchObject({ status: 303, path: '/', kind: 'success' });
});

it('escapes what users wrote wherever it is shown', async () => {
  const { issueKey } = tour();
  await post(`/actions/jira/${issueKey}/comment`, { body: '<script>alert(1)</script>' });
  const page = await get(`/jira/browse/${issueKey}`);
  expect(page.text).toContain('&#60;script&#62;alert(1)&#60;/script&#62;');
  expect(page.text).not.toContain('<script>alert(1)</script>');
});

/** Sends a custom event to the Brevo emulator as any API client would. */
async function sendBrevoEvent(event: Record<string, unknown>): Promise<number> {
  const response = await fetch(`${app.brevo.apiUrl}/events`, {
    method: 'POST',
    headers: { 'api-key': DEFAULT_ACCOUNT.apiKey, 'content-type': 'application/json' },
    body: JSON.stringify(event),
  });
  return response.status;
}

it('shows Brevo contacts, lists and a timeline newest first, escaping what was sent', async () => {
  // The app's own demo traffic shares Brevo's per-second window in real time; this test's direct sends must not
  // depend on how busy the machine is.
  app.brevo.setRateLimits({ events: { perSecond: null, perHour: null } });
  const account = app.brevo.account();
  const sup = account.list('Jira SUP customers');
  account.addContact({
    email: 'mallory@example.com',
    attributes: { FIRSTNAME: '<img src=x onerror=alert(1)>' },
    listIds: [sup.id],
  });
  const identifiers = { email_id: 'mallory@example.com' };
  expect(
    await sendBrevoEvent({
      event_name: 'jira_comment_added',
      event_date: '2024-05-01T12:00:00Z',
      identifiers,
      event_properties: { issue_key: 'SUP-1', summary: '<b>bold</b>', comment: '<script>alert(3)</script>' },
    }),
  ).toBe(204);
  expect(
    await sendBrevoEvent({
      event_name: 'jira_issue_status_changed',
      event_date: '2024-05-02T12:00:00Z',
      identifiers,
      event_properties: { issue_key: 'NOPE-1', from_status: '<i>To Do</i>', to_status: 'Done' },
    }),
  ).toBe(204);
  const contact = account.contact('mallory@example.com');
  if (!contact) throw new Error('no contact');

  const overview = await get('/brevo');
  expect(overview.status).toBe(200);
  expect(overview.csp).toContain("script-src 'self'");
  expect(overview.text).toContain(`<a href="/brevo/contacts/${contact.id}">mallory@example.com</a>`);
  expect(overview.text).toContain('<code>FIRSTNAME=&#60;img src=x onerror=alert(1)&#62;</code>');
  expect(overview.text).not.toContain('<img src=x');
  expect(overview.text).toMatch(/<td>Jira SUP customers<\/td>\s*<td>[^]*mallory@example\.com/);

  const timeline = await get(`/brevo/contacts/${contact.id}`);
  expect(timeline.status).toBe(200);
  expect(timeline.csp).toContain("script-src 'self'");
  expect(timeline.text).toContain('&#60;script&#62;alert(3)&#60;/script&#62;');
  expect(timeline.text).not.toContain('<script>alert(3)');
  expect(timeline.text).toContain('&#60;b&#62;bold&#60;/b&#62;');
  expect(timeline.text).toMatch(/&#60;i&#62;To Do&#60;\/i&#62;\s*→\s*Done/);
  // The issue key links to the Jira view when the issue exists, and stays text otherwise.
  expect(timeline.text).toContain('<a href="/jira/browse/SUP-1">SUP-1</a>');
  expect(timeline.text).not.toContain('/jira/browse/NOPE-1');
  const newer = timeline.text.indexOf('jira_issue_status_changed');
  const older = timeline.text.indexOf('jira_comment_added');
  expect(newer).toBeGreaterThan(-1);
  expect(older).toBeGreaterThan(newer);
});

it("shows a Jira status change made in the console on the reporter's Brevo timeline", async () => {
  const { issueKey, brevoContact } = tour();
  if (!brevoContact) throw new Error('the demo has no Brevo contact');
  const inProgress = app.jira.admin
    .transitionsOf(DEFAULT_FIXTURE.users.alice.accountId, issueKey)
    .find((transition) => transition.toStatus === 'In Progress');
  if (!inProgress) throw new Error(`${issueKey} cannot move to In Progress`);
  const moved = await post(`/actions/jira/${issueKey}/transition`, { transitionId: inProgress.id });
  expect(moved).toMatchObject({ status: 303, kind: 'success', notice: `${issueKey} is now In Progress.` });
  await app.sandbox.drain();

  const contact = app.brevo.account().contact(brevoContact);
  if (!contact) throw new Error(`no Brevo contact ${brevoContact}`);
  const overview = await get('/brevo');
  expect(overview.text).toContain(`<a href="/brevo/contacts/${contact.id}">${brevoContact}</a>`);
  const timeline = await get(`/brevo/contacts/${contact.id}`);
  const latest = timeline.text.slice(timeline.text.indexOf('data-testid="brevo-event"'));
  expect(latest).toMatch(
    new RegExp(`^[^]*?jira_issue_status_changed[^]*?${issueKey}[^]*?To Do\\s*→\\s*In Progress[^]*?</li>`),
  );
  const events = await get('/events');
  expect(events.text).toContain('Brevo API (api.brevo.com)');
});

it('tells open pages when something changed', async () => {
  const controller = new AbortController();
  const response = await fetch(`${app.url}/api/live`, { signal: controller.signal });
  expect(response.headers.get('content-type')).toContain('text/event-stream');
  if (!response.body) throw new Error('no stream');
  const reader = response.body.pipeThrough(new TextDecoderStream()).getReader();
  await post('/actions/run-pull', {});
  let text = '';
  while (!text.includes('data: ')) {
    const chunk = await reader.read();
    if (chunk.done) break;
    text += chunk.value;
  }
  controller.abort();
  expect(text).toMatch(/data: \{"seq":\d+,"kind":"[a-z-]+"\}/);
});
