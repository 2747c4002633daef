// Tolerant, lazy reading of ADF as Jira sends it, so one malformed or deeply nested node cannot fail a whole comment.
import { z } from 'zod';

// Reads ADF as Jira sends it, one node at a time. Each node is parsed shallowly and its children only
// when visited, so a malformed child is skipped instead of failing the whole document, and a deeply
// nested document cannot exhaust the stack inside the parser.

const attrsSchema = z.record(z.string(), z.unknown()).optional().catch(undefined);

const nodeSchema = z.object({
  type: z.string(),
  text: z.string().optional().catch(undefined),
  attrs: attrsSchema,
  content: z.array(z.unknown()).optional().catch(undefined),
  marks: z.array(z.unknown()).optional().catch(undefined),
});

const markSchema = z.object({ type: z.string(), attrs: attrsSchema });

export type AdfInputNode = z.infer<typeof nodeSchema>;
export type AdfInputMark = z.infer<typeof markSchema>;

export function readNode(value: unknown): AdfInputNode | undefined {
  const parsed = nodeSchema.safeParse(value);
  return parsed.success ? parsed.data : undefined;
}

export function readChildren(node: AdfInputNode): AdfInputNode[] {
  return (node.content ?? []).flatMap((child) => readNode(child) ?? []);
}

export function readMarks(node: AdfInputNode): AdfInputMark[] {
  return (node.marks ?? []).flatMap((mark) => {
    const parsed = markSchema.safeParse(mark);
    return parsed.success ? [parsed.data] : [];
  });
}

/** Parses a node's attrs with a schema whose fields all have `.catch` fallbacks, so it never fails. */
export function readAttrs<T>(attrs: Record<string, unknown> | undefined, schema: z.ZodType<T>): T {
  return schema.parse(attrs ?? {});
}

export const optionalString = z.string().optional().catch(undefined);
export const optionalNumber = z.number().optional().catch(undefined);

export const INLINE_NODE_TYPES: ReadonlySet<string> = new Set([
  'text',
  'hardBreak',
  'mention',
  'emoji',
  'inlineCard',
  'date',
  'status',
  'mediaInline',
  'inlineExtension',
  'placeholder',
]);
