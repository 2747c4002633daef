// Issue 19 in the `npm start` sandbox, in a browser, in real time: the admin page's "Faster sync" and "Push hints"
// sections (the check interval set to its minimum through the page; the push-hint secret shown once, and the curl
// example beside it signing a hint the app accepts), a ticket's new action reaching the open Jira issue through hot
// checks without "Run the pull now", and the panel naming a comment it did not send because it is restricted to a role.
// The scheduled pull is set to an hour, so nothing here can come from it. Screenshots go to test/artifacts.
import { execFileSync } from 'node:child_process';
import { mkdirSync, mkdtempSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import path from 'node:path';
import type { Browser, FrameLocator, Page } from 'playwright-core';
import { z } from 'zod';
import { startSandboxApp, type SandboxApp } from '../../sandbox/app/start-app';
import { DEFAULT_FIXTURE } from '../../sandbox/jira';
import { ARTIFACTS_DIR, collectPageProblems, launchChromium, screenshot } from './browser';
import { assertUiBuilt } from './ui-fixture';

// The hot check interval's minimum (src/domain/config/teamsupport-settings.ts), set through the admin page.
const HOT_CHECK_SECONDS = 30;
const { alice } = DEFAULT_FIXTURE.users;

let browser: Browser;
let app: SandboxApp;
let page: Page;
let problems: string[];
let dataDir: string;
let startedAt: number;
let pullsAtStart: number;
/** the curl example the admin page showed with the new secret (test 1), run in test 4 */
let shownExample: string | undefined;

beforeAll(async () => {
  assertUiBuilt();
  browser = await launchChromium();
  dataDir = mkdtempSync(path.join(tmpdir(), 'sandbox-latency-'));
  app = await startSandboxApp({
    port: 0,
    jiraPort: 0,
    teamSupportPort: 0,
    dataDir,
    reset: false,
    // Far beyond the test: every copy seen here comes from a hot check, a hint or an event, never the pull.
    pullEverySeconds: 3600,
  });
  startedAt = Date.now();
  // A fresh sandbox pulls once at start (sandbox/app/start-app.ts); after that, not for an hour.
  while (pullRuns() === 0) {
    if (Date.now() - startedAt > 30_000) throw new Error('the first pull did not finish');
    await new Promise((resolve) => setTimeout(resolve, 200));
  }
  pullsAtStart = pullRuns();
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

/** How often the scheduled pull ran: after the start, it never does here, so whatever reaches Jira came another way. */
function pullRuns(): number {
  return app.sandbox.logEntries.filter(
    (entry) => entry.kind === 'scheduled' && entry.message.startsWith('pull-tickets'),
  ).length;
}

/** Waits for `text` on the issue page, reloading it now and then (each load opens the panel, as a user would). */
async function waitOnIssue(issueKey: string, find: (page: Page) => Promise<boolean>, timeoutMs: number) {
  const deadline = Date.now() + timeoutMs;
  for (;;) {
    if (await find(page)) return;
    if (Date.now() > deadline) throw new Error(`not seen on ${issueKey} within ${timeoutMs / 1000} s`);
    await page.waitForTimeout(3_000);
    await page.goto(`${app.url}/jira/browse/${issueKey}`);
  }
}

async function openEditor(): Promise<FrameLocator> {
  await page.goto(`${app.url}/admin`);
  const admin = page.frameLocator('iframe.admin-frame');
  await admin.getByRole('button', { name: 'Edit Acme Support' }).click();
  return admin;
}

/** The admin page's HTML as the browser holds it now. */
async function adminHtml(): Promise<string> {
  const frame = page.frames().find((candidate) => candidate.url().includes('/ui/admin'));
  if (!frame) throw new Error('the admin page is not open');
  return frame.content();
}

const SettingsSchema = z.object({
  ok: z.literal(true),
  data: z.object({
    instances: z.array(z.looseObject({ name: z.string(), hotCheckSeconds: z.number().optional() })),
  }),
});

it('admin page: the check interval saved through "Faster sync", the push-hint URL and a secret shown once', async () => {
  const admin = await openEditor();
  const faster = admin.locator('section[aria-labelledby="section-faster-sync"]');
  const interval = faster.getByLabel('Hot check interval (seconds)');
  await faster.getByText('Empty means 45; from 30 to 60.').waitFor();
  await interval.fill('10');
  await admin.getByRole('button', { name: 'Save', exact: true }).click();
  await faster.getByText('Hot check interval must be a whole number from 30 to 60.').waitFor();
  await interval.fill(String(HOT_CHECK_SECONDS));
  await faster
    .getByTestId('faster-sync-cost')
    .getByText(/read every 30 s for 10 min: about 20 /)
    .waitFor();
  await admin.getByRole('button', { name: 'Save', exact: true }).click();
  await admin.getByLabel('Instance status').getByText(`Every ${HOT_CHECK_SECONDS} s for 10 min`).waitFor();
  mkdirSync(ARTIFACTS_DIR, { recursive: true });
  await faster.screenshot({ path: path.join(ARTIFACTS_DIR, 'latency-admin-faster-sync.png') });
  const settings = SettingsSchema.parse(
    await app.sandbox.invokeResolver({
      moduleKey: 'sync-admin',
      functionKey: 'getSettings',
      accountId: alice.accountId,
    }),
  );
  expect(settings.data.instances.find((i) => i.name === 'Acme Support')?.hotCheckSeconds).toBe(
    HOT_CHECK_SECONDS,
  );

  const hints = admin.locator('section[aria-labelledby="section-push-hints"]');
  await hints.getByText('No secret yet: every hint is refused until you create one.').waitFor();
  expect(await hints.getByRole('textbox', { name: 'Web trigger URL' }).inputValue()).toMatch(
    /^https?:\/\/.+\/push-hint$/,
  );
  await hints.getByRole('button', { name: 'Create secret' }).click();
  const secretField = hints.getByRole('textbox', { name: 'Push-hint secret' });
  await secretField.waitFor();
  const secret = await secretField.inputValue();
  expect(secret).toMatch(/^[A-Za-z0-9_-]{43}$/);
  shownExample = (await hints.getByTestId('push-hint-example').textContent()) ?? '';
  expect(shownExample).toContain(`SECRET='${secret}'`);
  await screenshot(page, 'latency-admin-push-hint-secret');

  // Once hidden, the page holds it nowhere; after a reload it cannot have it (getPushHints never answers it).
  await hints.getByRole('button', { name: 'I have stored it, hide it' }).click();
  await hints
    .getByTestId('push-hint-secret-state')
    .getByText(/^A secret is set, created .+\.$/)
    .waitFor();
  expect(await adminHtml()).not.toContain(secret);
  const again = await openEditor();
  const reopened = again.locator('section[aria-labelledby="section-push-hints"]');
  await reopened.getByText(/^A secret is set, created /).waitFor();
  await reopened.getByRole('button', { name: 'Rotate secret' }).waitFor();
  expect(await adminHtml()).not.toContain(secret);
  expect(await reopened.getByTestId('push-hint-example').textContent()).toContain(
    "SECRET='paste-the-secret-here'",
  );
  await screenshot(page, 'latency-admin-push-hint-set');
  expect(problems).toEqual([]);
}, 120_000);

it('a new action on a ticket linked to the open issue reaches Jira through hot checks, without "Run the pull now"', async () => {
  const { issueKey, ticketNumber } = tour();
  // Opening the issue opens its panel: the linked ticket turns hot and is checked every 30 s from now.
  await page.goto(`${app.url}/jira/browse/${issueKey}`);
  await page.frameLocator('#issue-panel').getByTestId(`ticket-${ticketNumber}`).waitFor();

  await page.goto(`${app.url}/teamsupport/tickets/${ticketNumber}`);
  const text = 'Customer: the 1.9 GB export also works from the scheduler now.';
  await page.getByLabel('Add an action').fill(text);
  await page.getByLabel('Agent').selectOption('Jane Doe');
  await page.getByLabel('Action type').selectOption('Comment');
  await page.getByRole('button', { name: 'Add action' }).click();
  await page.getByTestId('notice').getByText('Action added.').waitFor();
  const writtenAt = Date.now();

  await page.goto(`${app.url}/jira/browse/${issueKey}`);
  await waitOnIssue(
    issueKey,
    async (p) => (await p.locator('[data-testid="comment"]').filter({ hasText: text }).count()) > 0,
    (HOT_CHECK_SECONDS + 45) * 1000,
  );
  // Within one check interval of the action (and the console's refresh), with no pull and no "Sync now".
  expect(Date.now() - writtenAt).toBeLessThan((HOT_CHECK_SECONDS + 20) * 1000);
  expect(pullRuns()).toBe(pullsAtStart);
  const syncNowCalls = app.sandbox.logEntries.filter(
    (entry) => entry.kind === 'resolver' && entry.message.includes('syncNow'),
  );
  expect(syncNowCalls).toEqual([]);
  await screenshot(page, 'latency-hot-ticket-comment', { fullPage: false });
  expect(problems).toEqual([]);
}, 150_000);

it('a comment restricted to a role is not sent, and the panel says so in words', async () => {
  const { issueKey, ticketNumber } = tour();
  await page.goto(`${app.url}/jira/browse/${issueKey}`);
  await page.getByLabel('Add a comment').fill('Internal: the cap comes from the storage driver.');
  await page.getByLabel('Restrict to').selectOption('role:Developers');
  await page.getByRole('button', { name: 'Save comment' }).click();
  await page.getByTestId('notice').getByText('Comment added.').waitFor();

  const restricted = /Comment of \d{1,2} \w{3} not sent: restricted to the role "Developers"/;
  await waitOnIssue(
    issueKey,
    async (p) =>
      (await p
        .frameLocator('#issue-panel')
        .getByTestId(`ticket-${ticketNumber}`)
        .getByText(restricted)
        .count()) > 0,
    30_000,
  );
  await screenshot(page, 'latency-panel-restricted-comment', { fullPage: false });
  // Nothing of it reached the ticket.
  const actions = app.ts.org().actions(ticketNumber);
  expect(actions.some((action) => action.description.includes('storage driver'))).toBe(false);
  expect(problems).toEqual([]);
}, 90_000);

it('the curl example the admin page showed signs a hint the web trigger accepts once', async () => {
  const { issueKey, ticketNumber } = tour();
  if (shownExample === undefined) throw new Error('the admin page test did not capture the example');
  const text = 'Customer: one more thing, the export of 2.1 GB fails again.';
  app.ts.org().addAction(ticketNumber, {
    actionType: 'Comment',
    creator: 'Jane Doe',
    description: `<p>${text}</p>`,
  });
  // The example as shown with the new secret, with this ticket's number; `curl` prints what it would send instead of
  // sending it (the sandbox hands web-trigger requests to the app itself, not over HTTP).
  const script = shownExample.replace('"ticketNumber":1234', `"ticketNumber":${ticketNumber}`);
  const printed = execFileSync(
    'bash',
    ['-c', `set -euo pipefail\ncurl() { printf '%s\\n' "$@"; }\n${script}`],
    { encoding: 'utf8' },
  ).split('\n');
  const headers: Record<string, string[]> = {};
  let body = '';
  printed.forEach((arg, i) => {
    const value = printed[i + 1] ?? '';
    if (arg === '-H') {
      const [name = '', ...rest] = value.split(': ');
      headers[name] = [rest.join(': ')];
    }
    if (arg === '--data-raw') body = value;
  });
  const hint = { method: 'POST', body, headers };
  const sentAt = Date.now();
  expect((await app.sandbox.invokeWebTrigger('push-hint', hint)).statusCode).toBe(202);
  expect((await app.sandbox.invokeWebTrigger('push-hint', hint)).statusCode).toBe(401);

  await page.goto(`${app.url}/jira/browse/${issueKey}`);
  await waitOnIssue(
    issueKey,
    async (p) => (await p.locator('[data-testid="comment"]').filter({ hasText: text }).count()) > 0,
    30_000,
  );
  expect(Date.now() - sentAt).toBeLessThan(HOT_CHECK_SECONDS * 1000);
  expect(pullRuns()).toBe(pullsAtStart);
  expect(Date.now() - startedAt).toBeLessThan(3600 * 1000);
  expect(problems).toEqual([]);
}, 90_000);
