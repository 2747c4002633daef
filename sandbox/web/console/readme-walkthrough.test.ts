// The README's walkthrough is the one list of tour steps: it parses as numbered steps, the overview shows exactly
// those steps (links made relative to the sandbox), and a malformed section is refused rather than half-read.
import { readFileSync } from 'node:fs';
import { parseFragment, type DefaultTreeAdapterMap } from 'parse5';
import { overviewPage } from './overview-page';
import { raw } from './html';
import {
  boldPhrases,
  README_PATH,
  readReadmeWalkthrough,
  stepHtml,
  stepText,
  walkthroughSteps,
} from './readme-walkthrough';

type Node = DefaultTreeAdapterMap['childNode'] | DefaultTreeAdapterMap['documentFragment'];

/** The overview's tour list items: their text and the links in them. */
function tourItems(source: string): { value: string; text: string; links: string[] }[] {
  const items: { value: string; text: string; links: string[] }[] = [];
  const textOf = (node: Node): string =>
    node.nodeName === '#text' && 'value' in node
      ? node.value
      : 'childNodes' in node
        ? node.childNodes.map(textOf).join('')
        : '';
  const linksOf = (node: Node): string[] => [
    ...(node.nodeName === 'a' && 'attrs' in node
      ? node.attrs.filter((attr) => attr.name === 'href').map((attr) => attr.value)
      : []),
    ...('childNodes' in node ? node.childNodes.flatMap(linksOf) : []),
  ];
  const walk = (node: Node, inTour: boolean): void => {
    const isTour =
      'attrs' in node &&
      node.attrs.some((attr) => attr.name === 'data-testid' && attr.value === 'walkthrough');
    if (inTour && node.nodeName === 'li' && 'attrs' in node) {
      items.push({
        value: node.attrs.find((attr) => attr.name === 'value')?.value ?? '',
        text: textOf(node).replace(/\s+/g, ' ').trim(),
        links: linksOf(node),
      });
      return;
    }
    if ('childNodes' in node) for (const child of node.childNodes) walk(child, inTour || isTour);
  };
  walk(parseFragment(source), false);
  return items;
}

const TOUR = {
  issueKey: 'SUP-1',
  ticketNumber: 5,
  escalateTicketNumber: 9,
  correlationField: 'JiraIssueKey',
  brevoContact: 'alice@example.com',
};

function overview(walkthrough: ReturnType<typeof readReadmeWalkthrough>) {
  return overviewPage({
    tour: TOUR,
    jiraUrl: 'http://127.0.0.1:4021',
    teamSupportUrl: 'http://127.0.0.1:4022',
    brevoUrl: 'http://127.0.0.1:4023',
    functions: [],
    counters: raw(''),
    dataDir: '/tmp/data',
    walkthrough,
  }).value;
}

it("reads the README's numbered steps in order, each on one line", () => {
  const steps = walkthroughSteps(readFileSync(README_PATH, 'utf8'));
  expect(steps.map((step) => step.number)).toEqual(steps.map((_, index) => index + 1));
  expect(steps.length).toBeGreaterThanOrEqual(8);
  expect(stepText(steps[0]?.markdown ?? '')).toBe(
    'Open http://127.0.0.1:4020/. The Overview lists these same steps, with links.',
  );
  for (const step of steps) expect(step.markdown).not.toMatch(/\n|\s{2}/);
});

it('the overview lists exactly the README steps, with the same numbers and words, and links on any port', () => {
  const walkthrough = readReadmeWalkthrough();
  if (!walkthrough.ok) throw new Error(walkthrough.reason);
  const items = tourItems(overview(walkthrough));
  expect(items.map((item) => [Number(item.value), item.text])).toEqual(
    walkthrough.steps.map((step) => [step.number, stepText(step.markdown)]),
  );
  const links = items.flatMap((item) => item.links);
  expect(links).toContain('/jira/browse/SUP-1');
  expect(links).toContain('/');
  expect(links.filter((href) => href.startsWith('http://127.0.0.1:4020'))).toEqual([]);
});

it('renders the inline Markdown the steps use, escaping everything else', () => {
  const markdown =
    'Press **Save <b>now</b>** on [SUP-1](http://127.0.0.1:4020/jira/browse/SUP-1), see _To Do → Done_, ' +
    '`jira_issue_status_changed` and [the docs](https://example.com/a?b=1&c=2); snake_case stays.';
  expect(stepHtml(markdown).value).toBe(
    'Press <strong>Save &#60;b&#62;now&#60;/b&#62;</strong> on <a href="/jira/browse/SUP-1">SUP-1</a>, see ' +
      '<em>To Do → Done</em>, <code>jira_issue_status_changed</code> and ' +
      '<a href="https://example.com/a?b=1&#38;c=2" target="_blank" rel="noreferrer">the docs</a>; snake_case stays.',
  );
  expect(stepText(markdown)).toBe(
    'Press Save <b>now</b> on SUP-1, see To Do → Done, jira_issue_status_changed and the docs; snake_case stays.',
  );
  expect(boldPhrases('Open **Brevo**, then **[SUP-1](http://x)** and **Save   comment**')).toEqual([
    'Brevo',
    'SUP-1',
    'Save comment',
  ]);
});

it('refuses a walkthrough section that is missing, out of order or holds anything but steps', () => {
  const section = (body: string) => `# Title\n\n<!-- walkthrough -->\n\n${body}\n\n<!-- /walkthrough -->\n`;
  expect(() => walkthroughSteps('# No section')).toThrow(/no <!-- walkthrough -->/);
  expect(() => walkthroughSteps(section('1. One\n3. Three'))).toThrow(/step 3 comes where step 2 belongs/);
  expect(() => walkthroughSteps(section('1. One\nNot indented'))).toThrow(/"Not indented" is neither/);
  expect(() => walkthroughSteps(section(''))).toThrow(/no steps/);
  expect(walkthroughSteps(section('1. One\n   continued\n\n2. Two'))).toEqual([
    { number: 1, markdown: 'One continued' },
    { number: 2, markdown: 'Two' },
  ]);
  // The overview says why instead of failing.
  expect(overview({ ok: false, reason: 'README.md has no section' })).toContain(
    'The steps are in the README, which could not be read: README.md has no section',
  );
});
