// Rebuilds real lists from the drawn lists Microsoft Word and Outlook write into ticket HTML.
import { defaultTreeAdapter } from 'parse5';
import type { AdfBlock, AdfBulletList, AdfListItem, AdfOrderedList } from './adf';
import { listItem } from './adf-fit';
import { collectText, isElement, styleOf, tagName, type HtmlElement, type HtmlNode } from './html-source';

// Microsoft Word (and Outlook e-mail) writes a list as a run of <p style="mso-list:l0 level2 lfo1">
// paragraphs, each starting with its own bullet or number drawn in text between
// <![if !supportLists]> … <![endif]> (or in a span styled mso-list:Ignore). This turns such a run back
// into real nested lists; the drawn markers are skipped by the flow walker.

export interface WordListEntry {
  readonly element: HtmlElement;
  /** Word's list id (`l0`, `l1`…): adjacent paragraphs of different lists are different lists. */
  readonly list: string;
  readonly level: number;
  readonly ordered: boolean;
  readonly start?: number;
}

const MAX_LEVEL = 9;

export function opensWordListMarker(comment: string): boolean {
  return comment.trim().toLowerCase().startsWith('[if !supportlists]');
}

export function closesWordListMarker(comment: string): boolean {
  return comment.trim().toLowerCase().startsWith('[endif]');
}

export function isWordListMarker(element: HtmlElement): boolean {
  return styleOf(element).get('mso-list') === 'ignore';
}

/** The text of the drawn bullet or number of a Word list paragraph. */
function markerText(paragraph: HtmlElement): string {
  const marker: HtmlNode[] = [];
  let inMarker = false;
  for (const child of paragraph.childNodes) {
    if (defaultTreeAdapter.isCommentNode(child)) {
      if (opensWordListMarker(child.data)) inMarker = true;
      else if (closesWordListMarker(child.data)) inMarker = false;
    } else if (inMarker) {
      marker.push(child);
    }
  }
  const stack: HtmlNode[] = [...paragraph.childNodes];
  for (let node = stack.pop(); node !== undefined && marker.length === 0; node = stack.pop()) {
    if (!isElement(node)) continue;
    if (isWordListMarker(node)) marker.push(node);
    else for (const child of node.childNodes) stack.push(child);
  }
  return collectText(marker).replace(/[\s\u00a0]+/g, '');
}

export function wordListEntry(node: HtmlNode): WordListEntry | undefined {
  if (!isElement(node) || tagName(node) !== 'p') return undefined;
  const msoList = styleOf(node).get('mso-list') ?? '';
  const level = /level(\d+)/.exec(msoList)?.[1];
  if (level === undefined) return undefined;
  const marker = markerText(node);
  const ordered = /^[0-9a-z]{1,6}[.)]$/i.test(marker);
  const start = /^\d+/.exec(marker)?.[0];
  return {
    element: node,
    list: /\bl\d+\b/.exec(msoList)?.[0] ?? '',
    level: Math.min(MAX_LEVEL, Math.max(1, Number(level))),
    ordered,
    ...(ordered && start !== undefined ? { start: Number(start) } : {}),
  };
}

function isBlankText(node: HtmlNode): boolean {
  return (
    (defaultTreeAdapter.isTextNode(node) && node.value.trim() === '') ||
    defaultTreeAdapter.isCommentNode(node)
  );
}

/** The Word list paragraphs starting at `start` (blank text between them allowed), and where they end. */
export function wordListRun(
  nodes: readonly HtmlNode[],
  start: number,
): { entries: WordListEntry[]; end: number } | undefined {
  const entries: WordListEntry[] = [];
  let end = start;
  for (let i = start; i < nodes.length; i++) {
    const node = nodes[i];
    if (node === undefined) break;
    const entry = wordListEntry(node);
    if (entry !== undefined) {
      entries.push(entry);
      end = i + 1;
    } else if (!isBlankText(node)) {
      break;
    }
  }
  return entries.length > 0 ? { entries, end } : undefined;
}

type ItemBlocks = (element: HtmlElement) => AdfBlock[];

function listOf(entry: WordListEntry, items: AdfListItem[]): AdfBulletList | AdfOrderedList | undefined {
  const [first, ...rest] = items;
  if (first === undefined) return undefined;
  if (!entry.ordered) return { type: 'bulletList', content: [first, ...rest] };
  return entry.start !== undefined && entry.start !== 1
    ? { type: 'orderedList', attrs: { order: entry.start }, content: [first, ...rest] }
    : { type: 'orderedList', content: [first, ...rest] };
}

function buildLevel(
  entries: readonly WordListEntry[],
  index: number,
  toBlocks: ItemBlocks,
): { list: AdfBulletList | AdfOrderedList | undefined; next: number } {
  const head = entries[index];
  if (head === undefined) return { list: undefined, next: index + 1 };
  const items: AdfListItem[] = [];
  let i = index;
  for (let entry = entries[i]; entry !== undefined && entry.level >= head.level; entry = entries[i]) {
    if (entry.level === head.level && (entry.list !== head.list || entry.ordered !== head.ordered)) break;
    if (entry.level === head.level) {
      items.push(listItem(toBlocks(entry.element)));
      i++;
      continue;
    }
    const nested = buildLevel(entries, i, toBlocks);
    const last = items[items.length - 1];
    if (nested.list !== undefined && last !== undefined) last.content.push(nested.list);
    else if (nested.list !== undefined) items.push(listItem([nested.list]));
    i = nested.next;
  }
  return { list: listOf(head, items), next: i };
}

export function wordLists(entries: readonly WordListEntry[], toBlocks: ItemBlocks): AdfBlock[] {
  const lists: AdfBlock[] = [];
  for (let index = 0; index < entries.length;) {
    const built = buildLevel(entries, index, toBlocks);
    if (built.list !== undefined) lists.push(built.list);
    index = built.next;
  }
  return lists;
}
