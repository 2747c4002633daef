// The README's walkthrough, followed literally on a clean sandbox (a new, empty data folder, as on a fresh clone):
// readme-walkthrough.ts reads the numbered steps from README.md and performs each one by its number, using only the
// names and addresses the step itself gives, so the README, the console's overview and this test cannot drift. Then
// the panel's "Sync now" on the same sandbox. Screenshots of the walk go to test/artifacts.
import { mkdirSync, mkdtempSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import path from 'node:path';
import type { Browser, Page } from 'playwright-core';
import { startSandboxApp, type SandboxApp } from '../../sandbox/app/start-app';
import { DEFAULT_FIXTURE } from '../../sandbox/jira';
import { ARTIFACTS_DIR, collectPageProblems, launchChromium, screenshot } from './browser';
import { readmeSteps, takeReadmeWalkthrough } from './readme-walkthrough';
import { assertUiBuilt } from './ui-fixture';

let browser: Browser;
let app: SandboxApp;
let page: Page;
let problems: string[];
let dataDir: string;

beforeAll(async () => {
  assertUiBuilt();
  browser = await launchChromium();
  dataDir = mkdtempSync(path.join(tmpdir(), 'sandbox-walkthrough-'));
  app = await startSandboxApp({
    port: 0,
    jiraPort: 0,
    teamSupportPort: 0,
    dataDir,
    reset: false,
    pullEverySeconds: 300,
  });
});

afterAll(async () => {
  await browser.close();
  await app.close();
  rmSync(dataDir, { recursive: true, force: true });
});

beforeEach(async () => {
  page = await browser.newPage({ viewport: { width: 1400, height: 900 } });
  problems = collectPageProblems(page);
});

afterEach(async () => {
  await page.close();
});

function tour() {
  const { tour } = app;
  if (!tour) throw new Error('the demo was not seeded');
  return tour;
}

it("takes every step of the README's walkthrough, literally, on a fresh sandbox", async () => {
  // A clean clone's first `npm start`: nothing restored, the demo seeded and pulled once.
  expect(app.restored).toBe(false);
  const taken = await takeReadmeWalkthrough(page, app, {
    picture: async (name, target) => {
      if ('goto' in target) {
        await screenshot(target, `walkthrough-${name}`, { fullPage: false });
        return;
      }
      mkdirSync(ARTIFACTS_DIR, { recursive: true });
      await target.screenshot({ path: path.join(ARTIFACTS_DIR, `walkthrough-${name}.png`) });
    },
  });
  expect(taken).toEqual(readmeSteps().map((step) => step.number));
  expect(problems).toEqual([]);
}, 180_000);

it('"Sync now" on the panel copies at once and names a skipped restricted comment in words', async () => {
  const { issueKey, ticketNumber } = tour();
  const { alice } = DEFAULT_FIXTURE.users;
  // An agent's action, not pulled yet, and a comment restricted to a role (never sent, logged as skipped).
  app.ts.org().addAction(Number(ticketNumber), {
    actionType: 'Comment',
    creator: 'Jane Doe',
    description: '<p>Customer: the nightly export also fails.</p>',
  });
  app.jira.admin.addComment(alice.accountId, issueKey, {
    body: 'Internal: the cap comes from the storage driver.',
    visibility: { type: 'role', value: 'Developers' },
  });

  await page.goto(`${app.url}/jira/browse/${issueKey}`);
  const panel = page.frameLocator('#issue-panel');
  const row = panel.getByTestId(`ticket-${ticketNumber}`);
  await row.waitFor();
  await panel.getByRole('button', { name: 'Sync now' }).click();
  await panel
    .getByTestId('sync-now-result')
    .getByText(new RegExp(`^Synced: 1 comment from #${ticketNumber}$`))
    .waitFor({ timeout: 20_000 });
  await row
    .getByText(/Comment of \d{1,2} \w{3} not sent: restricted to the role "Developers"/)
    .waitFor({ timeout: 20_000 });
  await screenshot(page, 'sandbox-panel-sync-now', { fullPage: false });
  await page.reload();
  await page
    .getByTestId('comment')
    .filter({ hasText: 'the nightly export also fails' })
    .waitFor({ timeout: 20_000 });
  expect(problems).toEqual([]);
});
