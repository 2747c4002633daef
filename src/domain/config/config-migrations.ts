// Brings settings documents written by older builds up to the current version, step by step, and strips any token
// found in them, so an app update never loses an admin's configuration.
import { z } from 'zod';

/** Shapes are checked only as far as each step needs; the current schema validates the result of the last step. */
const RawObjectSchema = z.record(z.string(), z.unknown());
const RawCurrentShapeSchema = z.looseObject({
  instances: z.array(z.unknown()),
  brevoAccounts: z.array(z.unknown()).optional(),
});

/**
 * Version 0: an early build stored a bare array of TeamSupport instances, before instances had a `kind`.
 * Version 1 wraps them as `{ version: 1, instances }` and tags each with its kind. An element that already has a
 * kind keeps it, so a value that was never a version-0 instance is not silently relabelled.
 */
function fromVersion0(raw: unknown): unknown {
  const instances = z.array(z.unknown()).safeParse(raw);
  if (!instances.success) return raw;
  return {
    version: 1,
    instances: instances.data.map((item) => {
      const record = RawObjectSchema.safeParse(item);
      return record.success && !('kind' in record.data) ? { kind: 'teamsupport', ...record.data } : item;
    }),
  };
}

/**
 * Version 2 adds Brevo accounts beside the TeamSupport instances, in their own list: every TeamSupport flow reads
 * `instances` as ticket-system instances, so an account of another kind must not appear there. A version-1 document
 * has no accounts.
 */
function fromVersion1(raw: unknown): unknown {
  const record = RawObjectSchema.safeParse(raw);
  if (!record.success) return raw;
  return { brevoAccounts: [], ...record.data, version: 2 };
}

export const CONFIG_DOCUMENT_VERSION = 2;

/** MIGRATIONS[n] turns a raw version-n document into a raw version-(n + 1) document; one step per older version. */
export const MIGRATIONS: readonly ((raw: unknown) => unknown)[] = [fromVersion0, fromVersion1];

/** The version a raw document claims: a bare array is version 0; otherwise its numeric `version` property. */
export function detectVersion(raw: unknown): number | undefined {
  if (Array.isArray(raw)) return 0;
  const versioned = z.looseObject({ version: z.number().int().nonnegative() }).safeParse(raw);
  return versioned.success ? versioned.data.version : undefined;
}

/** Applies every step from `version` up to the current version. */
export function migrateToCurrent(raw: unknown, version: number): unknown {
  return MIGRATIONS.slice(version).reduce((document, migrate) => migrate(document), raw);
}

export const SECRET_PROPERTY = 'apiToken';
/** The Brevo account's secret (docs/resolver-contract.md, "Brevo InstanceInput"). */
export const BREVO_SECRET_PROPERTY = 'apiKey';

const SECRET_PROPERTIES = [SECRET_PROPERTY, BREVO_SECRET_PROPERTY];

/** `items` without any secret property, noting `<list>.<index>.<property>` for every one removed. */
function withoutSecrets(items: unknown[], list: string, strippedPaths: string[]): unknown[] {
  return items.map((item, index) => {
    const record = RawObjectSchema.safeParse(item);
    if (!record.success) return item;
    const found = SECRET_PROPERTIES.filter((property) => property in record.data);
    if (found.length === 0) return item;
    strippedPaths.push(...found.map((property) => `${list}.${index}.${property}`));
    return Object.fromEntries(Object.entries(record.data).filter(([key]) => !found.includes(key)));
  });
}

/**
 * Removes `apiToken` and `apiKey` from every instance and Brevo account of a current-shape raw document and says where
 * they were found (the values are never returned). See parseConfigDocument for why this strips rather than rejects.
 */
export function stripSecrets(raw: unknown): { document: unknown; strippedPaths: string[] } {
  const shape = RawCurrentShapeSchema.safeParse(raw);
  if (!shape.success) return { document: raw, strippedPaths: [] };
  const strippedPaths: string[] = [];
  const instances = withoutSecrets(shape.data.instances, 'instances', strippedPaths);
  const { brevoAccounts } = shape.data;
  const document =
    brevoAccounts === undefined
      ? { ...shape.data, instances }
      : {
          ...shape.data,
          instances,
          brevoAccounts: withoutSecrets(brevoAccounts, 'brevoAccounts', strippedPaths),
        };
  return { document, strippedPaths };
}
