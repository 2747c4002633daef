// The issue panel in Chromium, served by the sandbox UI server, against the UI fixture app's resolvers.
import type { Browser, Page } from 'playwright-core';
import { z } from 'zod';
import { collectPageProblems, launchChromium, screenshot, watchEgress, type EgressReport } from './browser';
import { startUiEnvironment, type UiEnvironment } from './ui-fixture';

const PANEL_WIDTH = 400;

let browser: Browser;
let env: UiEnvironment;
let page: Page;
let problems: string[];
let egress: EgressReport;

beforeAll(async () => {
  browser = await launchChromium();
});

afterAll(async () => {
  await browser.close();
});

beforeEach(async () => {
  env = await startUiEnvironment();
  page = await browser.newPage({ viewport: { width: PANEL_WIDTH, height: 720 } });
  problems = collectPageProblems(page);
  egress = watchEgress(page);
});

afterEach(async () => {
  await page.close();
  await env.close();
  // Every test: nothing leaves for another host, nothing breaks the Custom UI policy, Atlaskit's flag client is quiet.
  expect(egress).toEqual({ external: [], cspViolations: [], featureFlagNoise: [] });
});

async function openPanel(query = 'issue=10001&key=SUP-1&as=alice'): Promise<void> {
  await page.goto(`${env.server.url}/ui/issue-panel/?${query}`);
}

function row(ticketNumber: string) {
  return page.getByTestId(`ticket-${ticketNumber}`);
}

async function linkedTicketNumbers(): Promise<string[]> {
  const result = await env.sandbox.invokeResolver({
    moduleKey: 'linked-tickets-panel',
    functionKey: 'getLinkedTickets',
    accountId: 'alice',
    extension: { issue: { id: '10001', key: 'SUP-1' } },
  });
  const { data } = z
    .object({ data: z.object({ tickets: z.array(z.object({ ticketNumber: z.string() })) }) })
    .parse(result);
  return data.tickets.map((ticket) => ticket.ticketNumber).sort();
}

it('lists the linked tickets with status, details, sync time and sync problems', async () => {
  await openPanel();
  const open = row('1234');
  await open.waitFor();
  await expectText(open, '#1234');
  await expectText(open, 'Checkout fails with "card declined" for EU customers');
  await expectText(open, 'Bug · High · Acme GmbH, Globex');
  await expectText(open, 'Open');
  await expectText(open, /Synced .+ ago/);
  expect(await open.getByRole('link', { name: /#1234/ }).getAttribute('href')).toBe(
    'https://app.na2.teamsupport.com/?TicketNumber=1234',
  );
  expect(await open.getByRole('link', { name: /#1234/ }).getAttribute('target')).toBe('_blank');

  const closed = row('1301');
  await expectText(closed, 'Closed');
  await closed.getByRole('button', { name: 'Sync problem with ticket #1301' }).click();
  await page.getByText('"Closed" is not a status of ticket type Problem').waitFor();
  await screenshot(page, 'issue-panel-light');
  expect(problems).toEqual([]);
});

it('follows the dark theme when the host asks for it', async () => {
  await openPanel('issue=10001&key=SUP-1&as=alice&theme=dark');
  await row('1234').waitFor();
  expect(await page.locator('html').getAttribute('data-color-mode')).toBe('dark');
  // Page-side code goes as text: this project type-checks without the DOM library.
  const surface = await page.evaluate(
    `getComputedStyle(document.documentElement).getPropertyValue('--ds-surface').trim()`,
  );
  // The dark palette's surface colour, from the token CSS the shim loaded.
  expect(surface).toBe('#1F1F21');
  await screenshot(page, 'issue-panel-dark');
  expect(problems).toEqual([]);
});

it('links a ticket by its number typed as "#1250", from the keyboard', async () => {
  await openPanel();
  await row('1234').waitFor();
  const toggle = page.getByRole('button', { name: 'Link a ticket' });
  await toggle.focus();
  await page.keyboard.press('Enter');
  const field = page.getByLabel('Ticket number or subject');
  await page.locator('#link-ticket-number:focus').waitFor();
  await page.keyboard.type('#1250');
  await page.keyboard.press('Enter');
  await row('1250').waitFor();
  await expectText(row('1250'), 'Invoice PDF shows the wrong VAT rate');
  await page.getByRole('status').filter({ hasText: 'Ticket #1250 linked.' }).waitFor({ state: 'attached' });
  // The form folds back into its button, which keeps the focus.
  await field.waitFor({ state: 'detached' });
  await page.locator('button:focus', { hasText: 'Link a ticket' }).waitFor();
  expect(await linkedTicketNumbers()).toEqual(['1234', '1250', '1301']);
  await screenshot(page, 'issue-panel-linked');
  expect(problems).toEqual([]);
});

it('shows TICKET_NOT_FOUND inline on the ticket number field, and nothing is linked', async () => {
  await openPanel();
  await row('1234').waitFor();
  await page.getByRole('button', { name: 'Link a ticket' }).click();
  const field = page.getByLabel('Ticket number or subject');
  await field.fill('9999');
  await page.getByRole('button', { name: 'Link ticket', exact: true }).click();
  const message = page.getByText('There is no ticket #9999. Check the number in TeamSupport and try again.');
  await message.waitFor();
  expect(await field.getAttribute('aria-invalid')).toBe('true');
  const describedBy = (await field.getAttribute('aria-describedby')) ?? '';
  expect(await page.locator(`[id="${describedBy}"]`).textContent()).toContain('There is no ticket #9999');
  expect(await linkedTicketNumbers()).toEqual(['1234', '1301']);
  await screenshot(page, 'issue-panel-ticket-not-found');

  // Typing again clears the message.
  await field.fill('1402');
  expect(await message.count()).toBe(0);
});

it.each([
  ['1234', 'Ticket #1234 is already linked to this issue.'],
  ['5000', 'TeamSupport could not be reached, so the ticket was not linked. Try again in a moment.'],
])('explains why ticket %s cannot be linked', async (ticket, text) => {
  await openPanel();
  await row('1234').waitFor();
  await page.getByRole('button', { name: 'Link a ticket' }).click();
  await page.getByLabel('Ticket number or subject').fill(ticket);
  await page.getByRole('button', { name: 'Link ticket', exact: true }).click();
  await page.getByText(text).waitFor();
});

it('unlinks only after confirmation, in a modal over the whole page (Forge bridge Modal)', async () => {
  await openPanel();
  await row('1234').waitFor();
  await page.getByRole('button', { name: 'Unlink ticket #1234' }).click();
  // The host's modal: a dialog with a backdrop covering the page, holding the panel's resource in its own frame.
  const dialog = page.getByRole('dialog');
  await dialog.waitFor();
  const modal = page.frameLocator('[data-sandbox-modal] iframe');
  await modal.getByRole('heading', { name: 'Unlink ticket #1234?' }).waitFor();
  await expectText(modal.locator('body'), 'stop syncing between SUP-1 and ticket #1234');
  const backdrop = await page.locator('[data-sandbox-modal-backdrop]').boundingBox();
  expect(backdrop).toMatchObject({ x: 0, y: 0, width: PANEL_WIDTH, height: 720 });
  await screenshot(page, 'issue-panel-unlink-confirmation', { fullPage: false });

  await modal.getByRole('button', { name: 'Cancel' }).click();
  await dialog.waitFor({ state: 'detached' });
  expect(await linkedTicketNumbers()).toEqual(['1234', '1301']);

  // Escape closes it too, without unlinking.
  await page.getByRole('button', { name: 'Unlink ticket #1234' }).click();
  await modal.getByRole('button', { name: 'Cancel' }).waitFor();
  await page.keyboard.press('Escape');
  await dialog.waitFor({ state: 'detached' });
  expect(await linkedTicketNumbers()).toEqual(['1234', '1301']);

  await page.getByRole('button', { name: 'Unlink ticket #1234' }).click();
  await modal.getByRole('button', { name: 'Unlink', exact: true }).click();
  await dialog.waitFor({ state: 'detached' });
  await row('1234').waitFor({ state: 'detached' });
  expect(await linkedTicketNumbers()).toEqual(['1301']);
  await expectText(page.locator('body'), '1 linked ticket');
  await page.getByRole('status').filter({ hasText: 'Ticket #1234 unlinked.' }).waitFor({ state: 'attached' });
  expect(problems).toEqual([]);
});

it('folds the link form into a button while tickets are listed, and names the unlink column', async () => {
  await openPanel();
  await row('1234').waitFor();
  expect(await page.getByLabel('Ticket number or subject').count()).toBe(0);
  await page.getByRole('columnheader', { name: 'Actions' }).waitFor({ state: 'attached' });
  await screenshot(page, 'issue-panel-folded-form');

  await page.getByRole('button', { name: 'Link a ticket' }).click();
  await page.getByLabel('Ticket number or subject').waitFor();
  await page.getByRole('button', { name: 'Cancel' }).click();
  await page.getByRole('button', { name: 'Link a ticket' }).waitFor();
  expect(await page.getByLabel('Ticket number or subject').count()).toBe(0);
});

it('finds a ticket by words of its subject as the agent types, and links the one picked', async () => {
  await openPanel();
  await row('1234').waitFor();
  await page.getByRole('button', { name: 'Link a ticket' }).click();
  await page.getByLabel('Ticket number or subject').pressSequentially('vat invoice', { delay: 30 });
  const result = page.getByTestId('search-result-1250');
  await result.waitFor();
  await expectText(result, 'Invoice PDF shows the wrong VAT rate');
  await expectText(result, 'Waiting on Engineering · Bug');
  await page.getByRole('status').filter({ hasText: '1 ticket found' }).waitFor();
  await screenshot(page, 'issue-panel-search');

  await result.click();
  await row('1250').waitFor();
  expect(await linkedTicketNumbers()).toEqual(['1234', '1250', '1301']);
  expect(problems).toEqual([]);
});

it('asks for a number or words when "abc" finds nothing, instead of looking up ticket #abc', async () => {
  await openPanel();
  await row('1234').waitFor();
  await page.getByRole('button', { name: 'Link a ticket' }).click();
  const field = page.getByLabel('Ticket number or subject');
  await field.fill('abc');
  await page.getByText('No ticket in Support EU matches "abc".').waitFor();
  await page.keyboard.press('Enter');
  await page.getByText('Enter a ticket number, like 1234, or words from its subject.').waitFor();
  expect(await field.getAttribute('aria-invalid')).toBe('true');
  expect(await page.getByText('There is no ticket #abc').count()).toBe(0);
  expect(await linkedTicketNumbers()).toEqual(['1234', '1301']);
});

it('explains how to link when the issue has no tickets', async () => {
  await openPanel('issue=10009&key=DEV-9&as=alice');
  await page.getByText('No linked tickets').waitFor();
  await page.getByText(/Link a TeamSupport ticket by its number or subject/).waitFor();
  // Nothing is listed: the form is open, ready to type into.
  await page.getByLabel('Ticket number or subject').waitFor();
  await screenshot(page, 'issue-panel-empty');
});

it('keeps showing the stored links with a notice when TeamSupport is unreachable', async () => {
  await env.setFixture('fixture:unreachable', true);
  await openPanel();
  await page.getByText('TeamSupport is unreachable').waitFor();
  await page.getByText('showing the links as last synced').waitFor();
  await row('1234').waitFor();
  await screenshot(page, 'issue-panel-unreachable');
});

it('offers an instance picker only when several instances are active', async () => {
  await openPanel();
  await row('1234').waitFor();
  expect(await page.getByLabel('TeamSupport instance').count()).toBe(0);

  const settings = z
    .object({ data: z.object({ instances: z.array(z.looseObject({ active: z.boolean() })) }) })
    .parse(
      await env.sandbox.invokeResolver({
        moduleKey: 'sync-admin',
        functionKey: 'getSettings',
        accountId: 'alice',
      }),
    );
  await env.setFixture(
    'fixture:instances',
    settings.data.instances.map((instance) => ({ ...instance, active: true })),
  );
  await page.reload();
  await page.getByRole('button', { name: 'Link a ticket' }).click();
  await page.getByLabel('TeamSupport instance').waitFor();
  await screenshot(page, 'issue-panel-instance-picker');
});

async function expectText(locator: ReturnType<Page['locator']>, text: string | RegExp): Promise<void> {
  await locator.getByText(text).first().waitFor();
}
