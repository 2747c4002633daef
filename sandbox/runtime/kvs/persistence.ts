// The emulator's state on disk: one JSON document holding plain keys, secrets and entity items with their
// timestamps and expiry. Written atomically (temp file + rename) so a crash never leaves half a file behind.
import { mkdirSync, readFileSync, renameSync, writeFileSync } from 'node:fs';
import { randomUUID } from 'node:crypto';
import { dirname } from 'node:path';
import { z } from 'zod';
import type { SpaceDump } from './item-store';
import type { StoredItem } from './types';

const entrySchema = z.object({
  key: z.string(),
  value: z.json(),
  createdAt: z.number(),
  updatedAt: z.number(),
  expiresAt: z.number().optional(),
});
type Entry = z.infer<typeof entrySchema>;

const stateFileSchema = z.object({
  version: z.literal(1),
  plain: z.array(entrySchema),
  secret: z.array(entrySchema),
  entities: z.array(z.object({ entityName: z.string(), items: z.array(entrySchema) })),
});
type StateFile = z.infer<typeof stateFileSchema>;

function toEntries(items: Array<[string, StoredItem]>): Entry[] {
  return items.map(([key, item]) => ({ key, ...item }));
}

function fromEntries(entries: Entry[]): Array<[string, StoredItem]> {
  return entries.map(({ key, value, createdAt, updatedAt, expiresAt }) => {
    const item: StoredItem = { value, createdAt, updatedAt };
    if (expiresAt !== undefined) item.expiresAt = expiresAt;
    return [key, item];
  });
}

/** Returns undefined when the file does not exist; throws with the file name when it is not a valid state file. */
export function readStateFile(file: string): SpaceDump[] | undefined {
  let text: string;
  try {
    text = readFileSync(file, 'utf8');
  } catch (error) {
    // Checked structurally: fs errors may come from another realm (e.g. under jest), so instanceof is unreliable.
    if (typeof error === 'object' && error !== null && 'code' in error && error.code === 'ENOENT')
      return undefined;
    throw error;
  }
  let json: unknown;
  try {
    json = JSON.parse(text);
  } catch (error) {
    throw new Error(
      `KVS state file ${file} is corrupt: not JSON (${error instanceof Error ? error.message : String(error)})`,
    );
  }
  const parsed = stateFileSchema.safeParse(json);
  if (!parsed.success)
    throw new Error(`KVS state file ${file} is corrupt:\n${z.prettifyError(parsed.error)}`);
  const state = parsed.data;
  return [
    { ns: { kind: 'plain' }, items: fromEntries(state.plain) },
    { ns: { kind: 'secret' }, items: fromEntries(state.secret) },
    ...state.entities.map(({ entityName, items }): SpaceDump => ({
      ns: { kind: 'entity', entityName },
      items: fromEntries(items),
    })),
  ];
}

export function writeStateFile(file: string, spaces: SpaceDump[]): void {
  const state: StateFile = { version: 1, plain: [], secret: [], entities: [] };
  for (const { ns, items } of spaces) {
    if (ns.kind === 'entity') state.entities.push({ entityName: ns.entityName, items: toEntries(items) });
    else state[ns.kind].push(...toEntries(items));
  }
  mkdirSync(dirname(file), { recursive: true });
  const temp = `${file}.${process.pid}.${randomUUID()}.tmp`;
  writeFileSync(temp, `${JSON.stringify(state, null, 2)}\n`, 'utf8');
  renameSync(temp, file);
}
