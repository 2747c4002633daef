// The sandbox as `npm start` runs it: state kept in the data folder between runs (all three emulators and the app's
// storage), --reset starting clean, a folder from before Brevo upgraded, and a corrupt state file refused with a
// message that names it.
import { mkdtempSync, readdirSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import path from 'node:path';
import { createServer } from 'node:net';
import { createStore } from '../../src/store';
import { DEFAULT_ACCOUNT } from '../brevo';
import { DEMO_BREVO_ACCOUNT } from '../demo';
import { DEFAULT_FIXTURE } from '../jira';
import { startSandboxApp, type SandboxAppOptions } from './start-app';

const { alice } = DEFAULT_FIXTURE.users;

let dataDir: string;

/** A port free right now (the OS picks it), for a sandbox that must come back on the same ports. */
function freePort(): Promise<number> {
  return new Promise((resolve, reject) => {
    const server = createServer();
    server.once('error', reject);
    server.listen(0, '127.0.0.1', () => {
      const address = server.address();
      server.close(() =>
        typeof address === 'object' && address ? resolve(address.port) : reject(new Error('no port')),
      );
    });
  });
}

beforeEach(() => {
  dataDir = mkdtempSync(path.join(tmpdir(), 'sandbox-app-'));
});

afterEach(() => {
  rmSync(dataDir, { recursive: true, force: true });
});

const options = (overrides: Partial<SandboxAppOptions> = {}): SandboxAppOptions => ({
  port: 0,
  jiraPort: 0,
  teamSupportPort: 0,
  brevoPort: 0,
  dataDir,
  reset: false,
  pullEverySeconds: 300,
  ...overrides,
});

it('seeds the demo on the first run, keeps every change for the next run, and starts clean with reset', async () => {
  // Fixed emulator ports, as npm start has: the saved instance points at the TeamSupport emulator's address.
  const ports = {
    jiraPort: await freePort(),
    teamSupportPort: await freePort(),
    brevoPort: await freePort(),
  };
  const first = await startSandboxApp(options(ports));
  expect(first.restored).toBe(false);
  const tour = first.tour;
  if (!tour) throw new Error('no demo');
  const issueId = first.jira.admin.issueView(tour.issueKey).id;
  first.jira.admin.addComment(alice.accountId, tour.issueKey, { body: 'Kept between runs' });
  first.ts.org().addAction(tour.ticketNumber, { description: '<p>Also kept</p>', creator: 'Jane Doe' });
  first.brevo.account().addContact({ email: 'kept@example.com', attributes: { FIRSTNAME: 'Kept' } });
  expect(first.brevo.baseUrl).toBe(`http://127.0.0.1:${ports.brevoPort}`);
  await first.close();
  expect(readdirSync(dataDir).sort()).toEqual([
    'brevo.state',
    'forge-storage.json',
    'jira.state',
    'sandbox.json',
    'teamsupport.state',
  ]);

  const second = await startSandboxApp(options(ports));
  try {
    expect(second.restored).toBe(true);
    expect(second.tour).toEqual(tour);
    expect(second.jira.admin.issueView(tour.issueKey).comments.map((c) => c.text)).toContain(
      'Kept between runs',
    );
    expect(
      second.ts
        .org()
        .actions(tour.ticketNumber)
        .map((a) => a.description),
    ).toContain('<p>Also kept</p>');
    // The app's storage came back too: the instance and its links.
    expect(second.brevo.account(DEFAULT_ACCOUNT.apiKey).contact('kept@example.com')?.attributes).toEqual({
      FIRSTNAME: 'Kept',
    });
    const store = createStore();
    const instances = await second.sandbox.asInvocation(() => store.config.listInstanceViews());
    expect(instances.ok && instances.instances.map((i) => i.name)).toEqual(['Acme Support']);
    expect(instances.ok && instances.brevoAccounts.map((a) => [a.name, a.active, a.hasApiKey])).toEqual([
      [DEMO_BREVO_ACCOUNT, true, true],
    ]);
    expect(await second.sandbox.asInvocation(() => store.links.listByIssue(issueId))).toHaveLength(1);
  } finally {
    await second.close();
  }

  const third = await startSandboxApp(options({ ...ports, reset: true }));
  try {
    expect(third.restored).toBe(false);
    const comments = third.jira.admin.issueView(tour.issueKey).comments.map((c) => c.text);
    expect(comments).not.toContain('Kept between runs');
    expect(third.brevo.account().contact('kept@example.com')).toBeUndefined();
  } finally {
    await third.close();
  }
});

it("configures the demo's Brevo account with each demo project mapped to the emulator's list of it", async () => {
  const app = await startSandboxApp(options({ dataDir: undefined }));
  try {
    const account = app.brevo.account(DEFAULT_ACCOUNT.apiKey);
    expect(account.hasAttribute('LAST_TICKET_STATUS')).toBe(true);
    const store = createStore();
    const views = await app.sandbox.asInvocation(() => store.config.listInstanceViews());
    if (!views.ok) throw new Error('no configuration');
    expect(views.brevoAccounts).toEqual([
      expect.objectContaining({
        kind: 'brevo',
        name: DEMO_BREVO_ACCOUNT,
        active: true,
        hasApiKey: true,
        projects: 'all',
        contactRoles: ['reporter'],
        projectLists: [
          { projectKey: 'SUP', listId: account.list('Jira SUP customers').id },
          { projectKey: 'DEV', listId: account.list('Jira DEV customers').id },
        ],
      }),
    ]);
    expect(app.tour?.brevoContact).toBe(DEFAULT_FIXTURE.users.alice.emailAddress);
  } finally {
    await app.close();
  }
});

it('keeps a folder saved before the sandbox had Brevo, and adds the demo Brevo account to it', async () => {
  const first = await startSandboxApp(options());
  const tour = first.tour;
  if (!tour) throw new Error('no demo');
  first.jira.admin.addComment(alice.accountId, tour.issueKey, { body: 'Kept across the upgrade' });
  // What an older sandbox saved: no Brevo account in the configuration, no brevo.state, a tour without a contact.
  const store = createStore();
  const before = await first.sandbox.asInvocation(() => store.config.listInstanceViews());
  for (const account of before.ok ? before.brevoAccounts : [])
    await first.sandbox.asInvocation(() => store.config.deleteInstance(account.id));
  await first.close();
  rmSync(path.join(dataDir, 'brevo.state'));
  const { brevoContact: _contact, ...oldTour } = tour;
  writeFileSync(
    path.join(dataDir, 'sandbox.json'),
    JSON.stringify({ teamSupportUrl: first.ts.appUrl, tour: oldTour }),
  );

  const second = await startSandboxApp(options());
  try {
    expect(second.restored).toBe(true);
    expect(second.tour).toEqual(tour);
    expect(second.jira.admin.issueView(tour.issueKey).comments.map((c) => c.text)).toContain(
      'Kept across the upgrade',
    );
    const views = await second.sandbox.asInvocation(() => store.config.listInstanceViews());
    expect(views.ok && views.brevoAccounts.map((a) => a.name)).toEqual([DEMO_BREVO_ACCOUNT]);
  } finally {
    await second.close();
  }
  expect(readdirSync(dataDir)).toContain('brevo.state');
});

it.each(['jira.state', 'brevo.state'])('refuses a corrupt %s and names it', async (name) => {
  const first = await startSandboxApp(options());
  await first.close();
  writeFileSync(path.join(dataDir, name), 'not a snapshot');
  await expect(startSandboxApp(options())).rejects.toThrow(
    new RegExp(`${path.join(dataDir, name).replace(/[.*+?^${}()|[\]\\]/g, '\\$&')}: .*--reset`),
  );
});

it('a second sandbox on the same ports says the port is taken, not the data file, and leaves the data alone', async () => {
  const ports = { port: await freePort(), jiraPort: await freePort(), teamSupportPort: await freePort() };
  const first = await startSandboxApp(options(ports));
  try {
    const second = startSandboxApp(options({ ...ports, reset: true }));
    await expect(second).rejects.toThrow(
      `Port ${ports.port} (the sandbox page) is in use — is another sandbox running?`,
    );
    await expect(second).rejects.not.toThrow(/jira\.state|EADDRINUSE/);
    // --reset did not run: the first sandbox's saved state is still there.
    expect(readdirSync(dataDir)).toContain('jira.state');
  } finally {
    await first.close();
  }
});
