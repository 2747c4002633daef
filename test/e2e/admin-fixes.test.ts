// What a Jira admin meets on the admin page (issue 20), against the real backend: the app's own resolvers hosted by the
// sandbox with the Jira and TeamSupport emulators behind them (test/integration/world.ts). A wrong token is one failed
// check and four not checked; an address the app may not call is one check in an admin's words; an error a Retry
// fixed leaves the errors report; the log names operations and comments in words.
import { kvs } from '@forge/kvs';
import type { Browser, Page } from 'playwright-core';
import { startUiServer, type UiServer } from '../../sandbox/web/ui-server';
import { CONFIG_KEY } from '../../src/store';
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

afterEach(async () => {
  await page.close();
  await server.close();
  await world.close();
});

async function open(options: Parameters<typeof createWorld>[0] = {}): Promise<void> {
  world = await createWorld(options);
  server = await startUiServer({ sandbox: world.sandbox, siteUrl: world.jira.baseUrl });
  page = await browser.newPage({ viewport: { width: 1280, height: 900 } });
  problems = collectPageProblems(page);
}

async function adminPage(): Promise<void> {
  await page.goto(`${server.url}/ui/admin/?as=${users.alice.accountId}`);
}

it('counts a wrong token as one failed check, with the checks it stopped marked not checked', async () => {
  await open({ instance: { apiToken: '00000000-0000-4000-8000-000000000000' } });
  await adminPage();
  await page.getByRole('button', { name: 'Test connection of Acme Support' }).click();
  const dialog = page.getByRole('dialog');
  await dialog.getByText('1 check failed, 1 passed, 4 not checked').waitFor();
  expect(await dialog.getByRole('img', { name: 'Failed' }).count()).toBe(1);
  expect(await dialog.getByRole('img', { name: 'Passed' }).count()).toBe(1);
  expect(await dialog.getByRole('img', { name: 'Not checked' }).count()).toBe(4);
  await dialog.getByText(/rejected the credentials/).waitFor();
  await screenshot(page, 'admin-test-connection-wrong-token', { fullPage: false });
  expect(problems).toEqual([]);
});

it('tells an admin which address to use when the saved one is outside what the app may call', async () => {
  await open();
  // Saved by an older build, which accepted any https host.
  const read = await world.run(() => world.store.config.read());
  if (!read.ok) throw new Error('no configuration');
  const instances = read.document.instances.map((instance) => ({
    ...instance,
    baseUrl: 'https://support.example.com',
  }));
  await world.run(() => kvs.set(CONFIG_KEY, { ...read.document, instances }));
  world.ts.clearRequests();

  await adminPage();
  await page.getByRole('button', { name: 'Test connection of Acme Support' }).click();
  const dialog = page.getByRole('dialog');
  await dialog.getByText('1 check failed, 5 not checked').waitFor();
  const checks = dialog.getByTestId('connection-checks').getByRole('listitem');
  await checks
    .nth(0)
    .getByText(
      'This address is not one the app may call: use your TeamSupport address, https://<name>.teamsupport.com.',
    )
    .waitFor();
  await checks.nth(0).getByRole('img', { name: 'Failed' }).waitFor();
  const text = (await dialog.textContent()) ?? '';
  expect(text).not.toMatch(/manifest|permissions\.external|answered as a TeamSupport API/);
  expect(world.ts.requests()).toEqual([]);
  await screenshot(page, 'admin-test-connection-address', { fullPage: false });
  expect(problems).toEqual([]);
});

it('takes an error out of the errors report once its Retry went through, and says what happened in words', async () => {
  await open();
  const issue = world.createIssue('Checkout fails for EU cards');
  const ticket = world.createTicket({ name: 'Card declined at checkout' });
  await world.link(issue, ticket);
  await world.sandbox.drain();
  world.ts.failNext(1, { method: 'POST', pathIncludes: '/actions', status: 400, body: 'Refused' });
  world.jira.admin.addComment(users.alice.accountId, issue.id, { body: 'Any news from the bank?' });
  await world.sandbox.drain();

  await adminPage();
  await page.getByRole('tab', { name: 'Sync errors' }).click();
  const rows = page.locator('[data-testid^="sync-event-"]');
  const entry = rows.filter({ hasText: 'Jira comment → ticket action' });
  await entry.waitFor();
  expect(await rows.count()).toBe(1);
  await entry.getByRole('button', { name: /^Retry/ }).click();
  await entry.getByText('Retried').waitFor();
  await world.sandbox.drain();

  await page.getByRole('button', { name: 'Refresh' }).click();
  await page.getByText('No sync errors').waitFor();
  expect(await rows.count()).toBe(0);
  await screenshot(page, 'admin-sync-errors-resolved', { fullPage: false });

  // The log keeps the error, resolved, and names the comment by its date and author.
  await page.getByRole('tab', { name: 'Sync log' }).click();
  await rows.filter({ hasText: 'Resolved' }).waitFor();
  await rows
    .filter({
      hasText: new RegExp(
        `Comment of \\d{1,2} [A-Z][a-z]{2} \\d\\d:\\d\\d \\S+ by Alice Admin added to ticket #${ticket.ticketNumber}\\.`,
      ),
    })
    .first()
    .waitFor();
  expect(await page.getByText('comment-to-action', { exact: true }).count()).toBe(0);
  await screenshot(page, 'admin-sync-log-words', { fullPage: false });
  expect(problems).toEqual([]);
});
