// The admin page's Brevo accounts in Chromium, against the UI fixture app (whose saveInstance validates Brevo accounts
// with the real src/domain/config rules): add an account, fix what the backend refuses, test it, create the missing
// attributes, map a project to a list picked by name. And, against the real backend in the sandbox with the Jira and
// Brevo emulators, an account's status and a "Send the last N days" run that fails and is resumed.
import type { Browser, Locator, Page } from 'playwright-core';
import { z } from 'zod';
import { DEFAULT_ACCOUNT } from '../../sandbox/brevo';
import { startUiServer } from '../../sandbox/web/ui-server';
import { createWorld, users, type World } from '../integration/world';
import { collectPageProblems, launchChromium, screenshot, watchEgress, type EgressReport } from './browser';
import { startUiEnvironment, type UiEnvironment } from './ui-fixture';

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
  page = await browser.newPage({ viewport: { width: 1280, height: 900 } });
  problems = collectPageProblems(page);
  egress = watchEgress(page);
});

afterEach(async () => {
  await page.close();
  await env.close();
  expect(egress).toEqual({ external: [], cspViolations: [], featureFlagNoise: [] });
});

const storedSchema = z.object({
  data: z.object({
    instances: z.array(
      z.looseObject({
        kind: z.string(),
        name: z.string(),
        hasApiKey: z.boolean().optional(),
        jql: z.string().optional(),
        projectLists: z.array(z.object({ projectKey: z.string(), listId: z.number() })).optional(),
      }),
    ),
  }),
});

async function storedAccounts() {
  const result = await env.sandbox.invokeResolver({
    moduleKey: 'sync-admin',
    functionKey: 'getSettings',
    accountId: 'alice',
  });
  return storedSchema.parse(result).data.instances.filter((instance) => instance.kind === 'brevo');
}

async function messageOf(control: Locator): Promise<string> {
  const id = await control.getAttribute('aria-describedby');
  if (!id) throw new Error('control has no aria-describedby');
  return (await page.locator(`[id="${id.split(' ')[0] ?? ''}"]`).textContent()) ?? '';
}

async function pick(label: string, value: string): Promise<void> {
  await page.getByLabel(label, { exact: true }).fill(value);
  await page.keyboard.press('Enter');
}

it('adds a Brevo account, fixing what the backend refuses, then tests it and creates the missing attributes', async () => {
  await page.goto(`${env.server.url}/ui/admin/?as=alice`);
  await page.getByRole('button', { name: 'Add a Brevo account' }).click();
  await page.getByRole('heading', { name: 'Add a Brevo account' }).waitFor();

  // The defaults of a new account: the default mapping, issue activity on, the reporter as contact.
  await page.getByRole('group', { name: 'attribute mappings' }).getByText('LAST_TICKET_STATUS').waitFor();
  expect(await page.getByLabel('Status changed (jira_issue_status_changed)').isChecked()).toBe(true);
  expect(await page.getByLabel('Sprint closed (jira_sprint_closed)').isChecked()).toBe(false);
  expect(await page.getByLabel('Reporter').isChecked()).toBe(true);

  await page.getByLabel('Name', { exact: true }).fill('Support EU');
  await page.getByLabel('JQL filter').fill('project = NOPE');
  await page.getByRole('button', { name: 'Add project list' }).click();
  await pick('Jira project, row 1', 'SUP');
  await page.getByRole('button', { name: 'Save', exact: true }).click();

  const summary = page.getByTestId('error-summary');
  await summary.getByText(/Nothing was saved: fix \d problems/).waitFor();
  expect(await messageOf(page.getByLabel('Name', { exact: true }))).toContain('already named');
  expect(await messageOf(page.getByLabel('API key'))).toContain('Enter an API key');
  expect(await messageOf(page.getByLabel('JQL filter'))).toContain(
    "Jira refused the filter: The value 'NOPE'",
  );
  await page.locator('#instance-projectLists-0-listId-message').getByText('Choose a Brevo list').waitFor();
  await summary.getByRole('button', { name: 'JQL filter' }).waitFor();
  await screenshot(page, 'admin-brevo-validation');
  expect(await storedAccounts()).toEqual([]);

  await page.getByLabel('Name', { exact: true }).fill('Brevo Marketing');
  await page.getByLabel('API key').fill('xkeysib-fixture-key');
  await page.getByLabel('JQL filter').fill('labels = customer');
  await pick('Brevo list, row 1', '3');
  await page.getByRole('button', { name: 'Save', exact: true }).click();
  await page.getByRole('heading', { name: 'Brevo Marketing' }).waitFor();
  await page.locator('[data-flag-type="success"]').getByText('Brevo Marketing saved').waitFor();
  expect(await page.getByLabel('Replace API key').inputValue()).toBe('');
  // Saved, the list picker names the Brevo lists.
  await page.getByRole('group', { name: 'project lists' }).getByText('Jira SUP customers (#3)').waitFor();
  expect(await storedAccounts()).toEqual([
    expect.objectContaining({
      name: 'Brevo Marketing',
      hasApiKey: true,
      jql: 'labels = customer',
      projectLists: [{ projectKey: 'SUP', listId: 3 }],
    }),
  ]);

  // The test from the editor: five lines, the attributes missing.
  await page.getByRole('button', { name: 'Test connection' }).click();
  const dialog = page.getByRole('dialog', { name: 'Connection test: Brevo Marketing' });
  await dialog.getByText('1 check failed, 4 passed').waitFor();
  await dialog.getByText(/Missing in Brevo: JIRA_ACCOUNT_ID/).waitFor();
  await screenshot(page, 'admin-brevo-test-connection', { fullPage: false });
  await dialog.getByTestId('modal-dialog--footer').getByRole('button', { name: 'Close' }).click();

  const attributes = page.getByRole('region', { name: 'Attributes' });
  await attributes.getByText(/^Missing in Brevo: JIRA_ACCOUNT_ID, LAST_TICKET_KEY/).waitFor();
  await screenshot(page, 'admin-brevo-missing-attributes');
  await attributes.getByRole('button', { name: 'Create missing attributes' }).click();
  await page
    .locator('[data-flag-type="success"]')
    .getByText(/^Created JIRA_ACCOUNT_ID/)
    .waitFor();
  await attributes.getByText(/^Missing in Brevo/).waitFor({ state: 'detached' });
  expect(problems).toEqual([]);
});

it('lists a Brevo account with its kind, and deletes it after a confirmation', async () => {
  await page.goto(`${env.server.url}/ui/admin/?as=alice`);
  await page.getByRole('button', { name: 'Add a Brevo account' }).click();
  await page.getByLabel('Name', { exact: true }).fill('Brevo Marketing');
  await page.getByLabel('API key').fill('xkeysib-fixture-key');
  await page.getByRole('button', { name: 'Save', exact: true }).click();
  await page.getByRole('heading', { name: 'Brevo Marketing' }).waitFor();
  await page.getByRole('button', { name: 'All instances' }).click();

  const row = page.locator('[data-testid^="instance-brevo-"]');
  await row.getByText('Brevo', { exact: true }).waitFor();
  await row.getByText('api.brevo.com').waitFor();
  await page.getByTestId('instance-ts-eu').getByText('TeamSupport', { exact: true }).waitFor();
  await screenshot(page, 'admin-instances-with-brevo');

  await page.getByRole('button', { name: 'Delete Brevo Marketing' }).click();
  const dialog = page.getByRole('dialog', { name: 'Delete Brevo Marketing?' });
  await dialog.getByText('No more Jira events go to this Brevo account').waitFor();
  await dialog.getByRole('button', { name: 'Delete instance' }).click();
  await row.waitFor({ state: 'detached' });
  expect(await storedAccounts()).toEqual([]);
  expect(problems).toEqual([]);
});

describe('against the real backend', () => {
  let world: World;

  afterEach(async () => {
    expect(world.brevo.contractViolations()).toEqual([]);
    await world.close();
  });

  /** Saves the account with `active`, keeping its other settings (the key stays in the secret store). */
  async function setActive(accountId: string, active: boolean) {
    await world.run(async () => {
      const read = await world.store.config.read();
      const account = read.ok ? read.document.brevoAccounts.find((a) => a.id === accountId) : undefined;
      if (!account) throw new Error('account not found');
      const { createdAt: _created, updatedAt: _updated, ...settings } = account;
      await world.store.config.saveBrevoAccount({ ...settings, active });
    });
  }

  it("shows a Brevo account's status, and sends the last days again: a failed run is resumed", async () => {
    world = await createWorld({ brevo: { appAttributes: true } });
    const saved = await world.run(() =>
      world.store.config.saveBrevoAccount({
        kind: 'brevo',
        name: 'Acme CRM',
        apiKey: DEFAULT_ACCOUNT.apiKey,
        active: true,
        projects: ['SUP'],
      }),
    );
    if (!saved.ok) throw new Error(`Brevo account rejected: ${JSON.stringify(saved)}`);
    const accountId = saved.instance.id;
    // One issue reaches Brevo live; a second is made while the account is paused, so only a backfill sends it.
    world.createIssue('Invoice export fails');
    await world.sandbox.drain();
    await setActive(accountId, false);
    world.createIssue('Refund button does nothing');
    await world.sandbox.drain();
    await setActive(accountId, true);

    const server = await startUiServer({ sandbox: world.sandbox, siteUrl: world.jira.baseUrl });
    try {
      await page.goto(`${server.url}/ui/admin/?as=${users.alice.accountId}`);
      await page.getByRole('button', { name: 'Status of Acme CRM' }).click();
      const status = page.getByTestId('brevo-status');
      await status.getByText(/^Last synced (just now|\d+ (second|minute)s? ago)$/).waitFor();
      await status.getByText('2 issues tracked in 1 project').waitFor();
      await status.getByText('1 contact', { exact: true }).waitFor();
      await status.getByText('Last 24 h: 1 sent · 0 skipped · 0 failed').waitFor();
      await status.getByText(/^Brevo rate limit: [\d,]+ of [\d,]+ left$/).waitFor();
      await page.getByText('No run yet for this account.').waitFor();

      // The days are checked before anything is sent.
      await page.getByLabel('Number of days', { exact: true }).fill('91');
      await page.getByRole('button', { name: 'Send events' }).click();
      await page.getByText('Enter a whole number of days from 1 to 90.').waitFor();
      await screenshot(page, 'admin-brevo-status');

      // Brevo refuses the key once: the run fails with Brevo's reason, and Resume finishes it.
      world.brevo.failNext(1, {
        status: 401,
        body: '{"code":"unauthorized","message":"Key not found"}',
        method: 'POST',
        pathIncludes: '/v3/events',
      });
      await page.getByLabel('Number of days', { exact: true }).fill('7');
      await page.getByRole('button', { name: 'Send events' }).click();
      const run = page.getByTestId('brevo-backfill-run');
      await run.getByText('Sending… 0 issues done, 0 events sent').waitFor();
      await world.sandbox.drain();
      await run.getByText(/^Stopped after 1 issue, 0 events sent$/).waitFor();
      await run.getByText(/^Last error: .*Brevo rejected the API key of Brevo account "Acme CRM"/).waitFor();
      await screenshot(page, 'admin-brevo-backfill-failed');

      await run.getByRole('button', { name: 'Resume' }).click();
      await run.getByText(/^Sending…/).waitFor();
      await world.sandbox.drain();
      await run.getByText('Done: 2 issues, 1 event sent, 1 skipped').waitFor();
      await run.getByRole('button', { name: 'Resume' }).waitFor({ state: 'detached' });
      // The finished run reads the status again: the backfilled event, and the failure the run logged.
      await status.getByText('Last 24 h: 2 sent · 0 skipped · 1 failed').waitFor();
      await status.getByText('1 contact', { exact: true }).waitFor();
      await screenshot(page, 'admin-brevo-backfill-done');
      expect(
        world.brevo
          .account()
          .timeline('alice@example.com')
          .filter((event) => event.name === 'jira_issue_created'),
      ).toHaveLength(2);
    } finally {
      await server.close();
    }
    expect(problems).toEqual([]);
  });
});
