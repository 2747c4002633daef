// A Brevo account as the admin page sends it, as kept in the settings document, and as shown back: strict and free of
// the API key, which lives only in the secret store (docs/resolver-contract.md, "Brevo InstanceInput").
import { z } from 'zod';
import { brevoSettingsRules, brevoSettingsShape } from './brevo-settings';
import { whenParsed } from './cross-field';
import { nameKey } from './duplicates';
import { InstanceIdSchema } from './instance-id';
import { issuesFromZodError } from './issues';
import type { Validation } from './instance-input';
import { secretSchema } from './secret-length';
import type { InstanceView } from './stored-instance';
import { TimestampSchema } from './timestamp';

const KEY_SOURCE = 'Brevo → SMTP & API → API keys';

/** Write-only: it goes to the secret store and is never part of a stored or returned account. */
export const BrevoApiKeySchema = secretSchema({
  label: 'API key',
  paste: 'a key',
  noun: 'key',
  source: KEY_SOURCE,
}).regex(/^\S+$/, `An API key has no spaces inside: copy it again from ${KEY_SOURCE}.`);

export const BrevoAccountInputSchema = z
  .strictObject({
    id: InstanceIdSchema.optional(),
    kind: z.literal('brevo'),
    ...brevoSettingsShape,
    apiKey: BrevoApiKeySchema.optional(),
  })
  .superRefine(...brevoSettingsRules);

/** What the admin page sends to `saveInstance` for a Brevo account: every setting (not a patch), key optional. */
export type BrevoAccountInput = z.input<typeof BrevoAccountInputSchema>;
export type ValidBrevoAccountInput = z.output<typeof BrevoAccountInputSchema>;

const storedBrevoShape = {
  id: InstanceIdSchema,
  kind: z.literal('brevo'),
  ...brevoSettingsShape,
  createdAt: TimestampSchema,
  updatedAt: TimestampSchema,
};

/** No `apiKey` property and a strict object: the key can never be written into, or read from, the plain document. */
export const StoredBrevoAccountSchema = z.strictObject(storedBrevoShape).superRefine(...brevoSettingsRules);

export type StoredBrevoAccount = z.output<typeof StoredBrevoAccountSchema>;

/** What resolvers return: the stored account plus whether a key is on file, never the key. */
export const BrevoAccountViewSchema = z
  .strictObject({ ...storedBrevoShape, hasApiKey: z.boolean() })
  .superRefine(...brevoSettingsRules);

export type BrevoAccountView = z.output<typeof BrevoAccountViewSchema>;

export interface BrevoAccountInputOptions {
  /**
   * Whether `apiKey` must be present. Defaults to "creating" (no `id`). Pass `true` on an update when the secret store
   * holds no key for the account, so that saving cannot leave an account without credentials.
   */
  keyRequired?: boolean;
}

/**
 * Validates a Brevo account sent by the admin page against every configured instance of either kind (`others` may
 * include the account being updated; it is matched by id and skipped). All problems come back at once, by path.
 */
export function validateBrevoAccountInput(
  input: unknown,
  others: readonly { id: string; name: string }[],
  options: BrevoAccountInputOptions = {},
): Validation<ValidBrevoAccountInput> {
  const schema = BrevoAccountInputSchema.superRefine(
    (account, ctx) => {
      const key = nameKey(account.name);
      if (others.some((other) => other.id !== account.id && nameKey(other.name) === key)) {
        ctx.addIssue({
          code: 'custom',
          path: ['name'],
          message: `Another instance is already named "${account.name}" (names are compared ignoring case, across TeamSupport instances and Brevo accounts): choose a different name.`,
        });
      }
    },
    whenParsed(['id', 'name']),
  ).superRefine(
    (account, ctx) => {
      const keyRequired = options.keyRequired ?? account.id === undefined;
      if (keyRequired && account.apiKey === undefined) {
        ctx.addIssue({
          code: 'custom',
          path: ['apiKey'],
          message: `Enter an API key from ${KEY_SOURCE}: it is required because no key is stored for this account yet.`,
        });
      }
    },
    whenParsed(['id', 'apiKey']),
  );
  const result = schema.safeParse(input);
  return result.success
    ? { ok: true, value: result.data }
    : { ok: false, issues: issuesFromZodError(result.error) };
}

/** The record to store: the key is left behind (the caller writes it to the secret store); `createdAt` survives. */
export function toStoredBrevoAccount(
  input: ValidBrevoAccountInput,
  context: { id: string; now: Date; previous?: StoredBrevoAccount | undefined },
): StoredBrevoAccount {
  const { apiKey: _key, id: _inputId, jql, ...settings } = input;
  const now = context.now.toISOString();
  return {
    ...settings,
    ...(jql === undefined ? {} : { jql }),
    id: context.id,
    createdAt: context.previous?.createdAt ?? now,
    updatedAt: now,
  };
}

/** An instance of either kind as the admin page sees it: `kind` tells them apart. */
export type AnyInstanceView = InstanceView | BrevoAccountView;

export function toBrevoAccountView(account: StoredBrevoAccount, hasApiKey: boolean): BrevoAccountView {
  return { ...account, hasApiKey };
}
