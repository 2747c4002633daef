// The sandbox walkthrough has one source: the numbered steps between `<!-- walkthrough -->` and `<!-- /walkthrough -->`
// in README.md. The console's overview lists them (its links made relative, so they work on any port), and the browser
// test that takes the tour (test/e2e/sandbox-walkthrough.test.ts) performs each step by its number and its words, so
// the README, the overview and the test cannot drift apart. Only the inline Markdown the steps use is understood:
// `code`, **bold**, _italic_ and [links](url); anything else in the section is refused, so a typo fails the tests.
import { readFileSync } from 'node:fs';
import path from 'node:path';
import { escapeHtml, raw, type Html } from './html';

export const README_PATH = path.resolve(__dirname, '..', '..', '..', 'README.md');

/** Where the README's links point: the page `npm start` opens by default. */
export const README_SANDBOX_ORIGIN = 'http://127.0.0.1:4020';

const START = '<!-- walkthrough -->';
const END = '<!-- /walkthrough -->';

export interface WalkthroughStep {
  number: number;
  /** the step's Markdown on one line */
  markdown: string;
}

/** The numbered steps of the README's walkthrough section, in order; throws when the section is malformed. */
export function walkthroughSteps(readme: string): WalkthroughStep[] {
  const start = readme.indexOf(START);
  const end = readme.indexOf(END, start);
  if (start < 0 || end < 0) throw new Error(`README.md has no ${START} … ${END} section`);
  const steps: { number: number; lines: string[] }[] = [];
  for (const line of readme.slice(start + START.length, end).split('\n')) {
    if (line.trim() === '') continue;
    const item = /^(\d+)\. (.+)$/.exec(line);
    if (item?.[1] !== undefined && item[2] !== undefined) {
      steps.push({ number: Number(item[1]), lines: [item[2]] });
      continue;
    }
    const current = steps.at(-1);
    // A continuation line is indented under its step's text (Markdown's list-item continuation).
    if (!current || !/^ {3,}\S/.test(line))
      throw new Error(`README.md walkthrough: "${line.trim()}" is neither a numbered step nor part of one`);
    current.lines.push(line.trim());
  }
  steps.forEach((step, index) => {
    if (step.number !== index + 1)
      throw new Error(`README.md walkthrough: step ${step.number} comes where step ${index + 1} belongs`);
  });
  if (steps.length === 0) throw new Error('README.md walkthrough: no steps');
  return steps.map((step) => ({ number: step.number, markdown: step.lines.join(' ') }));
}

/** The README's walkthrough, or why it cannot be read (the overview says so instead of failing). */
export function readReadmeWalkthrough(
  file: string = README_PATH,
): { ok: true; steps: WalkthroughStep[] } | { ok: false; reason: string } {
  try {
    return { ok: true, steps: walkthroughSteps(readFileSync(file, 'utf8')) };
  } catch (error) {
    return { ok: false, reason: error instanceof Error ? error.message : String(error) };
  }
}

type Inline =
  | { kind: 'text' | 'code'; text: string }
  | { kind: 'strong' | 'em'; children: Inline[] }
  | { kind: 'link'; href: string; children: Inline[] };

// Code first, so nothing inside backticks is read as emphasis; `_` counts as emphasis only between word boundaries,
// as in CommonMark, so snake_case names outside code stay text.
const INLINE =
  /`([^`]+)`|\[([^\]]+)\]\(([^)\s]+)\)|\*\*(.+?)\*\*|(?<![\p{L}\p{N}_])_(.+?)_(?![\p{L}\p{N}_])/gu;

function parseInline(markdown: string): Inline[] {
  const parts: Inline[] = [];
  let last = 0;
  for (const match of markdown.matchAll(INLINE)) {
    if (match.index > last) parts.push({ kind: 'text', text: markdown.slice(last, match.index) });
    const [, code, linkText, href, strong, em] = match;
    if (code !== undefined) parts.push({ kind: 'code', text: code });
    else if (linkText !== undefined && href !== undefined)
      parts.push({ kind: 'link', href, children: parseInline(linkText) });
    else if (strong !== undefined) parts.push({ kind: 'strong', children: parseInline(strong) });
    else if (em !== undefined) parts.push({ kind: 'em', children: parseInline(em) });
    last = match.index + match[0].length;
  }
  if (last < markdown.length) parts.push({ kind: 'text', text: markdown.slice(last) });
  return parts;
}

function plain(parts: Inline[]): string {
  return parts.map((part) => ('text' in part ? part.text : plain(part.children))).join('');
}

/** What a reader sees of a step: its words without the Markdown, whitespace collapsed. */
export function stepText(markdown: string): string {
  return plain(parseInline(markdown)).replace(/\s+/g, ' ').trim();
}

/** The phrases a step sets in bold: the names of what to open, press or fill. */
export function boldPhrases(markdown: string): string[] {
  const found: string[] = [];
  const walk = (parts: Inline[]): void => {
    for (const part of parts) {
      if (part.kind === 'strong') found.push(plain(part.children).replace(/\s+/g, ' ').trim());
      if ('children' in part) walk(part.children);
    }
  };
  walk(parseInline(markdown));
  return found;
}

/** The links of a step: their text and where they point (README addresses, as written). */
export function stepLinks(markdown: string): { text: string; href: string }[] {
  const found: { text: string; href: string }[] = [];
  const walk = (parts: Inline[]): void => {
    for (const part of parts) {
      if (part.kind === 'link')
        found.push({ text: plain(part.children).replace(/\s+/g, ' ').trim(), href: part.href });
      if ('children' in part) walk(part.children);
    }
  };
  walk(parseInline(markdown));
  return found;
}

/** The sandbox page a README link opens (`/jira/browse/SUP-1`), or undefined for an address elsewhere. */
export function sandboxPath(href: string): string | undefined {
  const rest = href.startsWith(README_SANDBOX_ORIGIN) ? href.slice(README_SANDBOX_ORIGIN.length) : undefined;
  if (rest === undefined || !/^([/#?]|$)/.test(rest)) return undefined;
  return rest === '' || rest.startsWith('#') || rest.startsWith('?') ? `/${rest}` : rest;
}

/** A README link on the console: the sandbox's own pages relative (any port), other addresses in a new tab. */
function linkHtml(href: string, inner: string): string {
  const local = sandboxPath(href);
  if (local !== undefined) return `<a href="${escapeHtml(local)}">${inner}</a>`;
  return `<a href="${escapeHtml(href)}" target="_blank" rel="noreferrer">${inner}</a>`;
}

function toHtml(parts: Inline[]): string {
  return parts
    .map((part) => {
      switch (part.kind) {
        case 'text':
          return escapeHtml(part.text);
        case 'code':
          return `<code>${escapeHtml(part.text)}</code>`;
        case 'strong':
          return `<strong>${toHtml(part.children)}</strong>`;
        case 'em':
          return `<em>${toHtml(part.children)}</em>`;
        case 'link':
          return linkHtml(part.href, toHtml(part.children));
      }
    })
    .join('');
}

/** A step as the overview shows it; every piece of text is escaped. */
export function stepHtml(markdown: string): Html {
  return raw(toHtml(parseInline(markdown)));
}
