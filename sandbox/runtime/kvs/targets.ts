// Resolving "which item" for every operation: the key space (plain, secret or a declared entity), the validated key,
// and the value rules that apply there. Shared by single, batch and transaction operations.
import type { EntityRegistry, EntitySchema } from './entity-schema';
import type { ItemStore } from './item-store';
import { toStorableValue } from './json-value';
import { assertValidKey } from './keys';
import type { JsonValue, Namespace, StoredItem } from './types';

export interface KvsContext {
  store: ItemStore;
  entities: EntityRegistry;
  now: () => number;
}

export interface Target {
  ns: Namespace;
  key: string;
  /** set for entity items */
  schema?: EntitySchema;
}

export function resolveTarget(
  ctx: KvsContext,
  key: string,
  entityName: string | undefined,
  space: 'plain' | 'secret' = 'plain',
): Target {
  if (entityName !== undefined) {
    const schema = ctx.entities.require(entityName);
    assertValidKey(key, 'entity');
    return { ns: { kind: 'entity', entityName }, key, schema };
  }
  assertValidKey(key, 'plain');
  return { ns: { kind: space }, key };
}

/** Validates and copies a value for this target (entity values must also fit the declared attributes). */
export function storableValueFor(target: Target, raw: unknown): JsonValue {
  const value = toStorableValue(raw);
  target.schema?.assertValidValue(value);
  return value;
}

/** Writes (last write wins) and returns what was there before. `createdAt` survives an overwrite. */
export function writeItem(
  ctx: KvsContext,
  target: Target,
  value: JsonValue,
  expiresAt: number | undefined,
): { previous: StoredItem | undefined; current: StoredItem } {
  const previous = ctx.store.get(target.ns, target.key);
  const now = ctx.now();
  const current: StoredItem = { value, createdAt: previous?.createdAt ?? now, updatedAt: now };
  if (expiresAt !== undefined) current.expiresAt = expiresAt;
  ctx.store.put(target.ns, target.key, current);
  return { previous, current };
}
