// The Custom UI apps against the real backend: the app's own resolvers hosted by the sandbox, with the Jira and
// TeamSupport emulators behind them (test/integration/world.ts). A smoke test of the contract end to end; the UI's
// states and errors are covered against the UI fixture app (issue-panel.test.ts, admin-page.test.ts).
import type { Browser, Locator, Page } from 'playwright-core';
import { startUiServer, type UiServer } from '../../sandbox/web/ui-server';
import { createWorld, users, type World } from '../integration/world';
import { collectPageProblems, launchChromium, screenshot } from './browser';
import { assertUiBuilt } from './ui-fixture';

let browser: Browser;
let world: World;
let server: UiServer;
let page: Page;
let problems: string[];

beforeAll(async () => {
  assertUiBuilt();
  browser = await launchChromium();
});

afterAll(async () => {
  await browser.close();
});

beforeEach(async () => {
  world = await createWorld();
  server = await startUiServer({ sandbox: world.sandbox, siteUrl: world.jira.baseUrl });
  page = await browser.newPage({ viewport: { width: 400, height: 720 } });
  problems = collectPageProblems(page);
});

afterEach(async () => {
  await page.close();
  await server.close();
  await world.close();
});

it('the issue panel lists a linked ticket, links another by number and unlinks one', async () => {
  const issue = world.createIssue('Checkout fails for EU cards');
  const linked = world.createTicket({ name: 'Card declined at checkout' });
  const other = world.createTicket({ name: 'Refund button does nothing' });
  await world.link(issue, linked);

  await page.goto(
    `${server.url}/ui/issue-panel/?issue=${issue.id}&key=${issue.key}&as=${users.alice.accountId}`,
  );
  await page.getByTestId(`ticket-${linked.ticketNumber}`).getByText('Card declined at checkout').waitFor();

  // Tickets are listed, so the link form is folded into its button.
  await page.getByRole('button', { name: 'Link a ticket' }).click();
  await page.getByLabel('Ticket number or subject').fill(`#${other.ticketNumber}`);
  await page.getByRole('button', { name: 'Link ticket', exact: true }).click();
  await page.getByTestId(`ticket-${other.ticketNumber}`).getByText('Refund button does nothing').waitFor();
  await screenshot(page, 'real-issue-panel');

  await page.getByRole('button', { name: `Unlink ticket #${linked.ticketNumber}` }).click();
  // The confirmation is a page-level modal (Forge bridge Modal) holding the panel's resource in its own frame.
  await page
    .frameLocator('[data-sandbox-modal] iframe')
    .getByRole('button', { name: 'Unlink', exact: true })
    .click();
  await page.getByTestId(`ticket-${linked.ticketNumber}`).waitFor({ state: 'detached' });
  const links = await world.run(() => world.store.links.listByIssue(issue.id));
  expect(links.map((link) => link.ticketNumber)).toEqual([String(other.ticketNumber)]);
  expect(problems).toEqual([]);
});

async function messageOf(control: Locator): Promise<string> {
  const id = await control.getAttribute('aria-describedby');
  return (await page.locator(`[id="${id?.split(' ')[0] ?? ''}"]`).textContent()) ?? '';
}

it('the admin page creates an instance after a validation error, tests the connection, and retries a failed item', async () => {
  await page.setViewportSize({ width: 1280, height: 900 });
  await page.goto(`${server.url}/ui/admin/?as=${users.alice.accountId}`);
  await page.getByRole('button', { name: 'Add instance' }).click();
  await page.getByRole('heading', { name: 'Add a TeamSupport instance' }).waitFor();
  await page.getByLabel('Name', { exact: true }).fill('Acme EU');
  await page.getByLabel('Server address').fill(world.ts.appUrl);
  await page.getByLabel('Organization ID').fill('11-00001');
  await page.getByRole('button', { name: 'Save', exact: true }).click();
  await page
    .getByTestId('error-summary')
    .getByText(/Nothing was saved/)
    .waitFor();
  expect(await messageOf(page.getByLabel('Organization ID'))).toContain('digits only');
  await screenshot(page, 'real-admin-validation', { fullPage: false });

  await page.getByLabel('Organization ID').fill(world.org.organizationId);
  await page.getByLabel('API token').fill(world.org.apiToken);
  await page.getByRole('button', { name: 'Save', exact: true }).click();
  await page.getByRole('heading', { name: 'Acme EU' }).waitFor();
  const views = await world.run(() => world.store.config.listInstanceViews());
  expect(views.ok && views.instances.map((i) => [i.name, i.hasToken])).toEqual([
    ['Acme Support', true],
    ['Acme EU', true],
  ]);
  await page
    .getByRole('button', { name: /Test connection/ })
    .first()
    .click();
  await page.getByRole('dialog').getByText('All checks passed').waitFor();
  await page.keyboard.press('Escape');

  // A ticket action that Jira refused (the app had lost its comment permission) shows in the errors report.
  const issue = world.createIssue('Checkout fails for EU cards');
  const ticket = world.createTicket({ name: 'Card declined at checkout' });
  await world.link(issue, ticket);
  world.org.addAction(ticket.ticketId, {
    actionType: 'Comment',
    creator: 'Jane Doe',
    description: '<p>Any news?</p>',
  });
  world.jira.admin.revoke('app', 'ADD_COMMENTS');
  await world.sandbox.runScheduledTrigger('pull-tickets');
  await world.sandbox.drain();
  world.jira.admin.restoreAppPermissions();

  await page.goto(`${server.url}/ui/admin/?as=${users.alice.accountId}`);
  await page.getByRole('tab', { name: 'Sync errors' }).click();
  const entry = page.locator('[data-testid^="sync-event-"]').filter({ hasText: 'could not be added' });
  await entry.waitFor();
  await screenshot(page, 'real-admin-sync-errors', { fullPage: false });
  await entry.getByRole('button', { name: /^Retry/ }).click();
  await entry.getByText('Retried').waitFor();
  await world.sandbox.drain();
  expect(world.jira.admin.comments(issue.id)).toHaveLength(1);
  expect(problems).toEqual([]);
});

it('the admin page shows the configured instance and its connection test', async () => {
  await page.setViewportSize({ width: 1280, height: 900 });
  await page.goto(`${server.url}/ui/admin/?as=${users.alice.accountId}`);
  await page.getByTestId(`instance-${world.instanceId}`).getByText('Acme Support').waitFor();
  await page.getByRole('button', { name: 'Test connection of Acme Support' }).click();
  await page.getByRole('dialog').getByText('All checks passed').waitFor();
  await screenshot(page, 'real-admin-test-connection', { fullPage: false });
  expect(problems).toEqual([]);
});
