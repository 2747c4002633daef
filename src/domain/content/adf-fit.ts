// Reshapes converted blocks to fit the ADF container they land in, because ADF forbids nestings that HTML allows.
import {
  canonicalMarks,
  hardBreak,
  isEmptyParagraph,
  paragraph,
  paragraphOf,
  text,
  type AdfBlock,
  type AdfCellBlock,
  type AdfInline,
  type AdfListItem,
  type AdfNestedBlock,
  type AdfTable,
  type NonEmpty,
} from './adf';

// Fits converted blocks into the container they landed in. HTML lets anything nest anywhere; ADF does
// not (no heading or table in a list item, no quote in a quote, no table in a table cell). What a
// container cannot hold is reshaped into something it can, keeping the text.

function emphasised(inlines: readonly AdfInline[]): AdfInline[] {
  return inlines.map((item) =>
    item.type === 'text' && !(item.marks ?? []).some((m) => m.type === 'code')
      ? text(item.text, canonicalMarks([...(item.marks ?? []), { type: 'strong' }]))
      : item,
  );
}

function joinLines(lines: readonly AdfInline[][]): AdfInline[] {
  const nonEmpty = lines.filter((line) => line.length > 0);
  return nonEmpty.flatMap((line, i) => (i === 0 ? line : [hardBreak(), ...line]));
}

/** All the text of some blocks as one line-broken run of inline content. */
export function blocksToInlines(blocks: readonly AdfBlock[]): AdfInline[] {
  return joinLines(blocks.map(blockToInlines));
}

function blockToInlines(block: AdfBlock): AdfInline[] {
  switch (block.type) {
    case 'paragraph':
    case 'heading':
      return block.content ?? [];
    case 'codeBlock':
      return joinLines(
        (block.content?.[0]?.text ?? '')
          .split('\n')
          .map((line) => (line === '' ? [] : [text(line, [{ type: 'code' }])])),
      );
    case 'bulletList':
    case 'orderedList':
      return joinLines(block.content.map((item) => blocksToInlines(item.content)));
    case 'blockquote':
      return blocksToInlines(block.content);
    case 'rule':
      return [];
    case 'table':
      return joinLines(tableLines(block));
  }
}

/** One line per row, cells separated by a bar: how a table reads when it cannot be a table. */
function tableLines(table: AdfTable): AdfInline[][] {
  return table.content.map((row) => {
    const cells = row.content.map((cell) => blocksToInlines(cell.content)).filter((cell) => cell.length > 0);
    return cells.flatMap((cell, i) => (i === 0 ? cell : [text(' | '), ...cell]));
  });
}

function tableParagraphs(table: AdfTable): AdfNestedBlock[] {
  return tableLines(table)
    .filter((line) => line.length > 0)
    .map((line) => paragraphOf(line));
}

/** Blocks a list item or a quote can hold: paragraphs, lists and code. */
export function fitNested(blocks: readonly AdfBlock[]): AdfNestedBlock[] {
  return blocks.flatMap((block): AdfNestedBlock[] => {
    switch (block.type) {
      case 'paragraph':
      case 'bulletList':
      case 'orderedList':
      case 'codeBlock':
        return [block];
      case 'heading':
        return [paragraphOf(emphasised(block.content ?? []))];
      case 'blockquote':
        return block.content;
      case 'rule':
        return [];
      case 'table':
        return tableParagraphs(block);
    }
  });
}

/** A list item starts with a paragraph (Jira's editor expects one), even when the HTML item did not. */
export function listItem(blocks: readonly AdfBlock[]): AdfListItem {
  const [first, ...rest] = fitNested(blocks);
  if (first?.type === 'paragraph') return { type: 'listItem', content: [first, ...rest] };
  return { type: 'listItem', content: first === undefined ? [paragraph()] : [paragraph(), first, ...rest] };
}

export function fitCell(blocks: readonly AdfBlock[]): NonEmpty<AdfCellBlock> {
  const [first, ...rest] = blocks.flatMap((block): AdfCellBlock[] =>
    block.type === 'table' ? tableParagraphs(block) : [block],
  );
  return first === undefined ? [paragraph()] : [first, ...rest];
}

/** Blank lines at the very start or end of a comment are noise from the ticket editor. */
export function trimBlankEdges(blocks: readonly AdfBlock[]): AdfBlock[] {
  const first = blocks.findIndex((block) => !isEmptyParagraph(block));
  const last = blocks.findLastIndex((block) => !isEmptyParagraph(block));
  return first === -1 ? [] : blocks.slice(first, last + 1);
}
