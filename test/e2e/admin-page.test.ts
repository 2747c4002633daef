// The admin page in Chromium, served by the sandbox UI server, against the UI fixture app's resolvers (whose
// saveInstance validates with the real src/domain/config rules).
import type { Browser, Locator, Page } from 'playwright-core';
import { z } from 'zod';
import { INSTANCES, syncLog } from '../fixtures/ui-app/src/data';
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
  // Every test: nothing leaves for another host, nothing breaks the Custom UI policy, Atlaskit's flag client is quiet.
  expect(egress).toEqual({ external: [], cspViolations: [], featureFlagNoise: [] });
});

async function openAdmin(as = 'alice'): Promise<void> {
  await page.goto(`${env.server.url}/ui/admin/?as=${as}`);
}

async function storedInstances(): Promise<{ name: string; baseUrl: string; hasToken: boolean }[]> {
  const result = await env.sandbox.invokeResolver({
    moduleKey: 'sync-admin',
    functionKey: 'getSettings',
    accountId: 'alice',
  });
  return z
    .object({
      data: z.object({
        instances: z.array(z.object({ name: z.string(), baseUrl: z.string(), hasToken: z.boolean() })),
      }),
    })
    .parse(result).data.instances;
}

/** The message shown under a control (linked by aria-describedby). */
async function messageOf(control: Locator): Promise<string> {
  const id = await control.getAttribute('aria-describedby');
  if (!id) throw new Error('control has no aria-describedby');
  return (await page.locator(`[id="${id.split(' ')[0] ?? ''}"]`).textContent()) ?? '';
}

/** Waits until the control with this id has focus (page-side code goes as text: no DOM library in this project). */
async function focusReaches(id: string): Promise<void> {
  await page.waitForFunction(`document.activeElement?.id === ${JSON.stringify(id)}`);
}

async function pick(label: string | RegExp, value: string): Promise<void> {
  const input = page.getByLabel(label, { exact: typeof label === 'string' });
  await input.fill(value);
  await page.keyboard.press('Enter');
}

it('lists the instances with host, sync state and token state', async () => {
  await openAdmin();
  const eu = page.getByTestId('instance-ts-eu');
  await eu.getByText('Support EU').waitFor();
  await eu.getByText('app.na2.teamsupport.com').waitFor();
  await eu.getByText('Active').waitFor();
  await eu.getByText('Set', { exact: true }).waitFor();
  await eu.getByText('TeamSupport requests in the last 24 h: 1,234 of 5,000').waitFor();
  const us = page.getByTestId('instance-ts-us');
  await us.getByText('Off').waitFor();
  await us.getByText('Not set').waitFor();
  await screenshot(page, 'admin-instances');
  expect(problems).toEqual([]);
});

it('shows the backend validation messages next to their fields, saves nothing, then saves once fixed', async () => {
  await openAdmin();
  await page.getByRole('button', { name: 'Add instance' }).click();
  await page.getByRole('heading', { name: 'Add a TeamSupport instance' }).waitFor();

  await page.getByLabel('Name', { exact: true }).fill('Support APAC');
  await page.getByLabel('Server address').fill('http://apac.teamsupport.com');
  await page.getByLabel('Organization ID').fill('12ab');
  const dailyLimit = page.getByLabel("TeamSupport requests a day (your organization's limit)");
  await dailyLimit.fill('50');
  await page.getByRole('button', { name: 'Add field mapping' }).click();
  await pick('TeamSupport field, row 1', 'Severity');
  await page.getByRole('button', { name: 'Save', exact: true }).click();

  const summary = page.getByTestId('error-summary');
  await summary.getByText(/Nothing was saved: fix \d problems/).waitFor();
  await page.waitForFunction(`document.activeElement?.getAttribute('data-testid') === 'error-summary'`);
  const baseUrl = page.getByLabel('Server address');
  expect(await messageOf(baseUrl)).toContain('Use https://');
  expect(await baseUrl.getAttribute('aria-invalid')).toBe('true');
  expect(await messageOf(page.getByLabel('Organization ID'))).toContain('digits only');
  expect(await messageOf(page.getByLabel('API token'))).toContain('Enter the API token');
  expect(await messageOf(dailyLimit)).toContain('TeamSupport requests a day must be a whole number from 100');
  // A row cell: fieldMappings.0.jiraField.
  await page
    .locator('#instance-fieldMappings-0-jiraField-message')
    .getByText('Enter the Jira field')
    .waitFor();
  await screenshot(page, 'admin-editor-validation');
  expect((await storedInstances()).map((instance) => instance.name)).toEqual(['Support EU', 'Support US']);

  // The summary links move focus to the field.
  await summary.getByRole('button', { name: 'Organization ID' }).click();
  await focusReaches('instance-organizationId');

  await baseUrl.fill('https://apac.teamsupport.com/api/json/');
  expect(await messageOf(baseUrl)).not.toContain('Use https://');
  await page.getByLabel('Organization ID').fill('7788990');
  await page.getByLabel('API token').fill('secret-token');
  await dailyLimit.fill('20,000');
  await pick('Jira field, row 1', 'Severity');
  await page.getByRole('button', { name: 'Save', exact: true }).click();

  await page.getByRole('heading', { name: 'Support APAC' }).waitFor();
  await page.locator('[data-flag-type="success"]').getByText('Support APAC saved').waitFor();
  expect(await summary.count()).toBe(0);
  const stored = (await storedInstances()).find((instance) => instance.name === 'Support APAC');
  expect(stored).toEqual({ name: 'Support APAC', baseUrl: 'https://apac.teamsupport.com', hasToken: true });
  // Write-only: the token field is empty again and the state reads "Set".
  expect(await page.getByLabel('Replace token').inputValue()).toBe('');
  await screenshot(page, 'admin-editor-saved');
  expect(problems).toEqual([]);
});

it('edits an existing instance with pickers filled from getMappingOptions', async () => {
  await openAdmin();
  await page.getByRole('button', { name: 'Edit Support EU' }).click();
  await page.getByRole('heading', { name: 'Support EU' }).waitFor();
  // Stored field id customfield_10050 shows as its Jira name.
  await page.locator('#instance-fieldMappings-0-jiraField').waitFor({ state: 'attached' });
  await page.getByRole('group', { name: 'field mappings' }).getByText('Severity').first().waitFor();
  await page.getByLabel('Ticket types that sync: chosen').click();
  await page.getByRole('option', { name: 'Incident' }).waitFor();
  await page.keyboard.press('Escape');
  await screenshot(page, 'admin-editor');
  expect(problems).toEqual([]);
});

it('says under Sync behaviour that restricted Jira projects send the app no changes', async () => {
  await openAdmin();
  await page.getByRole('button', { name: 'Edit Support EU' }).click();
  const sync = page.getByRole('region', { name: 'Sync behaviour' });
  await sync.getByText('Restricted Jira projects do not send changes').waitFor();
  await sync.getByText(/only in projects that its default user group can browse/).waitFor();
  expect(await sync.getByRole('link', { name: /Forge product events/ }).getAttribute('href')).toBe(
    'https://developer.atlassian.com/platform/forge/events-reference/product_events/',
  );
  expect(problems).toEqual([]);
});

it('tests the connection and counts failed, passed and not checked apart, each with its own icon', async () => {
  await openAdmin();
  await page.getByRole('button', { name: 'Test connection of Support US' }).click();
  const dialog = page.getByRole('dialog', { name: 'Connection test: Support US' });
  // A check that did not run is not a failure (issue 20).
  await dialog.getByText('1 check failed, 1 passed, 1 not checked').waitFor();
  const checks = dialog.getByTestId('connection-checks').getByRole('listitem');
  expect(await checks.count()).toBe(3);
  await checks.nth(0).getByRole('img', { name: 'Passed' }).waitFor();
  await checks.nth(1).getByRole('img', { name: 'Failed' }).waitFor();
  await checks.nth(1).getByText('No API token is stored').waitFor();
  await checks.nth(2).getByRole('img', { name: 'Not checked' }).waitFor();
  expect(await dialog.getByRole('img', { name: 'Failed' }).count()).toBe(1);
  await screenshot(page, 'admin-test-connection', { fullPage: false });
});

it('deletes an instance after a confirmation that says how many links go with it', async () => {
  await openAdmin();
  await page.getByRole('button', { name: 'Delete Support EU' }).click();
  const dialog = page.getByRole('dialog', { name: 'Delete Support EU?' });
  await dialog.getByText('2 links between Jira issues and tickets will be removed').waitFor();
  await screenshot(page, 'admin-delete-confirmation', { fullPage: false });
  await dialog.getByRole('button', { name: 'Delete instance' }).click();
  await page.getByTestId('instance-ts-eu').waitFor({ state: 'detached' });
  expect((await storedInstances()).map((instance) => instance.name)).toEqual(['Support US']);
});

it('shows the sync log as one filterable, paged table', async () => {
  await openAdmin();
  await page.getByRole('tab', { name: 'Sync log' }).click();
  await page.getByTestId('sync-event-evt-000').waitFor();
  const rows = page.locator('[data-testid^="sync-event-"]');
  expect(await rows.count()).toBe(50);
  await page.getByText('Showing the newest 50 entries').waitFor();
  const first = page.getByTestId('sync-event-evt-000');
  // Operations in words, not their ids (issue 20).
  await first.getByText('Jira comment → ticket action').waitFor();
  expect(await page.getByText('comment-to-action', { exact: true }).count()).toBe(0);
  expect(await first.getByRole('link', { name: /SUP-1/ }).getAttribute('href')).toBe(
    'https://sandbox.atlassian.net/browse/SUP-1',
  );
  expect(await first.getByRole('link', { name: /#1234/ }).getAttribute('href')).toBe(
    'https://app.na2.teamsupport.com/?TicketNumber=1234',
  );
  await screenshot(page, 'admin-sync-log', { fullPage: false });

  await page.getByRole('button', { name: 'Load more' }).click();
  await page.getByText('Showing all 60 entries').waitFor();
  expect(await rows.count()).toBe(60);

  const warnings = syncLog().filter((event) => event.level === 'warn');
  await pick('Level', 'Warning');
  await page.getByText(`Showing all ${warnings.length} entries`).waitFor();
  expect(await page.locator('[data-testid^="sync-event-"]').getByText('Info', { exact: true }).count()).toBe(
    0,
  );

  const usWarnings = warnings.filter((event) => event.instanceId === 'ts-us');
  await pick('Instance', 'Support US');
  await page.getByText(`Showing all ${usWarnings.length} entries`).waitFor();
  const instanceCells = await page.locator('[data-testid^="sync-event-"] td:nth-child(3)').allTextContents();
  expect(new Set(instanceCells)).toEqual(new Set(['Support US']));
  expect(problems).toEqual([]);
});

it('shows the errors report and retries an open entry once', async () => {
  await openAdmin();
  await page.getByRole('tab', { name: 'Sync errors' }).click();
  const entry = page.getByTestId('sync-event-evt-000');
  await entry.waitFor();
  expect(await page.locator('[data-testid^="sync-event-"]').getByText('Info', { exact: true }).count()).toBe(
    0,
  );
  expect(await page.getByLabel('Level').count()).toBe(0);
  await screenshot(page, 'admin-sync-errors', { fullPage: false });

  await entry.getByRole('button', { name: /^Retry/ }).click();
  await entry.getByText('Retried').waitFor();
  await page.locator('[data-flag-type="success"]').getByText('Retry queued').waitFor();
  const log = z
    .array(z.object({ id: z.string(), status: z.string() }))
    .parse(await env.getFixture('fixture:sync-log'));
  expect(log.find((event) => event.id === 'evt-000')?.status).toBe('retried');
  expect(problems).toEqual([]);
});

it('keeps an error a later run fixed out of the errors report, and shows it resolved in the log', async () => {
  const entries = syncLog().map((event) =>
    event.id === 'evt-000'
      ? { ...event, status: 'resolved', statusChangedAt: new Date().toISOString() }
      : event,
  );
  await env.setFixture('fixture:sync-log', entries);
  await openAdmin();
  await page.getByRole('tab', { name: 'Sync errors' }).click();
  await page.getByTestId('sync-event-evt-007').waitFor();
  expect(await page.getByTestId('sync-event-evt-000').count()).toBe(0);

  await page.getByRole('tab', { name: 'Sync log' }).click();
  await page.getByTestId('sync-event-evt-000').getByText('Resolved').waitFor();
  expect(problems).toEqual([]);
});

it('drops the warning of an old address once the instance is renamed and its address corrected', async () => {
  // Saved by an older build, before the address rule: its lists cannot be read.
  const beta = {
    ...INSTANCES[0],
    id: 'ts-beta',
    name: 'Beta',
    baseUrl: 'https://beta.example.com',
    correlationField: undefined,
  };
  await env.setFixture('fixture:instances', [...INSTANCES, beta]);
  await openAdmin();
  await page.getByRole('button', { name: 'Edit Beta' }).click();
  const warning = page.getByText(/The lists of Beta could not be read: .*beta\.example\.com/);
  await warning.waitFor();

  await page.getByLabel('Name', { exact: true }).fill('Gamma');
  await page.getByLabel('Server address').fill('https://gamma.teamsupport.com');
  // A changed address needs the token again.
  await page.getByLabel('Replace token').fill('gamma-token-1234');
  await page.getByRole('button', { name: 'Save', exact: true }).click();
  await page.getByRole('heading', { name: 'Gamma' }).waitFor();
  await warning.waitFor({ state: 'detached' });
  expect(await page.getByText('TeamSupport values could not be loaded').count()).toBe(0);
  expect(problems).toEqual([]);
});

it('gives each section its own heading and keeps Save in view on a long page', async () => {
  await openAdmin();
  await page.getByRole('button', { name: 'Edit Support EU' }).click();
  const form = page.getByRole('form', { name: 'Instance settings' });
  // The correlation field has a section of its own, not a row under the status mappings.
  const correlation = form.getByRole('region', { name: 'Correlation field' });
  await correlation.getByLabel('Correlation field').waitFor({ state: 'attached' });
  expect(await form.getByRole('region', { name: 'Mappings' }).getByLabel('Correlation field').count()).toBe(
    0,
  );

  const save = page.getByRole('button', { name: 'Save', exact: true });
  const inView = async () => {
    const box = await save.boundingBox();
    return box !== null && box.y >= 0 && box.y + box.height <= 900;
  };
  expect(await inView()).toBe(true);
  const height = await page.evaluate('document.documentElement.scrollHeight');
  expect(height).toBeGreaterThan(1800);
  // The page's own list of sections takes the admin to any of them; Save stays in view wherever they are.
  await page
    .getByRole('navigation', { name: 'Sections of the settings' })
    .getByRole('button', { name: 'Releases' })
    .click();
  await page.waitForFunction('window.scrollY > 500');
  expect(await inView()).toBe(true);
  await screenshot(page, 'admin-editor-sections', { fullPage: false });
  await page.evaluate('window.scrollTo(0, 0)');
  expect(await inView()).toBe(true);
  expect(problems).toEqual([]);
});

it('tells a user who is not a Jira administrator that they cannot configure the app', async () => {
  await openAdmin('bob');
  await page.getByText('Only Jira administrators can configure Support Ticket Sync').waitFor();
  expect(await page.getByRole('tab').count()).toBe(0);
  await screenshot(page, 'admin-forbidden');
});
