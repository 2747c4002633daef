// Plain text from ADF and ADF from plain text, where the emulated Jira shows text (changelog, JQL ~, admin input).
import { z } from 'zod';
import type { Json } from '../state/json';

const Node = z.object({
  type: z.string().optional(),
  text: z.string().optional(),
  content: z.array(z.unknown()).optional(),
});

/** Plain text of an ADF document, one line per block; used where Jira shows text (changelog strings, JQL ~). */
export function adfToText(doc: Json | undefined): string | null {
  if (doc === undefined || doc === null) return null;
  return collect(doc).trim();
}

function collect(value: unknown): string {
  const node = Node.safeParse(value);
  if (!node.success) return '';
  if (node.data.type === 'text') return node.data.text ?? '';
  if (node.data.type === 'hardBreak') return '\n';
  const inner = (node.data.content ?? []).map(collect).join('');
  const isBlock =
    node.data.type !== undefined &&
    ['paragraph', 'heading', 'listItem', 'codeBlock', 'blockquote'].includes(node.data.type);
  return isBlock ? `${inner}\n` : inner;
}

/** A one-paragraph ADF document, for admin helpers that accept plain text. */
export function textToAdf(text: string): Json {
  return {
    type: 'doc',
    version: 1,
    content: text === '' ? [] : [{ type: 'paragraph', content: [{ type: 'text', text }] }],
  };
}
