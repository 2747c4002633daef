// The README's walkthrough ("Five-minute tour", between <!-- walkthrough --> markers) taken in a browser exactly as
// written: every step is performed by its number, and every name it clicks, fills or looks for, and every address it
// opens, is first checked to be in that step's words (README.md is read through the same parser as the console's
// overview, sandbox/web/console/readme-walkthrough.ts). A README step without a matching action here, or an action
// whose words the README no longer says, fails — so the README, the overview and this walk cannot drift apart.
// Used by test/e2e/sandbox-walkthrough.test.ts (in `npm test`) and scripts/screenshots.ts (the README's pictures).
import type { Frame, FrameLocator, Locator, Page } from 'playwright-core';
import type { SandboxApp } from '../../sandbox/app/start-app';
import {
  boldPhrases,
  readReadmeWalkthrough,
  sandboxPath,
  stepLinks,
  stepText,
  type WalkthroughStep,
} from '../../sandbox/web/console/readme-walkthrough';

/** The pictures the README shows (docs/images/<name>.png), each taken at the point of the walk it shows. */
export const PICTURES = [
  'sandbox-overview',
  'sandbox-ticket',
  'hero',
  'issue-panel',
  'sandbox-brevo-timeline',
  'sandbox-jira-issue',
  'admin-page',
  'sandbox-event-log',
  'sandbox-dark-mode',
] as const;

export type PictureName = (typeof PICTURES)[number];

export interface WalkthroughHooks {
  /** before each step (the screenshot script sets its clocks here) */
  beforeStep?: (number: number) => Promise<void>;
  /** a picture of the page, or of one element of it */
  picture?: (name: PictureName, target: Page | Locator) => Promise<void>;
}

/** The README says something other than what the walk does: the message names the step and quotes it. */
export class ReadmeDrift extends Error {}

const WAIT = { timeout: 20_000 };

/** One README step, and the words the walk may use from it. */
export class ReadmeStep {
  readonly text: string;

  constructor(private readonly step: WalkthroughStep) {
    this.text = stepText(step.markdown);
  }

  get number(): number {
    return this.step.number;
  }

  private drift(what: string): ReadmeDrift {
    return new ReadmeDrift(`README step ${this.number} ${what}. It reads: "${this.text}"`);
  }

  /** `phrase`, as long as the step says it. */
  says(phrase: string): string {
    if (!this.text.includes(phrase)) throw this.drift(`does not say "${phrase}"`);
    return phrase;
  }

  /** `phrase`, as long as the step sets it in bold (the name of something to open, press or fill). */
  bold(phrase: string): string {
    if (!boldPhrases(this.step.markdown).includes(phrase)) throw this.drift(`has no **${phrase}**`);
    return phrase;
  }

  /** The sandbox path of the step's link `text`, e.g. "/jira/browse/SUP-1". */
  link(text: string): string {
    const link = stepLinks(this.step.markdown).find((candidate) => candidate.text === text);
    const local = link && sandboxPath(link.href);
    if (local === undefined) throw this.drift(`has no link "${text}" to a sandbox page`);
    return local;
  }
}

/** The README's walkthrough steps, read as the overview reads them. */
export function readmeSteps(): ReadmeStep[] {
  const read = readReadmeWalkthrough();
  if (!read.ok) throw new ReadmeDrift(read.reason);
  return read.steps.map((step) => new ReadmeStep(step));
}

function check(condition: boolean, message: string): void {
  if (!condition) throw new Error(message);
}

interface Walk {
  page: Page;
  app: SandboxApp;
  hooks: WalkthroughHooks;
  /** the key of the issue step 7 creates */
  escalatedKey?: string;
}

const picture = async (walk: Walk, name: PictureName, target: Page | Locator = walk.page): Promise<void> => {
  await walk.hooks.picture?.(name, target);
};

/** Opens a README address on this sandbox, whatever port it runs on. */
async function open(walk: Walk, path: string): Promise<void> {
  await walk.page.goto(`${walk.app.url}${path}`);
}

/** A console form post's confirmation (the console redirects back with a notice). */
async function notice(page: Page, text: string | RegExp): Promise<void> {
  await page.getByTestId('notice').getByText(text).waitFor(WAIT);
}

async function navigate(page: Page, name: string): Promise<void> {
  await page.getByRole('navigation', { name: 'Sandbox' }).getByRole('link', { name, exact: true }).click();
}

async function runPull(page: Page, step: ReadmeStep): Promise<void> {
  await page.getByRole('button', { name: step.bold('Run the pull now') }).click();
  await notice(page, 'The scheduled pull ran.');
}

function issuePanel(page: Page): FrameLocator {
  return page.frameLocator('#issue-panel');
}

/**
 * Waits for the issue page's panel to list ticket #5. Every visit and every form post reloads the page and the panel,
 * whose resolver call (which also marks the tickets hot) must be over before the walk moves on: a call cut short by
 * the next navigation would make the runs differ.
 */
async function panelShown(page: Page): Promise<void> {
  await issuePanel(page).getByTestId('ticket-5').waitFor(WAIT);
}

/** A contact's timeline entries named `event` (newest first, as the page lists them). */
function timelineEvents(page: Page, event: string): Locator {
  return page
    .getByTestId('brevo-event')
    .filter({ has: page.getByTestId('brevo-event-name').getByText(event, { exact: true }) });
}

async function openContact(page: Page, step: ReadmeStep, email: string): Promise<void> {
  await navigate(page, 'Brevo');
  await page
    .getByTestId('brevo-contact-row')
    .filter({ hasText: email })
    .getByRole('link', { name: step.says(email) })
    .click();
  await page.getByTestId('brevo-contact').getByText(email).waitFor();
}

/** The colour mode a frame's document is in (data-color-mode, set by the bridge's theming). */
async function colorModeOf(frame: Frame | Page): Promise<string | null> {
  return frame.locator('html').getAttribute('data-color-mode');
}

async function frameOf(page: Page, selector: string): Promise<Frame> {
  const handle = await page.locator(selector).elementHandle(WAIT);
  const frame = await handle?.contentFrame();
  if (!frame) throw new Error(`${selector} has no frame`);
  return frame;
}

/** Each README step, by number: what a reader does, with the words taken from the step. */
const STEPS: Record<number, (walk: Walk, step: ReadmeStep, all: ReadmeStep[]) => Promise<void>> = {
  1: async (walk, step, all) => {
    const { page } = walk;
    await open(walk, step.link('http://127.0.0.1:4020/'));
    await page
      .getByRole('navigation', { name: 'Sandbox' })
      .getByRole('link', { name: step.bold('Overview'), exact: true })
      .and(page.locator('[aria-current="page"]'))
      .waitFor();
    step.says('lists these same steps, with links');
    const items = page.getByTestId('walkthrough').locator(':scope > li');
    const shown = (await items.allInnerTexts()).map((text) => text.replace(/\s+/g, ' ').trim());
    check(
      JSON.stringify(shown) === JSON.stringify(all.map((each) => each.text)),
      `The overview's steps differ from the README's:\n${shown.join('\n')}`,
    );
    const numbers: (string | null)[] = [];
    for (let index = 0; index < all.length; index++)
      numbers.push(await items.nth(index).getAttribute('value'));
    check(
      JSON.stringify(numbers) === JSON.stringify(all.map((each) => String(each.number))),
      `The overview numbers its steps ${numbers.join(', ')}`,
    );
    await picture(walk, 'sandbox-overview');
  },

  2: async (walk, step) => {
    const { page } = walk;
    // The reader follows the step's link: on the overview, the same link in the same step.
    const href = step.link('SUP-1');
    await page.getByTestId('walkthrough').locator(`li[value="${step.number}"] a[href="${href}"]`).click();
    await page.getByTestId('issue-summary').getByText('SUP-1').waitFor();
    await page.getByRole('heading', { name: step.bold('Apps') }).waitFor();
    const row = issuePanel(page).getByTestId('ticket-5');
    await row.getByRole('link', { name: new RegExp(`^${step.bold('#5')}\\b`) }).waitFor(WAIT);
    await row.getByText(step.says('Customer cannot export large reports')).waitFor();
    await page
      .getByRole('heading', { name: step.bold('Web links') })
      .locator('..')
      .getByRole('link', { name: /Ticket #5/ })
      .waitFor();
    // The pulled actions: comments by the app, each marked app and internal.
    const pulled = page
      .getByTestId('comment')
      .filter({ has: page.getByText(step.bold('Support Ticket Sync'), { exact: true }) });
    await pulled.first().waitFor(WAIT);
    const badges = await pulled.first().locator('.badge').allInnerTexts();
    check(
      badges.includes(step.says('app')) && badges.includes(step.says('internal')),
      `A pulled comment is marked ${badges.join(', ')}`,
    );
    step.says('Jira Service Management internal notes');
  },

  3: async (walk, step) => {
    const { page } = walk;
    const text = 'We found the cause: the export buffer is capped at 2 GB.';
    await page.getByLabel(step.bold('Add a comment')).fill(text);
    await page.getByRole('button', { name: step.bold('Save comment') }).click();
    await notice(page, 'Comment added.');
    await panelShown(page);
    await open(walk, step.link('ticket #5'));
    const action = page.getByTestId('action').filter({ hasText: text });
    await action.waitFor(WAIT);
    await action.getByText(step.says('Comment added in Jira by Alice Admin on SUP-1')).waitFor();
    await picture(walk, 'sandbox-ticket');

    // A restricted comment stays in Jira, and the event log says why.
    await open(walk, step.link('SUP-1'));
    await panelShown(page);
    await page
      .getByLabel(step.bold('Add a comment'))
      .fill('Internal: the cap comes from the storage driver.');
    await page
      .getByLabel(step.bold('Restrict to'))
      .selectOption({ label: step.says('Role: Administrators') });
    await page.getByRole('button', { name: step.bold('Save comment') }).click();
    await notice(page, 'Comment added.');
    await panelShown(page);
    await navigate(page, step.bold('Event log'));
    await page
      .getByTestId('event')
      .filter({ hasText: /restricted to the role "Administrators"/ })
      .first()
      .waitFor(WAIT);
    await open(walk, '/teamsupport/tickets/5');
    const copies = await page.getByTestId('action').filter({ hasText: 'the storage driver' }).count();
    check(copies === 0, 'The restricted comment reached ticket #5');
  },

  4: async (walk, step) => {
    const { page } = walk;
    const text = 'The customer confirms: files of 1.9 GB export fine.';
    await open(walk, step.link('ticket #5'));
    await page.getByLabel(step.bold('Add an action')).fill(text);
    await page.getByLabel(step.bold('Agent')).selectOption({ label: step.says('Jane Doe') });
    await page.getByLabel(step.bold('Action type')).selectOption({ label: step.says('Comment') });
    await page.getByRole('button', { name: step.bold('Add action') }).click();
    await notice(page, 'Action added.');
    await runPull(page, step);
    await open(walk, step.link('SUP-1'));
    await page.getByTestId('comment').filter({ hasText: text }).waitFor(WAIT);
    await issuePanel(page).getByTestId('ticket-5').waitFor(WAIT);
    await picture(walk, 'hero');
    await picture(walk, 'issue-panel', page.locator('#issue-panel'));
  },

  5: async (walk, step) => {
    const { page } = walk;
    const alice = step.says('alice@example.com');
    step.says('On SUP-1');
    await page.getByRole('button', { name: step.bold('In Progress'), exact: true }).click();
    await notice(page, 'SUP-1 is now In Progress.');
    await panelShown(page);
    await navigate(page, step.bold('Brevo'));
    await page.getByRole('heading', { name: step.bold('Contacts') }).waitFor();
    const contact = page.getByTestId('brevo-contact-row').filter({ hasText: alice });
    await contact.getByText(step.says('LAST_TICKET_STATUS=In Progress')).waitFor(WAIT);
    await page.getByRole('heading', { name: step.bold('Lists') }).waitFor();
    for (const list of [step.says('Jira SUP customers'), step.says('Jira DEV customers')])
      await page.getByTestId('brevo-list-row').filter({ hasText: list }).getByText(alice).waitFor();
    await contact.getByRole('link', { name: step.bold(alice) }).click();
    await page.getByRole('heading', { name: step.bold('Timeline') }).waitFor();
    const change = timelineEvents(page, step.says('jira_issue_status_changed')).filter({
      has: page.getByTestId('brevo-event-status-change').getByText(step.says('To Do → In Progress')),
    });
    await change.getByTestId('brevo-event-issue').getByText('SUP-1').waitFor(WAIT);
    // Newer than the demo issues' creation: it comes first among the issue events.
    const issueEvents = page
      .getByTestId('brevo-event')
      .filter({ has: page.getByTestId('brevo-event-name').getByText(/^jira_issue_/) });
    const newest = await issueEvents.first().getByTestId('brevo-event-name').innerText();
    check(newest === 'jira_issue_status_changed', `The newest issue event is ${newest}`);
    const created = await timelineEvents(page, step.says('jira_issue_created')).count();
    check(created > 0, 'No jira_issue_created on the timeline');
    await change.getByText(step.bold('All properties')).waitFor();
    await picture(walk, 'sandbox-brevo-timeline');
  },

  6: async (walk, step) => {
    const { page } = walk;
    await open(walk, step.link('SUP-1'));
    await panelShown(page);
    await page.getByRole('button', { name: step.bold('Done'), exact: true }).click();
    await notice(page, 'SUP-1 is now Done.');
    await panelShown(page);
    step.says('Ticket #5');
    await open(walk, '/teamsupport/tickets/5');
    await page.getByTestId('ticket-status').getByText(step.bold('Closed')).waitFor(WAIT);
    await openContact(page, step, 'alice@example.com');
    await timelineEvents(page, 'jira_issue_status_changed')
      .filter({
        has: page.getByTestId('brevo-event-status-change').getByText(step.says('In Progress → Done')),
      })
      .waitFor(WAIT);
  },

  7: async (walk, step) => {
    const { page } = walk;
    await open(walk, step.link('ticket #9'));
    await page
      .getByTestId('ticket-name')
      .getByText(step.says('Reports time out for accounts with 10,000 users'))
      .waitFor();
    const field = page.getByLabel(step.bold('Jira Issue Key'), { exact: true });
    await field.fill(step.says('NEW'));
    await page.getByRole('button', { name: step.bold('Save Jira Issue Key') }).click();
    await notice(page, 'JiraIssueKey saved.');
    await runPull(page, step);
    const key = await field.inputValue();
    check(/^SUP-\d+$/.test(key), `The field holds "${key}", not a new issue's key`);
    // The demo data is fresh here (a new data folder), so the key is the one the README names.
    check(key === step.says('SUP-8'), `The new issue is ${key}, the README says SUP-8 on fresh demo data`);
    step.says('on fresh demo data');
    walk.escalatedKey = key;
    await page.getByRole('link', { name: step.bold(`open ${key}`) }).click();
    await page
      .getByTestId('issue-summary')
      .getByText('Reports time out for accounts with 10,000 users')
      .waitFor();
    step.says('with ticket #9 in its panel');
    await issuePanel(page).getByTestId('ticket-9').waitFor(WAIT);
    await picture(walk, 'sandbox-jira-issue');
  },

  8: async (walk, step) => {
    const { page } = walk;
    const version = step.bold('2.1');
    const versionRow = () =>
      page
        .locator('tr[data-testid^="version-"]')
        .filter({ has: page.getByRole('cell', { name: version, exact: true }) });
    await open(walk, step.link('Releases'));
    step.says('fixes SUP-1 and SUP-2');
    await versionRow()
      .getByRole('button', { name: step.bold('Release'), exact: true })
      .click();
    await notice(page, `${version} is released.`);
    const fixed = step.says('Fixed in 2.1 (released');
    const note = () => page.getByTestId('action').filter({ hasText: fixed });
    await open(walk, step.link('#5'));
    await note().first().waitFor(WAIT);
    const text = await note().first().innerText();
    check(
      text.includes(step.says('SUP-1 Export fails for files over 2 GB')),
      `Ticket #5's release note: ${text}`,
    );
    check(
      (await note().first().locator('.badge').allInnerTexts()).includes('on portal'),
      'The note is private',
    );
    step.says('visible on the portal');
    step.says('#7 gets the same for SUP-2');
    await open(walk, '/teamsupport/tickets/7');
    await note().filter({ hasText: 'SUP-2' }).first().waitFor(WAIT);

    await openContact(page, step, 'alice@example.com');
    const released = timelineEvents(page, step.says('jira_version_released'));
    await released.first().waitFor(WAIT);
    // Its issue_keys are among All properties (folded away, so read as text).
    const properties = (await released.first().textContent()) ?? '';
    check(properties.includes('SUP-1, SUP-2'), `jira_version_released: ${properties}`);

    // Unrelease and release again: nothing new on the ticket or the timeline.
    await open(walk, step.link('Releases'));
    await versionRow()
      .getByRole('button', { name: step.bold('Unrelease'), exact: true })
      .click();
    await notice(page, `${version} is unreleased.`);
    await versionRow()
      .getByRole('button', { name: step.bold('Release'), exact: true })
      .click();
    await notice(page, `${version} is released.`);
    step.says('nothing new arrives');

    // Close the sprint: SUP-1 is done, so its contact gets jira_sprint_closed.
    const sprint = step.says('SUP Sprint 12');
    await page
      .locator('tr[data-testid^="sprint-"]')
      .filter({ hasText: sprint })
      .getByRole('button', { name: step.bold('Close sprint') })
      .click();
    await notice(page, `${sprint} is closed.`);
    await openContact(page, step, 'alice@example.com');
    await timelineEvents(page, step.says('jira_sprint_closed')).first().waitFor(WAIT);
    check((await released.count()) === 1, 'A second jira_version_released arrived');
    await open(walk, '/teamsupport/tickets/5');
    await page.getByTestId('action').first().waitFor();
    check((await note().count()) === 1, 'Ticket #5 got a second release note');
  },

  9: async (walk, step) => {
    const { page } = walk;
    await navigate(page, step.bold('Admin page'));
    const admin = page.frameLocator('iframe.admin-frame');
    for (const name of [step.says('Acme Support'), step.says('Acme CRM')]) {
      const row = admin.getByRole('row').filter({ hasText: name });
      await row.first().waitFor(WAIT);
      await row
        .first()
        .getByRole('button', { name: new RegExp(`^${step.bold('Edit')}\\b`) })
        .waitFor();
      await row
        .first()
        .getByRole('button', { name: new RegExp(`^${step.bold('Test')}\\b`) })
        .waitFor();
    }
    await admin.getByRole('tab', { name: step.bold('Sync log') }).waitFor();
    await picture(walk, 'admin-page');
    await admin.getByRole('tab', { name: step.bold('Sync errors') }).click();
    step.says('ticket #4 names issue PROJ-7');
    await admin
      .getByText(/PROJ-7/)
      .first()
      .waitFor(WAIT);
  },

  10: async (walk, step) => {
    const { page } = walk;
    await navigate(page, step.bold('Event log'));
    await page.getByRole('heading', { name: 'Requests by target' }).waitFor();
    step.says('the requests per target');
    for (const target of [/TeamSupport API/, /Brevo API/, /Jira REST API/, /Forge storage/, /queues/])
      await page.getByTestId('counter-row').filter({ hasText: target }).first().waitFor(WAIT);
    await page
      .getByTestId('event')
      .filter({ hasText: /pull-tickets/ })
      .first()
      .waitFor();
    await picture(walk, 'sandbox-event-log');
  },

  11: async (walk, step) => {
    const { page } = walk;
    const toggle = page.getByRole('button', { name: step.bold('Dark mode') });
    await toggle.click();
    await page.locator('html[data-color-mode="dark"]').waitFor();
    step.says('the console, the issue panel and the admin page turn dark');
    await open(walk, '/jira/browse/SUP-1');
    const panel = await frameOf(page, '#issue-panel');
    await panel.locator('html[data-color-mode="dark"]').waitFor(WAIT);
    await issuePanel(page).getByTestId('ticket-5').waitFor(WAIT);
    await picture(walk, 'sandbox-dark-mode');
    await navigate(page, 'Admin page');
    const admin = await frameOf(page, 'iframe.admin-frame');
    await admin.locator('html[data-color-mode="dark"]').waitFor(WAIT);
    step.says('Press it again for light');
    await page.getByRole('button', { name: 'Dark mode' }).click();
    await page.locator('html[data-color-mode="light"]').waitFor();
    check(
      (await colorModeOf(await frameOf(page, 'iframe.admin-frame'))) !== 'dark',
      'The admin page stayed dark',
    );
  },
};

/** Fails unless the walk has exactly one action per README step: none missing, none for a step that is gone. */
export function assertWalkCovers(steps: readonly ReadmeStep[]): void {
  const unknown = Object.keys(STEPS)
    .map(Number)
    .filter((number) => !steps.some((step) => step.number === number));
  if (unknown.length > 0)
    throw new ReadmeDrift(`The walk takes step ${unknown.join(', ')}, which the README no longer has`);
  const missing = steps.find((step) => STEPS[step.number] === undefined);
  if (missing)
    throw new ReadmeDrift(`README step ${missing.number} is not taken by the walk: "${missing.text}"`);
}

/**
 * Takes every README step in order on a freshly seeded sandbox (`app`, on an empty data folder), in one page.
 * Answers the step numbers taken: all of the README's.
 */
export async function takeReadmeWalkthrough(
  page: Page,
  app: SandboxApp,
  hooks: WalkthroughHooks = {},
): Promise<number[]> {
  const steps = readmeSteps();
  assertWalkCovers(steps);
  const walk: Walk = { page, app, hooks };
  const taken: number[] = [];
  for (const step of steps) {
    const take = STEPS[step.number];
    if (!take) continue;
    await hooks.beforeStep?.(step.number);
    try {
      await take(walk, step, steps);
    } catch (error) {
      if (error instanceof ReadmeDrift) throw error;
      const reason = error instanceof Error ? error.message : String(error);
      throw new Error(`README step ${step.number} failed: ${reason}\nThe step reads: "${step.text}"`);
    }
    taken.push(step.number);
  }
  return taken;
}
