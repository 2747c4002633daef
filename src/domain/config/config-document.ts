// The one stored settings document (KVS key `config`): versioned, validated on every read and write and free of
// secrets, so a bad or outdated document is caught before any sync runs on it.
import { z } from 'zod';
import { StoredBrevoAccountSchema } from './brevo-account';
import { CONFIG_DOCUMENT_VERSION, detectVersion, migrateToCurrent, stripSecrets } from './config-migrations';
import { forEachDuplicate, nameKey } from './duplicates';
import { issuesFromZodError, type ConfigIssue } from './issues';
import { StoredInstanceSchema } from './stored-instance';

export { CONFIG_DOCUMENT_VERSION };

/**
 * The `config` key in KVS: every configured instance, without secrets. Validated on every read and write.
 * TeamSupport instances are `instances` (every ticket-system flow reads that list); Brevo accounts are
 * `brevoAccounts`. Ids and names are unique across both lists: an id keys the secret store and the sync log, and a
 * name is how the admin page and the log tell instances apart.
 */
export const ConfigDocumentSchema = z
  .strictObject({
    version: z.literal(CONFIG_DOCUMENT_VERSION, { error: `version must be ${CONFIG_DOCUMENT_VERSION}.` }),
    instances: z.array(StoredInstanceSchema, { error: 'instances must be a list.' }),
    brevoAccounts: z.array(StoredBrevoAccountSchema, { error: 'brevoAccounts must be a list.' }),
  })
  .superRefine((document, ctx) => {
    const all = [
      ...document.instances.map((item, index) => ({ item, path: ['instances', index] })),
      ...document.brevoAccounts.map((item, index) => ({ item, path: ['brevoAccounts', index] })),
    ];
    forEachDuplicate(
      all,
      (entry) => entry.item.id,
      (index) => {
        ctx.addIssue({
          code: 'custom',
          path: [...(all[index]?.path ?? []), 'id'],
          message: 'Instance ids must be unique.',
        });
      },
    );
    forEachDuplicate(
      all,
      (entry) => nameKey(entry.item.name),
      (index) => {
        ctx.addIssue({
          code: 'custom',
          path: [...(all[index]?.path ?? []), 'name'],
          message: 'Instance names must be unique (ignoring case).',
        });
      },
    );
  });

export type ConfigDocument = z.output<typeof ConfigDocumentSchema>;

export function emptyConfigDocument(): ConfigDocument {
  return { version: CONFIG_DOCUMENT_VERSION, instances: [], brevoAccounts: [] };
}

export type ConfigDocumentError =
  /** Written by a newer build: reading it with older rules and saving would drop what this build does not know. */
  | { code: 'UNSUPPORTED_VERSION'; message: string; version: number }
  | { code: 'INVALID_DOCUMENT'; message: string; issues: ConfigIssue[] };

export type ParsedConfigDocument =
  | {
      ok: true;
      value: ConfigDocument;
      /** The version the stored document had, when it was older than the current one. */
      migratedFrom: number | undefined;
      /** Where secrets were found and removed (paths only, never values). */
      strippedSecretPaths: string[];
      /** Write `value` back now: the stored document is outdated or holds a secret. */
      needsRewrite: boolean;
    }
  | { ok: false; error: ConfigDocumentError };

/**
 * Reads the stored `config` value (`undefined` = nothing saved yet) into the current document version.
 *
 * A token found in the document is stripped, not rejected. The document is written only by this app, so a token in
 * it is a leak from a bug or an old build, not an admin's typo. Rejecting would stop every sync and lock the admin
 * page while leaving the token readable in storage; stripping keeps the app working, reports where the token was,
 * and asks the caller to write the clean document back, which is what actually removes the secret. The write side
 * stays strict: StoredInstanceSchema has no `apiToken`, so this app cannot put one there.
 */
export function parseConfigDocument(raw: unknown): ParsedConfigDocument {
  if (raw === undefined) {
    return {
      ok: true,
      value: emptyConfigDocument(),
      migratedFrom: undefined,
      strippedSecretPaths: [],
      needsRewrite: false,
    };
  }
  const version = detectVersion(raw);
  if (version === undefined) {
    return {
      ok: false,
      error: {
        code: 'INVALID_DOCUMENT',
        message: 'The stored configuration has no recognisable version.',
        issues: [
          {
            path: 'version',
            message: `Expected a document with version ${CONFIG_DOCUMENT_VERSION} (or a version-0 list).`,
          },
        ],
      },
    };
  }
  if (version > CONFIG_DOCUMENT_VERSION) {
    return {
      ok: false,
      error: {
        code: 'UNSUPPORTED_VERSION',
        message: `The stored configuration has version ${version}, written by a newer build of the app (this build reads up to version ${CONFIG_DOCUMENT_VERSION}).`,
        version,
      },
    };
  }
  const { document, strippedPaths } = stripSecrets(migrateToCurrent(raw, version));
  const result = ConfigDocumentSchema.safeParse(document);
  if (!result.success) {
    return {
      ok: false,
      error: {
        code: 'INVALID_DOCUMENT',
        message:
          version < CONFIG_DOCUMENT_VERSION
            ? `The stored configuration (version ${version}) could not be migrated to version ${CONFIG_DOCUMENT_VERSION}.`
            : 'The stored configuration is invalid.',
        issues: issuesFromZodError(result.error),
      },
    };
  }
  const migratedFrom = version < CONFIG_DOCUMENT_VERSION ? version : undefined;
  return {
    ok: true,
    value: result.data,
    migratedFrom,
    strippedSecretPaths: strippedPaths,
    needsRewrite: migratedFrom !== undefined || strippedPaths.length > 0,
  };
}
