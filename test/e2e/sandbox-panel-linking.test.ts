// Issue 20 in the `npm start` sandbox, as an agent meets it on the console's Jira issue page: a link made from the
// panel writes the ticket's correlation field and an unlink leaves a note and clears it; the link form finds a ticket
// by words of its subject; the unlink confirmation is a modal over the whole Jira page, not inside the panel's frame;
// and a ticket with two earlier actions that asks for a new issue brings them along, once.
import { mkdtempSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import path from 'node:path';
import type { Browser, Page } from 'playwright-core';
import { z } from 'zod';
import { startSandboxApp, type SandboxApp } from '../../sandbox/app/start-app';
import { collectPageProblems, launchChromium, screenshot } from './browser';
import { assertUiBuilt } from './ui-fixture';

const VIEWPORT = { width: 1400, height: 900 };

let browser: Browser;
let app: SandboxApp;
let page: Page;
let problems: string[];
let dataDir: string;

beforeAll(async () => {
  assertUiBuilt();
  browser = await launchChromium();
  dataDir = mkdtempSync(path.join(tmpdir(), 'sandbox-panel-linking-'));
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
  page = await browser.newPage({ viewport: VIEWPORT });
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

async function runPull(): Promise<void> {
  await page.getByRole('button', { name: 'Run the pull now' }).click();
  await page.getByTestId('notice').getByText('The scheduled pull ran.').waitFor({ timeout: 20_000 });
}

it('links from the panel by words of the subject, writing the correlation field; unlinks in a page-level modal, leaving a note', async () => {
  const { issueKey, correlationField } = tour();
  const ticket = app.ts.org().createTicket({
    name: 'Dashboard widgets flicker in Safari',
    ticketType: 'Bug',
    description: '<p>The charts redraw every second.</p>',
    creator: 'Jane Doe',
    customers: ['Globex Corporation'],
  });

  await page.goto(`${app.url}/jira/browse/${issueKey}`);
  const panel = page.frameLocator('#issue-panel');
  await panel.getByText(/\d+ linked tickets?/).waitFor();
  await panel.getByRole('button', { name: 'Link a ticket' }).click();
  await panel.getByLabel('Ticket number or subject').pressSequentially('safari flicker', { delay: 30 });
  const result = panel.getByTestId(`search-result-${ticket.ticketNumber}`);
  await result.getByText('Dashboard widgets flicker in Safari').waitFor({ timeout: 20_000 });
  await screenshot(page, 'sandbox-panel-search', { fullPage: false });
  await result.click();
  const row = panel.getByTestId(`ticket-${ticket.ticketNumber}`);
  await row.waitFor({ timeout: 20_000 });

  // The ticket shows the issue key in its correlation field, as a link made from the ticket side does.
  await page.goto(`${app.url}/teamsupport/tickets/${ticket.ticketNumber}`);
  expect(await page.locator(`#field-${correlationField}`).inputValue()).toBe(issueKey);
  await waitForText('[data-testid="action"]', `linked to Jira issue ${issueKey}`);

  // The confirmation covers the whole Jira page, with a backdrop, not the panel's frame.
  await page.goto(`${app.url}/jira/browse/${issueKey}`);
  await row.waitFor({ timeout: 20_000 });
  await panel.getByRole('button', { name: `Unlink ticket #${ticket.ticketNumber}` }).click();
  const dialog = page.getByRole('dialog');
  await dialog.waitFor();
  const modal = page.frameLocator('[data-sandbox-modal] iframe');
  await modal.getByRole('heading', { name: `Unlink ticket #${ticket.ticketNumber}?` }).waitFor();
  const backdrop = await page.locator('[data-sandbox-modal-backdrop]').boundingBox();
  expect(backdrop).toMatchObject({ x: 0, y: 0, ...VIEWPORT });
  const frame = await page.locator('#issue-panel').boundingBox();
  const box = await dialog.boundingBox();
  if (!frame || !box) throw new Error('the panel or the dialog is not shown');
  // Outside the panel's frame: it starts left of it (the panel sits at the right of the issue page).
  expect(box.x).toBeLessThan(frame.x);
  // The rest of the page, the panel included, is out of reach while it is open.
  expect(await page.locator('body > [inert] #issue-panel').count()).toBe(1);
  await screenshot(page, 'sandbox-unlink-modal', { fullPage: false });

  await modal.getByRole('button', { name: 'Unlink', exact: true }).click();
  await dialog.waitFor({ state: 'detached' });
  await row.waitFor({ state: 'detached' });
  expect(await page.locator('body > [inert]').count()).toBe(0);

  await page.goto(`${app.url}/teamsupport/tickets/${ticket.ticketNumber}`);
  await waitForText('[data-testid="action"]', `unlinked from Jira issue ${issueKey}`);
  expect(await page.locator(`#field-${correlationField}`).inputValue()).toBe('');
  expect(
    await page.locator('[data-testid="action"]').filter({ hasText: 'unlinked from Jira issue' }).count(),
  ).toBe(1);
  expect(problems).toEqual([]);
});

it('a ticket with two earlier actions asking for a NEW issue brings them along, oldest first, once', async () => {
  const { correlationField } = tour();
  const org = app.ts.org();
  const ticket = org.createTicket({
    name: 'Scheduled exports skip the last day of the month',
    ticketType: 'Bug',
    product: 'Widget',
    description: '<p>The export of 31 May is missing.</p>',
    creator: 'Jane Doe',
    customers: ['Initech'],
  });
  org.addAction(ticket.ticketId, {
    actionType: 'Comment',
    creator: 'Jane Doe',
    description: '<p>Earlier one: it happens in every month with 31 days.</p>',
  });
  org.addAction(ticket.ticketId, {
    actionType: 'Comment',
    creator: 'Jane Doe',
    description: '<p>Earlier two: February is fine.</p>',
  });

  await page.goto(`${app.url}/teamsupport/tickets/${ticket.ticketNumber}`);
  const field = page.locator(`#field-${correlationField}`);
  await field.fill('NEW');
  await page
    .getByRole('button', { name: /^Save / })
    .first()
    .click();
  await page.getByTestId('notice').getByText(`${correlationField} saved.`).waitFor();
  // One pull makes the issue, the next brings the ticket's history to it (the ticket changed when it was linked).
  await runPull();
  await runPull();
  const newKey = await field.inputValue();
  expect(newKey).toMatch(/^[A-Z]+-\d+$/);

  await page.getByRole('link', { name: `open ${newKey}` }).click();
  await waitForText('[data-testid="comment"]', 'Earlier two: February is fine.');
  const comments = page.locator('[data-testid="comment"]');
  await waitForText('[data-testid="comment"]', 'Earlier one: it happens in every month with 31 days.');
  // Written in the order they were made on the ticket (the page may list the newest first).
  const issue = z.object({ id: z.string() }).parse(app.jira.admin.issue(newKey));
  const written = app.jira.admin.comments(issue.id).map((comment) => JSON.stringify(comment));
  expect(written.findIndex((text) => text.includes('Earlier one'))).toBeLessThan(
    written.findIndex((text) => text.includes('Earlier two')),
  );
  await screenshot(page, 'sandbox-escalated-history', { fullPage: false });

  // Another pull copies nothing again.
  await runPull();
  await page.reload();
  await waitForText('[data-testid="comment"]', 'Earlier two: February is fine.');
  expect(await comments.filter({ hasText: 'Earlier one' }).count()).toBe(1);
  expect(await comments.filter({ hasText: 'Earlier two' }).count()).toBe(1);
  expect(problems).toEqual([]);
});
