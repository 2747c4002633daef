// The `npm start` sandbox in a browser, the way a new user takes the five-minute tour: a Jira comment becomes a
// ticket action, an agent's action comes back as a Jira comment after "Run the pull now", a transition changes the
// ticket's status, and a ticket asking for a NEW issue gets one, linked. Screenshots go to test/artifacts.
import { mkdtempSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import path from 'node:path';
import type { Browser, Page } from 'playwright-core';
import { startSandboxApp, type SandboxApp } from '../../sandbox/app/start-app';
import { DEFAULT_FIXTURE } from '../../sandbox/jira';
import { collectPageProblems, launchChromium, screenshot } from './browser';
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

/** Waits until the live page shows `text` in `selector` (the console refreshes itself when something changes). */
async function waitForText(selector: string, text: string | RegExp): Promise<void> {
  await page.locator(selector).filter({ hasText: text }).first().waitFor({ timeout: 20_000 });
}

it('walks the sync loop: comment → action, action → comment, transition → status, NEW → linked issue', async () => {
  const { issueKey, ticketNumber, escalateTicketNumber, correlationField } = tour();

  // The overview explains the tour and links to the demo issue.
  await page.goto(`${app.url}/`);
  await page.getByRole('heading', { name: 'Five-minute tour' }).waitFor();
  await screenshot(page, 'sandbox-overview');
  await page.getByRole('link', { name: issueKey }).first().click();

  // 1. A Jira comment reaches the linked ticket as an action.
  await page.getByTestId('issue-summary').waitFor();
  const panel = page.frameLocator('#issue-panel');
  await panel.getByTestId(`ticket-${ticketNumber}`).waitFor();
  await page.getByLabel('Add a comment').fill('We found the cause: the export buffer is capped at 2 GB.');
  await page.getByRole('button', { name: 'Save comment' }).click();
  await page.getByTestId('notice').getByText('Comment added.').waitFor();
  await screenshot(page, 'sandbox-jira-issue');

  await page.goto(`${app.url}/teamsupport/tickets/${ticketNumber}`);
  await waitForText('[data-testid="action"]', 'the export buffer is capped at 2 GB');
  await screenshot(page, 'sandbox-ticket');

  // 2. An agent's action comes back to Jira after the pull.
  await page.getByLabel('Add an action').fill('The customer confirms: files of 1.9 GB export fine.');
  await page.getByLabel('Agent').selectOption('Jane Doe');
  await page.getByLabel('Action type').selectOption('Comment');
  await page.getByRole('button', { name: 'Add action' }).click();
  await page.getByTestId('notice').getByText('Action added.').waitFor();
  await page.getByRole('button', { name: 'Run the pull now' }).click();
  await page.getByTestId('notice').getByText('The scheduled pull ran.').waitFor();
  await page.goto(`${app.url}/jira/browse/${issueKey}`);
  await waitForText('[data-testid="comment"]', 'files of 1.9 GB export fine');
  await screenshot(page, 'sandbox-jira-issue-after-pull', { fullPage: false });

  // 3. A transition to Done closes the ticket (the demo maps Done → Closed).
  await page.getByRole('button', { name: 'Done', exact: true }).click();
  await page.getByTestId('issue-status').getByText('Done').waitFor();
  await page.goto(`${app.url}/teamsupport/tickets/${ticketNumber}`);
  await waitForText('[data-testid="ticket-status"]', 'Closed');

  // 4. Asking for a NEW issue creates one, links it, and writes its key back.
  await page.goto(`${app.url}/teamsupport/tickets/${escalateTicketNumber}`);
  const field = page.locator(`#field-${correlationField}`);
  await field.fill('NEW');
  await page
    .getByRole('button', { name: /^Save / })
    .first()
    .click();
  await page.getByTestId('notice').getByText(`${correlationField} saved.`).waitFor();
  await page.getByRole('button', { name: 'Run the pull now' }).click();
  await page.getByTestId('notice').getByText('The scheduled pull ran.').waitFor();
  const newKey = await field.inputValue();
  expect(newKey).toMatch(/^[A-Z]+-\d+$/);
  await page.getByRole('link', { name: `open ${newKey}` }).click();
  await page
    .getByTestId('issue-summary')
    .getByText('Reports time out for accounts with 10,000 users')
    .waitFor();
  await page.frameLocator('#issue-panel').getByTestId(`ticket-${escalateTicketNumber}`).waitFor();
  await screenshot(page, 'sandbox-new-issue');

  // The event log shows what happened, and the request counters per target.
  await page.goto(`${app.url}/events`);
  await page.getByRole('heading', { name: 'Requests by target' }).waitFor();
  await waitForText('[data-testid="counter-row"]', /TeamSupport API/);
  await waitForText('[data-testid="event"]', /pull-tickets/);
  await screenshot(page, 'sandbox-events', { fullPage: false });

  await page.goto(`${app.url}/admin`);
  await page.frameLocator('iframe.admin-frame').getByText('Acme Support').first().waitFor();
  await screenshot(page, 'sandbox-admin', { fullPage: false });
  expect(problems).toEqual([]);
});

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
  await waitForText('[data-testid="comment"]', 'the nightly export also fails');
  expect(problems).toEqual([]);
});
