// ADF types for what the app writes into Jira, shaped so that an invalid document cannot be expressed.
import { safeLinkHref } from './safe-url';

// The subset of Atlassian Document Format this app writes, typed so that a document built from these
// types is valid against the ADF JSON schema by construction: containers only accept the children the
// schema allows there, and lists, tables, rows, cells and quotes can never be empty.

export type NonEmpty<T> = [T, ...T[]];

export type HeadingLevel = 1 | 2 | 3 | 4 | 5 | 6;

export type AdfMark =
  | { type: 'link'; attrs: { href: string } }
  | { type: 'em' }
  | { type: 'strong' }
  | { type: 'textColor'; attrs: { color: string } }
  | { type: 'backgroundColor'; attrs: { color: string } }
  | { type: 'strike' }
  | { type: 'subsup'; attrs: { type: 'sub' | 'sup' } }
  | { type: 'underline' }
  | { type: 'code' };

export interface AdfText {
  type: 'text';
  text: string;
  marks?: AdfMark[];
}

export interface AdfHardBreak {
  type: 'hardBreak';
}

export type AdfInline = AdfText | AdfHardBreak;

export interface AdfParagraph {
  type: 'paragraph';
  content?: AdfInline[];
}

export interface AdfHeading {
  type: 'heading';
  attrs: { level: HeadingLevel };
  content?: AdfInline[];
}

export interface AdfCodeBlock {
  type: 'codeBlock';
  attrs?: { language: string };
  content?: [{ type: 'text'; text: string }];
}

/** What a list item and a quote may hold. */
export type AdfNestedBlock = AdfParagraph | AdfBulletList | AdfOrderedList | AdfCodeBlock;

export interface AdfListItem {
  type: 'listItem';
  content: [AdfParagraph, ...AdfNestedBlock[]];
}

export interface AdfBulletList {
  type: 'bulletList';
  content: NonEmpty<AdfListItem>;
}

export interface AdfOrderedList {
  type: 'orderedList';
  attrs?: { order: number };
  content: NonEmpty<AdfListItem>;
}

export interface AdfBlockquote {
  type: 'blockquote';
  content: NonEmpty<AdfNestedBlock>;
}

export interface AdfRule {
  type: 'rule';
}

/** What a table cell may hold: any of our blocks except another table. */
export type AdfCellBlock = AdfNestedBlock | AdfHeading | AdfBlockquote | AdfRule;

export interface AdfTableCell {
  type: 'tableCell' | 'tableHeader';
  attrs?: { colspan?: number; rowspan?: number };
  content: NonEmpty<AdfCellBlock>;
}

export interface AdfTableRow {
  type: 'tableRow';
  content: NonEmpty<AdfTableCell>;
}

export interface AdfTable {
  type: 'table';
  content: NonEmpty<AdfTableRow>;
}

export type AdfBlock = AdfCellBlock | AdfTable;

export interface AdfDoc {
  type: 'doc';
  version: 1;
  content: AdfBlock[];
}

export type AdfNode = AdfDoc | AdfBlock | AdfInline | AdfListItem | AdfTableRow | AdfTableCell;

// ProseMirror (which Jira uses to load ADF) keeps marks in schema rank order; writing them in that order
// means Jira never has to reorder or reject a mark set.
const MARK_RANK: Record<AdfMark['type'], number> = {
  link: 0,
  em: 1,
  strong: 2,
  textColor: 3,
  backgroundColor: 4,
  strike: 5,
  subsup: 6,
  underline: 7,
  code: 8,
};

/** One mark per type, in rank order; `code` only combines with `link` (the schema forbids the rest). */
export function canonicalMarks(marks: readonly AdfMark[]): AdfMark[] {
  if (marks.length < 2) return [...marks];
  const byType = new Map<AdfMark['type'], AdfMark>();
  for (const mark of marks) byType.set(mark.type, mark);
  const kept = byType.has('code')
    ? [...byType.values()].filter((m) => m.type === 'code' || m.type === 'link')
    : [...byType.values()];
  return kept.sort((a, b) => MARK_RANK[a.type] - MARK_RANK[b.type]);
}

export function text(value: string, marks: readonly AdfMark[] = []): AdfText {
  const ordered = canonicalMarks(marks);
  return ordered.length > 0 ? { type: 'text', text: value, marks: ordered } : { type: 'text', text: value };
}

/** Text linked to `href` when it is an http, https or mailto URL; plain text otherwise. */
export function linkedText(value: string, href: string, marks: readonly AdfMark[] = []): AdfText {
  const safe = safeLinkHref(href);
  return text(value, safe === undefined ? marks : [...marks, { type: 'link', attrs: { href: safe } }]);
}

export function hardBreak(): AdfHardBreak {
  return { type: 'hardBreak' };
}

export const strong = (): AdfMark => ({ type: 'strong' });
export const em = (): AdfMark => ({ type: 'em' });
export const underline = (): AdfMark => ({ type: 'underline' });
export const strike = (): AdfMark => ({ type: 'strike' });
export const code = (): AdfMark => ({ type: 'code' });

function sameMarks(a: AdfText, b: AdfText): boolean {
  if (a.marks === b.marks) return true;
  return JSON.stringify(a.marks ?? []) === JSON.stringify(b.marks ?? []);
}

/** Drops empty text (the schema rejects it) and merges neighbours that carry the same marks. */
export function normalizeInlines(items: readonly (AdfInline | string)[]): AdfInline[] {
  const out: AdfInline[] = [];
  for (const item of items) {
    const node = typeof item === 'string' ? text(item) : item;
    if (node.type === 'text' && node.text === '') continue;
    const last = out[out.length - 1];
    if (node.type === 'text' && last?.type === 'text' && sameMarks(last, node)) {
      out[out.length - 1] = { ...last, text: last.text + node.text };
    } else {
      out.push(node);
    }
  }
  return out;
}

// Each builder has an array form: converted content can hold more items than a call may take arguments.

export function paragraphOf(content: readonly (AdfInline | string)[]): AdfParagraph {
  const inlines = normalizeInlines(content);
  return inlines.length > 0 ? { type: 'paragraph', content: inlines } : { type: 'paragraph' };
}

export function paragraph(...content: (AdfInline | string)[]): AdfParagraph {
  return paragraphOf(content);
}

export function headingOf(level: HeadingLevel, content: readonly (AdfInline | string)[]): AdfHeading {
  const inlines = normalizeInlines(content);
  return inlines.length > 0
    ? { type: 'heading', attrs: { level }, content: inlines }
    : { type: 'heading', attrs: { level } };
}

export function heading(level: HeadingLevel, ...content: (AdfInline | string)[]): AdfHeading {
  return headingOf(level, content);
}

/** A document never has zero blocks: Jira shows an empty comment as one empty paragraph. */
export function docOf(content: readonly AdfBlock[]): AdfDoc {
  return { type: 'doc', version: 1, content: content.length > 0 ? [...content] : [paragraph()] };
}

export function doc(...content: AdfBlock[]): AdfDoc {
  return docOf(content);
}

export function isEmptyParagraph(block: AdfBlock): boolean {
  return block.type === 'paragraph' && (block.content ?? []).length === 0;
}
