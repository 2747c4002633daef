// The Custom UI apps against the real backend: the app's own resolvers hosted by the sandbox, with the Jira and
// TeamSupport emulators behind them (test/integration/world.ts). A smoke test of the contract end to end; the UI's
// states and errors are covered against the UI fixture app (issue-panel.test.ts, admin-page.test.ts).
import type { Browser, Page } from 'playwright-core';
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

  await page.getByLabel('Ticket number').fill(`#${other.ticketNumber}`);
  await page.getByRole('button', { name: 'Link ticket', exact: true }).click();
  await page.getByTestId(`ticket-${other.ticketNumber}`).getByText('Refund button does nothing').waitFor();
  await screenshot(page, 'real-issue-panel');

  await page.getByRole('button', { name: `Unlink ticket #${linked.ticketNumber}` }).click();
  await page.getByRole('dialog').getByRole('button', { name: 'Unlink', exact: true }).click();
  await page.getByTestId(`ticket-${linked.ticketNumber}`).waitFor({ state: 'detached' });
  const links = await world.run(() => world.store.links.listByIssue(issue.id));
  expect(links.map((link) => link.ticketNumber)).toEqual([String(other.ticketNumber)]);
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
