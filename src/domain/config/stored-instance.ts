// An instance as kept in the settings document and as shown to the admin page: strict and token-free, so a secret can
// never be stored in, or returned from, plain storage.
import { z } from 'zod';
import { StoredBaseUrlSchema } from './base-url';
import type { ValidInstanceInput } from './instance-input';
import { InstanceIdSchema } from './instance-id';
import { instanceKindError } from './instance-kind';
import { teamSupportSettingsRules, teamSupportSettingsShape } from './teamsupport-settings';
import { TimestampSchema } from './timestamp';

/**
 * An instance as kept in the `config` document. There is deliberately no `apiToken` property, and the object is
 * strict, so a token can never be written into (or read back from) the plain-text document: tokens live only in the
 * secret store under `secret:instance:<id>`.
 */
const storedTeamSupportShape = {
  id: InstanceIdSchema,
  kind: z.literal('teamsupport'),
  ...teamSupportSettingsShape,
  baseUrl: StoredBaseUrlSchema,
  createdAt: TimestampSchema,
  updatedAt: TimestampSchema,
};

export const StoredTeamSupportInstanceSchema = z
  .strictObject(storedTeamSupportShape)
  .superRefine(...teamSupportSettingsRules);

export const StoredInstanceSchema = z.discriminatedUnion('kind', [StoredTeamSupportInstanceSchema], {
  error: instanceKindError,
});

export type StoredInstance = z.output<typeof StoredInstanceSchema>;

/** What resolvers return to the admin page: the stored instance plus whether a token is on file, never the token. */
export const InstanceViewSchema = z.discriminatedUnion(
  'kind',
  [
    z
      .strictObject({ ...storedTeamSupportShape, hasToken: z.boolean() })
      .superRefine(...teamSupportSettingsRules),
  ],
  { error: instanceKindError },
);

export type InstanceView = z.output<typeof InstanceViewSchema>;

/**
 * Builds the record to store from validated input. The token is left behind on purpose (the caller writes it to the
 * secret store when present); `createdAt` survives updates.
 */
export function toStoredInstance(
  input: ValidInstanceInput,
  context: { id: string; now: Date; previous?: StoredInstance | undefined },
): StoredInstance {
  const { apiToken: _token, id: _inputId, ...settings } = input;
  const now = context.now.toISOString();
  return { ...settings, id: context.id, createdAt: context.previous?.createdAt ?? now, updatedAt: now };
}

export function toInstanceView(instance: StoredInstance, hasToken: boolean): InstanceView {
  return { ...instance, hasToken };
}
