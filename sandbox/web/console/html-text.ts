// Ticket and action descriptions are HTML. The console shows them as text (a real parser, not a regex), one line per
// block, so that what the app wrote is visible exactly, with no markup of anyone's able to run in the page.
import { parseFragment } from 'parse5';
import type { DefaultTreeAdapterMap } from 'parse5';

type Node = DefaultTreeAdapterMap['childNode'] | DefaultTreeAdapterMap['documentFragment'];

const BLOCKS = new Set([
  'p',
  'div',
  'li',
  'tr',
  'h1',
  'h2',
  'h3',
  'h4',
  'h5',
  'h6',
  'pre',
  'blockquote',
  'table',
]);

function collect(node: Node): string {
  if (node.nodeName === '#text' && 'value' in node) return node.value;
  if (node.nodeName === 'br') return '\n';
  const inner = 'childNodes' in node ? node.childNodes.map(collect).join('') : '';
  return BLOCKS.has(node.nodeName) ? `${inner}\n` : inner;
}

export function htmlToText(source: string): string {
  return collect(parseFragment(source))
    .replace(/\n{3,}/g, '\n\n')
    .trim();
}
