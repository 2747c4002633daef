// Turns the manifest's `app.storage.entities` (raw YAML shape) into the emulator's entity declarations.
// An index may be a bare attribute name `x`: that is an index named `x` with no partition whose range is `x`
// (queried as `.index('x').where(WhereConditions.equalTo(v))`). The manifest writes `range` as a one-element list.
import { z } from 'zod';
import type { EntityDecl, EntityIndexDecl } from './types';

const rawIndexSchema = z.union([
  z.string(),
  z.object({
    name: z.string(),
    partition: z.array(z.string()).optional(),
    range: z.union([z.string(), z.array(z.string())]).optional(),
  }),
]);

/** One entity as manifest.yml declares it; sandbox/runtime/manifest.ts reads the manifest with this schema too. */
export const manifestEntitySchema = z.object({
  name: z.string(),
  attributes: z.record(
    z.string(),
    z.object({ type: z.enum(['string', 'integer', 'float', 'boolean', 'any']) }),
  ),
  indexes: z.array(rawIndexSchema).optional(),
});

const rawEntitiesSchema = z.array(manifestEntitySchema).nullish();

function toIndex(raw: z.infer<typeof rawIndexSchema>): EntityIndexDecl {
  if (typeof raw === 'string') return { name: raw, partition: [], range: raw };
  if (Array.isArray(raw.range) && raw.range.length > 1) {
    throw new Error(
      `Invalid app.storage.entities in the manifest: index '${raw.name}' has more than one range attribute`,
    );
  }
  const range = Array.isArray(raw.range) ? raw.range[0] : raw.range;
  return range === undefined
    ? { name: raw.name, partition: raw.partition ?? [] }
    : { name: raw.name, partition: raw.partition ?? [], range };
}

export function entitiesFromManifest(raw: unknown): EntityDecl[] {
  const parsed = rawEntitiesSchema.safeParse(raw);
  if (!parsed.success)
    throw new Error(`Invalid app.storage.entities in the manifest:\n${z.prettifyError(parsed.error)}`);
  return (parsed.data ?? []).map((entity) => ({
    name: entity.name,
    attributes: entity.attributes,
    indexes: (entity.indexes ?? []).map(toIndex),
  }));
}
