// The `npm start` sandbox's Brevo part in a browser, as the README's walkthrough takes it: a version released in the
// console's Jira view reaches the linked ticket and the customer's timeline once; a status change made in the
// console's Jira view reaches the reporter's Brevo contact, and the Brevo view shows it on the contact's timeline (with
// the status it moved from and to), live, without a reload. Screenshots go to test/artifacts.
import type { Browser, Page } from 'playwright-core';
import { startSandboxApp, type SandboxApp } from '../../sandbox/app/start-app';
import { DEMO_RELEASE } from '../../sandbox/demo';
import { collectPageProblems, launchChromium, screenshot } from './browser';
import { assertUiBuilt } from './ui-fixture';

let browser: Browser;
let app: SandboxApp;
/** the pages a test opened, each with the problems it reported */
let opened: { page: Page; problems: string[] }[] = [];

beforeAll(async () => {
  assertUiBuilt();
  browser = await launchChromium();
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
  await browser.close();
  await app.close();
});

afterEach(async () => {
  await Promise.all(opened.map(({ page }) => page.close()));
  opened = [];
});

async function newPage(): Promise<Page> {
  const page = await browser.newPage({ viewport: { width: 1400, height: 900 } });
  opened.push({ page, problems: collectPageProblems(page) });
  return page;
}

function tour() {
  const { tour } = app;
  if (!tour?.brevoContact) throw new Error('the demo was not seeded with a Brevo contact');
  return { ...tour, brevoContact: tour.brevoContact };
}

/** The timeline entry of a status change of `issueKey` from `from` to `to` (the page refreshes itself). */
function statusChange(page: Page, issueKey: string, from: string, to: string) {
  return page
    .getByTestId('brevo-event')
    .filter({ has: page.getByTestId('brevo-event-name').getByText('jira_issue_status_changed') })
    .filter({ has: page.getByTestId('brevo-event-issue').getByText(issueKey) })
    .filter({ has: page.getByTestId('brevo-event-status-change').getByText(`${from} → ${to}`) });
}

it("shows a status change made in Jira on the reporter's Brevo timeline, live", async () => {
  const { issueKey, brevoContact } = tour();
  const page = await newPage();

  // In the Jira view, move the demo issue to In Progress.
  await page.goto(`${app.url}/jira/browse/${issueKey}`);
  await page.getByTestId('issue-summary').waitFor();
  await page.getByRole('button', { name: 'In Progress', exact: true }).click();
  await page.getByTestId('notice').getByText(`${issueKey} is now In Progress.`).waitFor();

  // Open Brevo, then the contact: the status change is on top of its timeline.
  await page.getByRole('navigation', { name: 'Sandbox' }).getByRole('link', { name: 'Brevo' }).click();
  await page.getByRole('heading', { name: 'Brevo', exact: true }).waitFor();
  const contactRow = page.getByTestId('brevo-contact-row').filter({ hasText: brevoContact });
  await contactRow.waitFor({ timeout: 20_000 });
  await screenshot(page, 'sandbox-brevo', { fullPage: false });
  await contactRow.getByRole('link', { name: brevoContact }).click();
  await page.getByTestId('brevo-contact').getByText(brevoContact).waitFor();
  const inProgress = statusChange(page, issueKey, 'To Do', 'In Progress');
  await inProgress.waitFor({ timeout: 20_000 });
  // Newest first among the issue events (the daily team-capacity event, on the lead's contact, may land at any time).
  const issueEvents = page
    .getByTestId('brevo-event')
    .filter({ has: page.getByTestId('brevo-event-name').getByText(/^jira_issue_/) });
  await expect(issueEvents.first().textContent()).resolves.toContain('jira_issue_status_changed');
  await screenshot(page, 'sandbox-brevo-timeline', { fullPage: false });

  // With the timeline open, a second transition in another tab appears on it without a reload.
  const jira = await newPage();
  await jira.goto(`${app.url}/jira/browse/${issueKey}`);
  await jira.getByRole('button', { name: 'Done', exact: true }).click();
  await jira.getByTestId('notice').getByText(`${issueKey} is now Done.`).waitFor();
  await statusChange(page, issueKey, 'In Progress', 'Done').waitFor({ timeout: 20_000 });

  // The admin page lists the demo's Brevo account beside the TeamSupport instance.
  await page.goto(`${app.url}/admin`);
  const admin = page.frameLocator('iframe.admin-frame');
  await admin.getByText('Acme Support').first().waitFor();
  await admin.getByText('Acme CRM').first().waitFor();

  // The event log counts the app's requests to Brevo.
  await page.goto(`${app.url}/events`);
  await page
    .getByTestId('counter-row')
    .filter({ hasText: 'Brevo API (api.brevo.com)' })
    .waitFor({ timeout: 20_000 });
  expect(opened.flatMap(({ problems }) => problems)).toEqual([]);
});

it("releases version 2.1 in the console: ticket #5 hears the fix shipped, and so does the customer's Brevo timeline", async () => {
  const { brevoContact, ticketNumber, issueKey } = tour();
  const page = await newPage();

  // The demo's version 2.1 fixes SUP-1 (ticket #5) and SUP-2 (ticket #7); release it from the Releases section.
  await page.goto(`${app.url}/jira#releases`);
  const version = page.locator('tr[data-testid^="version-"]').filter({ hasText: DEMO_RELEASE });
  await version.getByRole('button', { name: 'Release', exact: true }).click();
  await page
    .locator('tr[data-testid^="version-"]')
    .filter({ hasText: DEMO_RELEASE })
    .getByText('Released', { exact: true })
    .waitFor();

  // The linked ticket gets one action saying so, visible to the customer on the portal (the demo's option).
  await page.goto(`${app.url}/teamsupport/tickets/${ticketNumber}`);
  const note = page.getByTestId('action').filter({ hasText: `Fixed in ${DEMO_RELEASE}` });
  await note.first().waitFor({ timeout: 20_000 });
  expect(await note.count()).toBe(1);
  await expect(note.first().textContent()).resolves.toContain(issueKey);
  await screenshot(page, 'sandbox-release-ticket', { fullPage: false });

  // The reporter's Brevo contact gets one jira_version_released event naming her issues.
  await page.goto(`${app.url}/brevo`);
  await page
    .getByTestId('brevo-contact-row')
    .filter({ hasText: brevoContact })
    .getByRole('link', { name: brevoContact })
    .click();
  const released = page
    .getByTestId('brevo-event')
    .filter({ has: page.getByTestId('brevo-event-name').getByText('jira_version_released') });
  await released.first().waitFor({ timeout: 20_000 });
  expect(await released.count()).toBe(1);
  await screenshot(page, 'sandbox-release-timeline', { fullPage: false });

  // Unreleasing and releasing again writes nothing new.
  await page.goto(`${app.url}/jira#releases`);
  const row = page.locator('tr[data-testid^="version-"]').filter({ hasText: DEMO_RELEASE });
  await row.getByRole('button', { name: 'Unrelease', exact: true }).click();
  await page
    .locator('tr[data-testid^="version-"]')
    .filter({ hasText: DEMO_RELEASE })
    .getByRole('button', { name: 'Release', exact: true })
    .click();
  await page
    .locator('tr[data-testid^="version-"]')
    .filter({ hasText: DEMO_RELEASE })
    .getByText('Released', { exact: true })
    .waitFor();
  await page.goto(`${app.url}/teamsupport/tickets/${ticketNumber}`);
  await page.getByTestId('action').first().waitFor();
  expect(
    await page
      .getByTestId('action')
      .filter({ hasText: `Fixed in ${DEMO_RELEASE}` })
      .count(),
  ).toBe(1);
  expect(opened.flatMap(({ problems }) => problems)).toEqual([]);
});
