// Splits a ticket action too long for one Jira comment into several comments Jira accepts, losing nothing
// (docs/jira-limits.md §1).
import {
  paragraph,
  type AdfBlock,
  type AdfBlockquote,
  type AdfBulletList,
  type AdfCellBlock,
  type AdfCodeBlock,
  type AdfDoc,
  type AdfHeading,
  type AdfInline,
  type AdfListItem,
  type AdfNestedBlock,
  type AdfOrderedList,
  type AdfParagraph,
  type AdfTable,
  type AdfTableCell,
  type AdfTableRow,
  type NonEmpty,
} from './adf';

// Splits one ADF document into several, each of which serialises (JSON.stringify) within a length limit, so that a
// long ticket action can become several Jira comments instead of one that Jira refuses. Jira caps a comment body at
// 32,767 characters of its stored ADF JSON (sandbox/jira/README.md, "Text limit").
//
// Parts break between top-level blocks where they can. A block longer than a whole part is cut inside: a paragraph or
// heading between inline nodes or inside a text node (at a space when one is near), a code block inside its text (at a
// line break when one is near), lists between items, quotes and items between their blocks, tables between rows and
// a row between cells. Nothing is dropped or rewritten: the text nodes of the parts, read in order, are the text nodes
// of the document, with the same marks. Where a container is cut, its second half keeps the container's kind and
// attributes; an ordered list continues its numbering; a list item or table cell that would otherwise start with
// something else gets an empty paragraph first, and a row cut between cells gets empty cells where the other half
// holds the content, so every part stays valid ADF.

/** Jira Cloud's limit for a comment body, a description or a paragraph field, in characters of the stored value. */
export const JIRA_TEXT_LIMIT = 32_767;

/**
 * Blocks to put at the top of part `part` (1-based) of `count`, e.g. `(continued, part 2 of 3)` for every part but
 * the first. Their length counts against the limit of that part.
 */
export type PartHeader = (part: number, count: number) => readonly AdfBlock[];

interface Taken<T> {
  head: T;
  tail: T | undefined;
}

const size = (node: unknown): number => JSON.stringify(node).length;

const EMPTY_DOC_LENGTH = size({ type: 'doc', version: 1, content: [] });

// Empty paragraphs and cells this module adds to keep a cut container valid. They carry no content, so a head made
// of nothing else is no progress.
const fillers = new WeakSet<object>();

function filler(): AdfParagraph {
  const made = paragraph();
  fillers.add(made);
  return made;
}

function fillerCell(like: AdfTableCell): AdfTableCell {
  const made: AdfTableCell = {
    type: like.type,
    ...(like.attrs !== undefined ? { attrs: like.attrs } : {}),
    content: [filler()],
  };
  fillers.add(made);
  return made;
}

function nonEmpty<T>(items: readonly T[]): NonEmpty<T> | undefined {
  const [first, ...rest] = items;
  return first === undefined ? undefined : [first, ...rest];
}

const WHITESPACE = /\s/;

/**
 * How many characters the code point at `index` takes inside a JSON string, and how many UTF-16 code units it has.
 * JSON.stringify writes `"` and `\` with a backslash, \b \f \n \r \t as two characters, other controls and lone
 * surrogates as \uXXXX (ECMA-262, JSON.stringify's QuoteJSONString), and everything else as it is.
 */
function escapedAt(value: string, index: number): { length: number; units: number } {
  const unit = value.charCodeAt(index);
  if (unit >= 0xd800 && unit <= 0xdbff) {
    const next = value.charCodeAt(index + 1);
    return next >= 0xdc00 && next <= 0xdfff ? { length: 2, units: 2 } : { length: 6, units: 1 };
  }
  if (unit >= 0xdc00 && unit <= 0xdfff) return { length: 6, units: 1 };
  if (unit === 0x22 || unit === 0x5c) return { length: 2, units: 1 };
  if (unit < 0x20) return { length: [8, 9, 10, 12, 13].includes(unit) ? 2 : 6, units: 1 };
  return { length: 1, units: 1 };
}

/**
 * The longest prefix of `value` whose escaped length is at most `room`, never cutting a surrogate pair; shortened to
 * end after the last preferred break (`breakAt`) when one lies in its second half. 0 when not one character fits.
 */
function cutPoint(value: string, room: number, breakAt: (char: string) => boolean): number {
  let used = 0;
  let cut = 0;
  while (cut < value.length) {
    const { length, units } = escapedAt(value, cut);
    if (used + length > room) break;
    used += length;
    cut += units;
  }
  if (cut === 0 || cut === value.length) return cut;
  for (let i = cut - 1; i >= Math.ceil(cut / 2); i--) {
    const char = value[i];
    if (char !== undefined && breakAt(char)) return i + 1;
  }
  return cut;
}

interface ChildrenTaken<C> {
  head: C[];
  tail: C[];
  /** the last child of `head` is the first part of the first child of `tail` */
  cutInside: boolean;
}

/**
 * Splits the children of a container whose serialisation with no children is `emptyLength`, so that the container
 * holding `head` takes at most `room`. Undefined when no content (only fillers, or nothing) would go to the head.
 */
function takeChildren<C extends object>(
  children: readonly C[],
  room: number,
  emptyLength: number,
  take: (child: C, room: number) => Taken<C> | undefined,
): ChildrenTaken<C> | undefined {
  const hasContent = (items: readonly C[]): boolean => items.some((item) => !fillers.has(item));
  const head: C[] = [];
  let used = emptyLength;
  for (let i = 0; i < children.length; i++) {
    const child = children[i];
    if (child === undefined) continue;
    const comma = head.length > 0 ? 1 : 0;
    const length = size(child);
    if (used + comma + length <= room) {
      head.push(child);
      used += comma + length;
      continue;
    }
    const rest = children.slice(i + 1);
    const part = take(child, room - used - comma);
    if (part !== undefined) {
      head.push(part.head);
      if (!hasContent(head)) return undefined;
      return {
        head,
        tail: part.tail === undefined ? rest : [part.tail, ...rest],
        cutInside: part.tail !== undefined,
      };
    }
    return hasContent(head) ? { head, tail: children.slice(i), cutInside: false } : undefined;
  }
  return { head, tail: [], cutInside: false };
}

/** Keeps a split only when the head really fits (a guard on the arithmetic above, which is exact). */
function fitting<T>(taken: Taken<T> | undefined, room: number): Taken<T> | undefined {
  return taken !== undefined && size(taken.head) <= room ? taken : undefined;
}

function takeInline(inline: AdfInline, room: number): Taken<AdfInline> | undefined {
  if (inline.type !== 'text') return undefined;
  const cut = cutPoint(inline.text, room - size({ ...inline, text: '' }), (char) => WHITESPACE.test(char));
  if (cut === 0) return undefined;
  return {
    head: { ...inline, text: inline.text.slice(0, cut) },
    tail: cut < inline.text.length ? { ...inline, text: inline.text.slice(cut) } : undefined,
  };
}

function takeInlineBlock<B extends AdfParagraph | AdfHeading>(block: B, room: number): Taken<B> | undefined {
  const split = takeChildren(block.content ?? [], room, size({ ...block, content: [] }), takeInline);
  if (split === undefined) return undefined;
  return fitting(
    {
      head: { ...block, content: split.head },
      tail: split.tail.length > 0 ? { ...block, content: split.tail } : undefined,
    },
    room,
  );
}

function takeCodeBlock(block: AdfCodeBlock, room: number): Taken<AdfCodeBlock> | undefined {
  const value = block.content?.[0]?.text ?? '';
  const emptyLength = size({ ...block, content: [{ type: 'text', text: '' }] });
  const cut = cutPoint(value, room - emptyLength, (char) => char === '\n');
  if (cut === 0) return undefined;
  const withText = (text: string): AdfCodeBlock => ({ ...block, content: [{ type: 'text', text }] });
  return fitting(
    {
      head: withText(value.slice(0, cut)),
      tail: cut < value.length ? withText(value.slice(cut)) : undefined,
    },
    room,
  );
}

/** A list item starts with a paragraph (adf-fit.ts, `listItem`): a cut item's second half gets an empty one. */
function listItemOf(blocks: readonly AdfNestedBlock[]): AdfListItem | undefined {
  const [first, ...rest] = blocks;
  if (first === undefined) return undefined;
  return {
    type: 'listItem',
    content: first.type === 'paragraph' ? [first, ...rest] : [filler(), first, ...rest],
  };
}

function takeListItem(item: AdfListItem, room: number): Taken<AdfListItem> | undefined {
  const split = takeChildren<AdfNestedBlock>(item.content, room, size({ ...item, content: [] }), takeNested);
  const head = split && listItemOf(split.head);
  if (split === undefined || head === undefined) return undefined;
  return fitting({ head, tail: listItemOf(split.tail) }, room);
}

function takeList<L extends AdfBulletList | AdfOrderedList>(list: L, room: number): Taken<L> | undefined {
  const split = takeChildren(list.content, room, size({ ...list, content: [] }), takeListItem);
  const head = split && nonEmpty(split.head);
  if (split === undefined || head === undefined) return undefined;
  const tail = nonEmpty(split.tail);
  return fitting({ head: { ...list, content: head }, tail: tail && continued(list, split, tail) }, room);
}

/** The second half of a list; an ordered list goes on counting from the first item it holds. */
function continued<L extends AdfBulletList | AdfOrderedList>(
  list: L,
  split: ChildrenTaken<AdfListItem>,
  tail: NonEmpty<AdfListItem>,
): L {
  if (list.type !== 'orderedList') return { ...list, content: tail };
  const start = list.attrs?.order ?? 1;
  const order = start + split.head.length - (split.cutInside ? 1 : 0);
  return { ...list, attrs: { ...list.attrs, order }, content: tail };
}

function takeBlockquote(quote: AdfBlockquote, room: number): Taken<AdfBlockquote> | undefined {
  const split = takeChildren<AdfNestedBlock>(
    quote.content,
    room,
    size({ ...quote, content: [] }),
    takeNested,
  );
  const head = split && nonEmpty(split.head);
  if (split === undefined || head === undefined) return undefined;
  const tail = nonEmpty(split.tail);
  return fitting({ head: { ...quote, content: head }, tail: tail && { ...quote, content: tail } }, room);
}

function takeCell(cell: AdfTableCell, room: number): Taken<AdfTableCell> | undefined {
  const split = takeChildren<AdfCellBlock>(cell.content, room, size({ ...cell, content: [] }), takeCellBlock);
  const head = split && nonEmpty(split.head);
  if (split === undefined || head === undefined) return undefined;
  const tail = nonEmpty(split.tail);
  return fitting({ head: { ...cell, content: head }, tail: tail && { ...cell, content: tail } }, room);
}

/**
 * A row longer than the room is cut between (or inside) its cells, in reading order: the head row holds the first
 * cells and empty cells after them, the tail row empty cells and then the rest, so both keep the table's columns.
 */
function takeRow(row: AdfTableRow, room: number): Taken<AdfTableRow> | undefined {
  const cells = row.content;
  const fillersFrom = (index: number): AdfTableCell[] => cells.slice(index).map(fillerCell);
  let used = size({ ...row, content: [] });
  const taken: AdfTableCell[] = [];
  for (let i = 0; i < cells.length; i++) {
    const cell = cells[i];
    if (cell === undefined) continue;
    const after = fillersFrom(i + 1);
    const reserved = after.reduce((sum, item) => sum + 1 + size(item), 0);
    const comma = taken.length > 0 ? 1 : 0;
    if (used + comma + size(cell) + reserved <= room) {
      taken.push(cell);
      used += comma + size(cell);
      continue;
    }
    const part = takeCell(cell, room - used - comma - reserved);
    const headCells = part === undefined ? [...taken, ...fillersFrom(i)] : [...taken, part.head, ...after];
    const tailCells =
      part === undefined
        ? [...cells.slice(0, i).map(fillerCell), ...cells.slice(i)]
        : [...cells.slice(0, i).map(fillerCell), part.tail ?? fillerCell(cell), ...cells.slice(i + 1)];
    if (part === undefined && taken.every((item) => fillers.has(item))) return undefined;
    const head = nonEmpty(headCells);
    const tail = nonEmpty(tailCells);
    if (head === undefined || tail === undefined) return undefined;
    return fitting({ head: { ...row, content: head }, tail: { ...row, content: tail } }, room);
  }
  return undefined;
}

function takeTable(table: AdfTable, room: number): Taken<AdfTable> | undefined {
  const split = takeChildren(table.content, room, size({ ...table, content: [] }), takeRow);
  const head = split && nonEmpty(split.head);
  if (split === undefined || head === undefined) return undefined;
  const tail = nonEmpty(split.tail);
  return fitting({ head: { ...table, content: head }, tail: tail && { ...table, content: tail } }, room);
}

function takeNested(block: AdfNestedBlock, room: number): Taken<AdfNestedBlock> | undefined {
  switch (block.type) {
    case 'paragraph':
      return takeInlineBlock(block, room);
    case 'codeBlock':
      return takeCodeBlock(block, room);
    case 'bulletList':
    case 'orderedList':
      return takeList(block, room);
  }
}

function takeCellBlock(block: AdfCellBlock, room: number): Taken<AdfCellBlock> | undefined {
  switch (block.type) {
    case 'heading':
      return takeInlineBlock(block, room);
    case 'blockquote':
      return takeBlockquote(block, room);
    case 'rule':
      return undefined;
    default:
      return takeNested(block, room);
  }
}

function takeBlock(block: AdfBlock, room: number): Taken<AdfBlock> | undefined {
  return block.type === 'table' ? takeTable(block, room) : takeCellBlock(block, room);
}

/** The documents' blocks, part by part, where part `n` (1-based) starts with `headerOf(n)`. */
function pack(
  blocks: readonly AdfBlock[],
  max: number,
  headerOf: (part: number) => readonly AdfBlock[],
): AdfBlock[][] {
  const parts: AdfBlock[][] = [];
  let current: AdfBlock[] = [];
  let used = 0;
  let hasContent = false;

  const lengthOf = (items: readonly AdfBlock[]): number =>
    EMPTY_DOC_LENGTH + items.reduce((sum, item, i) => sum + (i > 0 ? 1 : 0) + size(item), 0);
  const open = (): void => {
    current = [...headerOf(parts.length + 1)];
    used = lengthOf(current);
    hasContent = false;
    if (used > max) {
      throw new RangeError(`The header of part ${parts.length + 1} alone is longer than ${max} characters`);
    }
  };
  const close = (): void => {
    parts.push(current);
    open();
  };
  const add = (block: AdfBlock, length: number): void => {
    used += (current.length > 0 ? 1 : 0) + length;
    current.push(block);
    hasContent = true;
  };

  open();
  let pending: AdfBlock | undefined;
  let next = 0;
  while (pending !== undefined || next < blocks.length) {
    const block = pending ?? blocks[next++];
    pending = undefined;
    if (block === undefined) continue;
    const length = size(block);
    const comma = current.length > 0 ? 1 : 0;
    if (used + comma + length <= max) {
      add(block, length);
      continue;
    }
    // Between blocks when the block fits a part of its own; cut inside it (filling this part first) when it does not.
    const header = headerOf(parts.length + 2);
    const fitsNextPart = lengthOf(header) + (header.length > 0 ? 1 : 0) + length <= max;
    if (hasContent && fitsNextPart) {
      close();
      pending = block;
      continue;
    }
    const taken = takeBlock(block, max - used - comma);
    if (taken !== undefined) {
      add(taken.head, size(taken.head));
      if (taken.tail !== undefined) {
        close();
        pending = taken.tail;
      }
      continue;
    }
    if (!hasContent) {
      throw new RangeError(
        `${max} characters cannot hold any part of a ${block.type} beside the part's header`,
      );
    }
    close();
    pending = block;
  }
  if (hasContent || parts.length === 0) parts.push(current);
  return parts;
}

/**
 * Splits `doc` into documents of at most `maxSerializedLength` characters each when serialised with JSON.stringify
 * (use `JIRA_TEXT_LIMIT`, or a little less for headroom), each starting with `header(part, count)`. A document that
 * fits comes back as one part (still with `header(1, 1)` in front). Throws a RangeError when the limit cannot hold a
 * header plus the smallest piece of content (limits of a few hundred characters and more always can).
 */
export function splitAdfForComments(
  doc: AdfDoc,
  maxSerializedLength: number,
  header: PartHeader = () => [],
): NonEmpty<AdfDoc> {
  const blocks = doc.content.length > 0 ? doc.content : [paragraph()];
  // The headers name the number of parts, which depends on how long the headers are: settle it by trying.
  let count = 1;
  for (let attempt = 0; attempt < 8; attempt++) {
    const guess = count;
    const parts = pack(blocks, maxSerializedLength, (part) => header(part, guess));
    if (parts.length === guess) {
      const docs = nonEmpty(parts.map((content): AdfDoc => ({ type: 'doc', version: 1, content })));
      if (docs === undefined) break;
      for (const part of docs) {
        if (size(part) > maxSerializedLength)
          throw new Error('splitAdfForComments produced a part over the limit');
      }
      return docs;
    }
    count = parts.length;
  }
  throw new Error('splitAdfForComments: the part headers do not settle on a number of parts');
}
