// Test helpers for the content conversions; not used by production code.
import { defaultTreeAdapter, parseFragment, serialize, type DefaultTreeAdapterMap } from 'parse5';

// Test support shared by this folder's tests (not used by production code): what must never appear in
// HTML written to a ticket.

type Element = DefaultTreeAdapterMap['element'];

const ALLOWED_ATTRIBUTES = new Set(['href', 'start', 'colspan', 'rowspan', 'class', 'style']);
const FORBIDDEN_ELEMENTS = new Set([
  'script',
  'iframe',
  'object',
  'embed',
  'style',
  'img',
  'svg',
  'math',
  'form',
  'base',
]);
const SAFE_STYLE = /^((color|background-color):#[0-9a-f]{6};?|border:1px solid #[0-9a-f]{6};padding:8px)+$/;

function elementsOf(html: string): Element[] {
  const found: Element[] = [];
  const stack: DefaultTreeAdapterMap['childNode'][] = [...parseFragment(html).childNodes];
  for (let node = stack.pop(); node !== undefined; node = stack.pop()) {
    if (!defaultTreeAdapter.isElementNode(node)) continue;
    found.push(node);
    for (const child of node.childNodes) stack.push(child);
  }
  return found;
}

/** Every way `html` breaks the output contract; empty when it is safe, canonical HTML. */
export function htmlSafetyIssues(html: string): string[] {
  const issues: string[] = [];
  for (const element of elementsOf(html)) {
    if (FORBIDDEN_ELEMENTS.has(element.tagName)) issues.push(`element <${element.tagName}>`);
    for (const { name, value } of element.attrs) {
      if (!ALLOWED_ATTRIBUTES.has(name)) issues.push(`attribute ${name}="${value}"`);
      if (name === 'href' && !/^(https?:\/\/|mailto:)/.test(value)) issues.push(`href ${value}`);
      if (name === 'style' && !SAFE_STYLE.test(value)) issues.push(`style ${value}`);
    }
  }
  // Parsing and serialising gives the same string back only if nothing had to be re-nested or re-escaped.
  const reserialised = serialize(parseFragment(html));
  if (reserialised !== html) issues.push(`not canonical: ${reserialised}`);
  return issues;
}
