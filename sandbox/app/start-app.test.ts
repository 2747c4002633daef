// The sandbox as `npm start` runs it: state kept in the data folder between runs, --reset starting clean, and a
// corrupt state file refused with a message that names it.
import { mkdtempSync, readdirSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import path from 'node:path';
import { createServer } from 'node:net';
import { createStore } from '../../src/store';
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
  dataDir,
  reset: false,
  pullEverySeconds: 300,
  ...overrides,
});

it('seeds the demo on the first run, keeps every change for the next run, and starts clean with reset', async () => {
  // Fixed emulator ports, as npm start has: the saved instance points at the TeamSupport emulator's address.
  const ports = { jiraPort: await freePort(), teamSupportPort: await freePort() };
  const first = await startSandboxApp(options(ports));
  expect(first.restored).toBe(false);
  const tour = first.tour;
  if (!tour) throw new Error('no demo');
  const issueId = first.jira.admin.issueView(tour.issueKey).id;
  first.jira.admin.addComment(alice.accountId, tour.issueKey, { body: 'Kept between runs' });
  first.ts.org().addAction(tour.ticketNumber, { description: '<p>Also kept</p>', creator: 'Jane Doe' });
  await first.close();
  expect(readdirSync(dataDir).sort()).toEqual([
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
    const store = createStore();
    const instances = await second.sandbox.asInvocation(() => store.config.listInstanceViews());
    expect(instances.ok && instances.instances.map((i) => i.name)).toEqual(['Acme Support']);
    expect(await second.sandbox.asInvocation(() => store.links.listByIssue(issueId))).toHaveLength(1);
  } finally {
    await second.close();
  }

  const third = await startSandboxApp(options({ ...ports, reset: true }));
  try {
    expect(third.restored).toBe(false);
    const comments = third.jira.admin.issueView(tour.issueKey).comments.map((c) => c.text);
    expect(comments).not.toContain('Kept between runs');
  } finally {
    await third.close();
  }
});

it('refuses a corrupt state file and names it', async () => {
  const first = await startSandboxApp(options());
  await first.close();
  writeFileSync(path.join(dataDir, 'jira.state'), 'not a snapshot');
  await expect(startSandboxApp(options())).rejects.toThrow(
    new RegExp(`${path.join(dataDir, 'jira.state').replace(/[.*+?^${}()|[\]\\]/g, '\\$&')}: .*--reset`),
  );
});
