// Opaque page cursors. A cursor names the last item of the page it ended (its sort position) and the query it
// belongs to, so a cursor replayed against a different query is refused instead of silently skipping items.
import { z } from 'zod';
import { badRequest } from './errors';
import type { Scalar } from './conditions';

export interface CursorPosition {
  key: string;
  /** the index range value of the item, for entity queries */
  range?: Scalar;
}

const cursorSchema = z.object({
  s: z.string(),
  k: z.string(),
  r: z.union([z.string(), z.number(), z.boolean()]).optional(),
});

export function encodeCursor(scope: string, position: CursorPosition): string {
  return Buffer.from(JSON.stringify({ s: scope, k: position.key, r: position.range }), 'utf8').toString(
    'base64url',
  );
}

export function decodeCursor(scope: string, cursor: string): CursorPosition {
  let payload: unknown;
  try {
    payload = JSON.parse(Buffer.from(cursor, 'base64url').toString('utf8'));
  } catch {
    payload = undefined;
  }
  const parsed = cursorSchema.safeParse(payload);
  if (!parsed.success) throw badRequest('BAD_REQUEST', 'The cursor is not one this service issued');
  if (parsed.data.s !== scope) throw badRequest('BAD_REQUEST', 'The cursor belongs to a different query');
  return parsed.data.r === undefined ? { key: parsed.data.k } : { key: parsed.data.k, range: parsed.data.r };
}
