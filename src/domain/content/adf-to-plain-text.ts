// ADF → plain text, for echo-marker checks and summaries.
import {
  cardUrl,
  dateLabel,
  emojiLabel,
  expandTitle,
  extensionLabel,
  mediaLabel,
  mentionLabel,
  placeholderLabel,
  statusLabel,
} from './adf-atoms';
import { readChildren, readNode, type AdfInputNode } from './adf-input';

// Plain text of an ADF document: blocks on their own lines, an empty paragraph as a blank line. Used
// for echo-marker checks and summaries, so it must read any document Jira sends, however deep; the
// walk keeps its own stack instead of recursing.

const BLOCK_END = Symbol('block end');

// Containers that add no line of their own: their children decide.
const TRANSPARENT = new Set([
  'doc',
  'layoutSection',
  'layoutColumn',
  'mediaSingle',
  'mediaGroup',
  'bodiedExtension',
]);

function atomText(node: AdfInputNode): string | undefined {
  switch (node.type) {
    case 'text':
      return node.text ?? '';
    case 'hardBreak':
      return '\n';
    case 'mention':
      return mentionLabel(node);
    case 'emoji':
      return emojiLabel(node);
    case 'date':
      return dateLabel(node);
    case 'status':
      return statusLabel(node);
    case 'inlineCard':
    case 'blockCard':
    case 'embedCard':
      return cardUrl(node);
    case 'media':
    case 'mediaInline':
      return mediaLabel(node);
    case 'extension':
    case 'inlineExtension':
      return extensionLabel(node);
    case 'placeholder':
      return placeholderLabel(node);
    case 'rule':
      return '';
    default:
      // An unknown node that carries text degrades to that text.
      return node.text;
  }
}

const BLOCK_ATOMS = new Set(['blockCard', 'embedCard', 'media', 'extension', 'rule']);

class PlainTextWriter {
  private text = '';

  write(value: string): void {
    this.text += value;
  }

  endLine(): void {
    if (this.text !== '' && !this.text.endsWith('\n')) this.text += '\n';
  }

  toString(): string {
    return this.text.trim();
  }
}

export function adfToPlainText(doc: unknown): string {
  const root = readNode(doc);
  if (root === undefined) return '';
  const out = new PlainTextWriter();
  const stack: (AdfInputNode | typeof BLOCK_END)[] = [root];
  for (let item = stack.pop(); item !== undefined; item = stack.pop()) {
    if (item === BLOCK_END) {
      out.endLine();
      continue;
    }
    const atom = atomText(item);
    const isBlock = BLOCK_ATOMS.has(item.type) || (atom === undefined && !TRANSPARENT.has(item.type));
    if (isBlock) {
      out.endLine();
      stack.push(BLOCK_END);
    }
    if (atom !== undefined) {
      out.write(atom);
      continue;
    }
    const children = readChildren(item);
    if (item.type === 'paragraph' && children.length === 0) out.write('\n');
    if (item.type === 'expand' || item.type === 'nestedExpand') {
      out.write(expandTitle(item));
      out.endLine();
    }
    if (item.type === 'bodiedExtension' && children.length === 0) out.write(extensionLabel(item));
    for (let i = children.length - 1; i >= 0; i--) {
      const child = children[i];
      if (child !== undefined) stack.push(child);
    }
  }
  return out.toString();
}
