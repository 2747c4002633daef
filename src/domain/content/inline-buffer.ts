// Gathers inline content into paragraphs with a browser's whitespace rules, so ticket text reads the same in Jira.
import {
  hardBreak,
  normalizeInlines,
  paragraph,
  paragraphOf,
  text,
  type AdfInline,
  type AdfMark,
  type AdfParagraph,
} from './adf';

// Inline content waiting to become a paragraph, with whitespace handled as a browser lays it out:
// runs of spaces, tabs and newlines collapse to one space, spaces at the start and end of a line
// vanish, a trailing <br> adds no line, and a no-break space is real content (a line holding only
// `&nbsp;` is the blank line ticket editors write).

const COLLAPSIBLE = /[ \t\n\r\f]+/g;
const NBSP = /\u00a0/g;

export class InlineBuffer {
  private items: AdfInline[] = [];
  private atLineStart = true;
  private afterSpace = false;
  private holdsBlankLine = false;

  addText(raw: string, marks: readonly AdfMark[]): void {
    let value = raw.replace(COLLAPSIBLE, ' ');
    if (value.startsWith(' ') && (this.atLineStart || this.afterSpace)) value = value.slice(1);
    if (value === '') return;
    if (value.includes('\u00a0')) this.holdsBlankLine = true;
    this.items.push(text(value, marks));
    this.atLineStart = false;
    this.afterSpace = value.endsWith(' ');
  }

  addBreak(): void {
    this.trimLineEnd();
    this.items.push(hardBreak());
    this.atLineStart = true;
    this.afterSpace = false;
    this.holdsBlankLine = true;
  }

  /** The buffered content as a paragraph (an empty one for a blank line), or undefined when there is none. */
  take(): AdfParagraph | undefined {
    this.trimLineEnd();
    if (this.items[this.items.length - 1]?.type === 'hardBreak') this.items.pop();
    const content = trimEdges(
      normalizeInlines(
        this.items.map((item) =>
          item.type === 'text' ? { ...item, text: item.text.replace(NBSP, ' ') } : item,
        ),
      ),
    );
    const result = content.length > 0 ? paragraphOf(content) : this.holdsBlankLine ? paragraph() : undefined;
    this.items = [];
    this.atLineStart = true;
    this.afterSpace = false;
    this.holdsBlankLine = false;
    return result;
  }

  private trimLineEnd(): void {
    const last = this.items[this.items.length - 1];
    if (last?.type !== 'text' || !last.text.endsWith(' ')) return;
    const trimmed = last.text.replace(/ +$/, '');
    if (trimmed === '') this.items.pop();
    else this.items[this.items.length - 1] = { ...last, text: trimmed };
  }
}

/** Spaces left at the edges of a paragraph (no-break spaces, Word's spacing runs) are indentation noise. */
function trimEdges(items: readonly AdfInline[]): AdfInline[] {
  const out = items.slice();
  for (let head = out[0]; head?.type === 'text'; head = out[0]) {
    const trimmed = head.text.trimStart();
    if (trimmed === head.text) break;
    if (trimmed !== '') {
      out[0] = { ...head, text: trimmed };
      break;
    }
    out.shift();
  }
  for (let tail = out[out.length - 1]; tail?.type === 'text'; tail = out[out.length - 1]) {
    const trimmed = tail.text.trimEnd();
    if (trimmed === tail.text) break;
    if (trimmed !== '') {
      out[out.length - 1] = { ...tail, text: trimmed };
      break;
    }
    out.pop();
  }
  return out;
}
