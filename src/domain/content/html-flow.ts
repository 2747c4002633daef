// The core of the ticket HTML → ADF conversion: walks the parsed HTML and emits ADF blocks.
import { defaultTreeAdapter } from 'parse5';
import {
  headingOf,
  type AdfBlock,
  type AdfCodeBlock,
  type AdfListItem,
  type AdfMark,
  type AdfTableCell,
  type AdfTableRow,
  type HeadingLevel,
} from './adf';
import { fitCell, fitNested, listItem } from './adf-fit';
import { marksWithin, NO_MARKS, toAdfMarks, withLink, type MarkState } from './html-marks';
import { InlineBuffer } from './inline-buffer';
import {
  attribute,
  collectText,
  isDropped,
  isElement,
  styleOf,
  tagName,
  type HtmlElement,
  type HtmlNode,
} from './html-source';
import { safeWebHref } from './safe-url';
import {
  closesWordListMarker,
  isWordListMarker,
  opensWordListMarker,
  wordListRun,
  wordLists,
} from './word-lists';

// Walks parsed ticket HTML and writes ADF blocks. Inline content collects in a buffer until a block
// element (or the end) closes the paragraph; each block element becomes the ADF block it means, fitted
// to what its container may hold. Unknown elements are transparent: their content is kept, their tag
// is not.

export interface FlowContext {
  readonly marks: MarkState;
  readonly depth: number;
}

export const ROOT_CONTEXT: FlowContext = { marks: NO_MARKS, depth: 0 };

/** Deeper than this, an element's content is kept as plain text: bounds recursion and ADF nesting. */
const MAX_DEPTH = 48;

/** Elements that start and end a paragraph but have no ADF block of their own. */
const PARAGRAPH_TAGS = new Set([
  'p',
  'div',
  'li',
  'dl',
  'dt',
  'dd',
  'section',
  'article',
  'header',
  'footer',
  'main',
  'nav',
  'aside',
  'address',
  'figure',
  'figcaption',
  'details',
  'summary',
  'fieldset',
  'legend',
  'form',
  'center',
  'body',
  'html',
]);

const HEADING_LEVELS: Record<string, HeadingLevel> = { h1: 1, h2: 2, h3: 3, h4: 4, h5: 5, h6: 6 };
const PRE_TAGS = new Set(['pre', 'xmp', 'listing', 'plaintext']);
const LIST_TAGS = new Set(['ul', 'ol', 'menu', 'dir']);
const TABLE_SECTIONS = new Set(['thead', 'tbody', 'tfoot']);

class Flow {
  readonly blocks: AdfBlock[] = [];
  readonly inline = new InlineBuffer();

  endParagraph(): void {
    const paragraph = this.inline.take();
    if (paragraph !== undefined) this.blocks.push(paragraph);
  }

  add(blocks: readonly AdfBlock[]): void {
    this.endParagraph();
    for (const block of blocks) this.blocks.push(block);
  }
}

function within(element: HtmlElement, context: FlowContext): FlowContext {
  return { marks: marksWithin(element, context.marks), depth: context.depth + 1 };
}

export function convertFlow(nodes: readonly HtmlNode[], context: FlowContext): AdfBlock[] {
  const flow = new Flow();
  walk(nodes, context, flow);
  flow.endParagraph();
  return flow.blocks;
}

function walk(nodes: readonly HtmlNode[], context: FlowContext, flow: Flow): void {
  let inWordMarker = false;
  let textMarks: AdfMark[] | undefined;
  for (let i = 0; i < nodes.length; i++) {
    const node = nodes[i];
    if (node === undefined) continue;
    if (defaultTreeAdapter.isCommentNode(node)) {
      if (opensWordListMarker(node.data)) inWordMarker = true;
      else if (closesWordListMarker(node.data)) inWordMarker = false;
    } else if (inWordMarker) {
      continue;
    } else if (defaultTreeAdapter.isTextNode(node)) {
      textMarks ??= toAdfMarks(context.marks);
      flow.inline.addText(node.value, textMarks);
    } else if (isElement(node)) {
      const run = wordListRun(nodes, i);
      if (run === undefined) {
        walkElement(node, context, flow);
      } else {
        flow.add(wordLists(run.entries, (item) => convertFlow(item.childNodes, within(item, context))));
        i = run.end - 1;
      }
    }
  }
}

function isHidden(element: HtmlElement): boolean {
  const style = styleOf(element);
  return style.get('display') === 'none' || style.get('visibility') === 'hidden' || isWordListMarker(element);
}

function walkElement(element: HtmlElement, context: FlowContext, flow: Flow): void {
  if (isDropped(element) || isHidden(element)) return;
  if (context.depth >= MAX_DEPTH) {
    flow.inline.addText(collectText([element]), toAdfMarks(context.marks));
    return;
  }
  const tag = tagName(element);
  const inner = within(element, context);
  const level = HEADING_LEVELS[tag];
  if (level !== undefined) flow.add(headings(level, convertFlow(element.childNodes, inner)));
  else if (tag === 'br') flow.inline.addBreak();
  else if (tag === 'img') addImage(element, context, flow);
  else if (tag === 'hr') flow.add([{ type: 'rule' }]);
  else if (PRE_TAGS.has(tag)) flow.add(codeBlock(element));
  else if (tag === 'blockquote') flow.add(blockquote(convertFlow(element.childNodes, inner)));
  else if (LIST_TAGS.has(tag)) flow.add(list(element, inner));
  else if (tag === 'table') flow.add(table(element, inner));
  else if (PARAGRAPH_TAGS.has(tag)) {
    flow.endParagraph();
    walk(element.childNodes, inner, flow);
    flow.endParagraph();
  } else {
    walk(element.childNodes, inner, flow);
  }
}

function headings(level: HeadingLevel, blocks: readonly AdfBlock[]): AdfBlock[] {
  return blocks.flatMap((block) => {
    if (block.type !== 'paragraph') return [block];
    return block.content === undefined ? [] : [headingOf(level, block.content)];
  });
}

function blockquote(blocks: readonly AdfBlock[]): AdfBlock[] {
  const [first, ...rest] = fitNested(blocks);
  return first === undefined ? [] : [{ type: 'blockquote', content: [first, ...rest] }];
}

function codeLanguage(element: HtmlElement): string | undefined {
  const code = element.childNodes.find((child) => isElement(child) && tagName(child) === 'code');
  const classes = [element, ...(code !== undefined && isElement(code) ? [code] : [])]
    .flatMap((e) => (attribute(e, 'class') ?? '').split(/\s+/))
    .map((name) => /^(?:language|lang)-([A-Za-z0-9#+._-]{1,40})$/.exec(name)?.[1]);
  return classes.find((language) => language !== undefined);
}

function codeBlock(element: HtmlElement): AdfBlock[] {
  const source = collectText(element.childNodes)
    .replace(/\r\n?/g, '\n')
    .replace(/\u00a0/g, ' ')
    .replace(/\n+$/, '');
  if (source.trim() === '') return [];
  const language = codeLanguage(element);
  const content: AdfCodeBlock['content'] = [{ type: 'text', text: source }];
  return [
    language === undefined
      ? { type: 'codeBlock', content }
      : { type: 'codeBlock', attrs: { language }, content },
  ];
}

function listStart(element: HtmlElement): number | undefined {
  const raw = attribute(element, 'start')?.trim() ?? '';
  const start = /^\d{1,9}$/.test(raw) ? Number(raw) : undefined;
  return start === 1 ? undefined : start;
}

function list(element: HtmlElement, context: FlowContext): AdfBlock[] {
  const items: AdfListItem[] = [];
  let stray: HtmlNode[] = [];
  const closeStray = (): void => {
    const blocks = convertFlow(stray, context);
    if (blocks.length > 0) items.push(listItem(blocks));
    stray = [];
  };
  for (const child of element.childNodes) {
    const tag = isElement(child) && !isDropped(child) ? tagName(child) : '';
    if (tag === 'li' && isElement(child)) {
      closeStray();
      items.push(listItem(convertFlow(child.childNodes, within(child, context))));
    } else if (LIST_TAGS.has(tag)) {
      // <ul><li>a</li><ul>…</ul></ul>: a list written directly in a list belongs to the item before it.
      closeStray();
      const nested = fitNested(convertFlow([child], context));
      const last = items[items.length - 1];
      if (last !== undefined) for (const block of nested) last.content.push(block);
      else if (nested.length > 0) items.push(listItem(nested));
    } else {
      stray.push(child);
    }
  }
  closeStray();
  const [first, ...rest] = items;
  if (first === undefined) return [];
  if (tagName(element) !== 'ol') return [{ type: 'bulletList', content: [first, ...rest] }];
  const order = listStart(element);
  return [
    order === undefined
      ? { type: 'orderedList', content: [first, ...rest] }
      : { type: 'orderedList', attrs: { order }, content: [first, ...rest] },
  ];
}

function span(element: HtmlElement, name: string): number | undefined {
  const raw = attribute(element, name)?.trim() ?? '';
  const value = /^\d{1,4}$/.test(raw) ? Number(raw) : 1;
  return value > 1 ? Math.min(value, 1000) : undefined;
}

function tableCell(cell: HtmlElement, context: FlowContext): AdfTableCell {
  const colspan = span(cell, 'colspan');
  const rowspan = span(cell, 'rowspan');
  const attrs = {
    ...(colspan === undefined ? {} : { colspan }),
    ...(rowspan === undefined ? {} : { rowspan }),
  };
  return {
    type: tagName(cell) === 'th' ? 'tableHeader' : 'tableCell',
    ...(colspan === undefined && rowspan === undefined ? {} : { attrs }),
    content: fitCell(convertFlow(cell.childNodes, context)),
  };
}

function tableRow(row: HtmlElement, context: FlowContext): AdfTableRow | undefined {
  const cells = row.childNodes
    .filter(isElement)
    .filter((cell) => !isDropped(cell) && (tagName(cell) === 'td' || tagName(cell) === 'th'))
    .map((cell) => tableCell(cell, within(cell, context)));
  const [first, ...rest] = cells;
  return first === undefined ? undefined : { type: 'tableRow', content: [first, ...rest] };
}

function table(element: HtmlElement, context: FlowContext): AdfBlock[] {
  const captions: AdfBlock[] = [];
  const rows: AdfTableRow[] = [];
  for (const child of element.childNodes.filter(isElement)) {
    const tag = tagName(child);
    const rowElements =
      tag === 'tr' ? [child] : TABLE_SECTIONS.has(tag) ? child.childNodes.filter(isElement) : [];
    for (const rowElement of rowElements.filter((r) => tagName(r) === 'tr')) {
      const row = tableRow(rowElement, within(rowElement, context));
      if (row !== undefined) rows.push(row);
    }
    if (tag === 'caption') {
      for (const block of convertFlow(child.childNodes, within(child, context))) captions.push(block);
    }
  }
  const [first, ...rest] = rows;
  return first === undefined ? captions : [...captions, { type: 'table', content: [first, ...rest] }];
}

function fileName(href: string): string {
  const segment = new URL(href).pathname.split('/').pop() ?? '';
  try {
    return decodeURIComponent(segment).slice(0, 100);
  } catch {
    return segment.slice(0, 100);
  }
}

/** Images cannot travel (ADF media needs an upload), so they become a label, linked when the source is on the web. */
function addImage(element: HtmlElement, context: FlowContext, flow: Flow): void {
  // 1×1 images are e-mail tracking pixels, not content.
  if (
    ['0', '1'].includes(attribute(element, 'width') ?? '') ||
    ['0', '1'].includes(attribute(element, 'height') ?? '')
  ) {
    return;
  }
  const src = attribute(element, 'src');
  const href = src === undefined ? undefined : safeWebHref(src);
  const alt = (attribute(element, 'alt') ?? '').replace(/\s+/g, ' ').trim().slice(0, 200);
  const name = alt !== '' ? alt : href === undefined ? '' : fileName(href);
  const marks = href === undefined ? context.marks : withLink(context.marks, href);
  flow.inline.addText(name === '' ? '[image]' : `[image: ${name}]`, toAdfMarks(marks));
}
