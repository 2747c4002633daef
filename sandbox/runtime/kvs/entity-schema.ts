// The custom entities declared in the manifest: which entity names exist, which attributes (and types) an item may
// carry, and the indexes a query may name. `by-key` exists on every entity and ranges over the item key.
import { z } from 'zod';
import { badRequest } from './errors';
import { isJsonObject } from './json-value';
import type { AttributeType, EntityDecl, JsonValue } from './types';

export type IndexRange = { kind: 'key' } | { kind: 'attribute'; name: string };

export interface IndexDef {
  name: string;
  partition: string[];
  /** undefined: an index with partition attributes only; its items are ordered by key */
  range: IndexRange | undefined;
}

export const BY_KEY_INDEX = 'by-key';
const INT32_MIN = -(2 ** 31);
const INT32_MAX = 2 ** 31 - 1;
// Custom-entity floats are 0 or have a magnitude in [1e-130, 1e126) (the documented number range).
const FLOAT_MIN_MAGNITUDE = 1e-130;
const FLOAT_MAX_MAGNITUDE = 1e126;

const entityDeclSchema = z.object({
  name: z.string().min(1),
  attributes: z.record(
    z.string(),
    z.object({ type: z.enum(['string', 'integer', 'float', 'boolean', 'any']) }),
  ),
  indexes: z.array(
    z.object({ name: z.string().min(1), partition: z.array(z.string()), range: z.string().optional() }),
  ),
});

function matchesType(type: AttributeType, value: JsonValue): boolean {
  switch (type) {
    case 'any':
      return true;
    case 'string':
      return typeof value === 'string';
    case 'boolean':
      return typeof value === 'boolean';
    case 'integer':
      return typeof value === 'number' && Number.isInteger(value) && value >= INT32_MIN && value <= INT32_MAX;
    case 'float': {
      if (typeof value !== 'number') return false;
      const magnitude = Math.abs(value);
      return magnitude === 0 || (magnitude >= FLOAT_MIN_MAGNITUDE && magnitude < FLOAT_MAX_MAGNITUDE);
    }
  }
}

export class EntitySchema {
  private readonly indexes = new Map<string, IndexDef>();

  constructor(private readonly decl: EntityDecl) {
    this.indexes.set(BY_KEY_INDEX, { name: BY_KEY_INDEX, partition: [], range: { kind: 'key' } });
    for (const index of decl.indexes) {
      if (this.indexes.has(index.name))
        throw new Error(`Entity '${decl.name}': duplicate index '${index.name}'`);
      for (const attribute of [...index.partition, ...(index.range === undefined ? [] : [index.range])]) {
        if (!Object.hasOwn(decl.attributes, attribute)) {
          throw new Error(
            `Entity '${decl.name}': index '${index.name}' uses undeclared attribute '${attribute}'`,
          );
        }
      }
      this.indexes.set(index.name, {
        name: index.name,
        partition: [...index.partition],
        range: index.range === undefined ? undefined : { kind: 'attribute', name: index.range },
      });
    }
  }

  get name(): string {
    return this.decl.name;
  }

  index(name: string): IndexDef {
    const index = this.indexes.get(name);
    if (!index) {
      throw badRequest(
        'INVALID_ENTITY_INDEX',
        `Index '${name}' is not defined for entity '${this.decl.name}'`,
      );
    }
    return index;
  }

  /** Entity values are objects whose attributes are all declared and of the declared type. */
  assertValidValue(value: JsonValue): void {
    if (!isJsonObject(value)) {
      throw badRequest('INVALID_ENTITY_VALUE', `Values of entity '${this.decl.name}' must be objects`);
    }
    for (const [attribute, attributeValue] of Object.entries(value)) {
      const declared = Object.hasOwn(this.decl.attributes, attribute)
        ? this.decl.attributes[attribute]
        : undefined;
      if (!declared) {
        throw badRequest(
          'INVALID_ENTITY_VALUE',
          `Attribute '${attribute}' is not declared for entity '${this.decl.name}' in the manifest`,
        );
      }
      if (!matchesType(declared.type, attributeValue)) {
        throw badRequest(
          'INVALID_ENTITY_VALUE',
          `Attribute '${attribute}' of entity '${this.decl.name}' must be of type ${declared.type}`,
        );
      }
    }
  }
}

export class EntityRegistry {
  private readonly entities = new Map<string, EntitySchema>();

  constructor(decls: EntityDecl[]) {
    for (const raw of decls) {
      const parsed = entityDeclSchema.safeParse(raw);
      if (!parsed.success) throw new Error(`Invalid entity declaration: ${z.prettifyError(parsed.error)}`);
      const decl = parsed.data;
      if (this.entities.has(decl.name)) throw new Error(`Duplicate entity '${decl.name}'`);
      this.entities.set(decl.name, new EntitySchema(decl));
    }
  }

  require(entityName: string): EntitySchema {
    const schema = this.entities.get(entityName);
    if (!schema) {
      throw badRequest(
        'INVALID_ENTITY_TYPE',
        `Entity '${entityName}' is not declared in the manifest (app.storage.entities)`,
      );
    }
    return schema;
  }
}
