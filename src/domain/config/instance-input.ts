// What the admin page may send to saveInstance, validated in one place so every broken rule is reported by field path
// (docs/resolver-contract.md, "TeamSupport InstanceInput").
import { z } from 'zod';
import { whenParsed } from './cross-field';
import { nameKey } from './duplicates';
import { InstanceIdSchema } from './instance-id';
import { instanceKindError } from './instance-kind';
import { secretSchema } from './secret-length';
import { issuesFromZodError, type ConfigIssue } from './issues';
import { teamSupportSettingsRules, teamSupportSettingsShape } from './teamsupport-settings';

const TOKEN_SOURCE = 'TeamSupport Admin → Integration → TeamSupport API';

/** Write-only: it goes to the secret store and is never part of a stored or returned instance. */
export const ApiTokenSchema = secretSchema({
  label: 'API token',
  paste: 'the token',
  noun: 'token',
  source: TOKEN_SOURCE,
});

export const TeamSupportInstanceInputSchema = z
  .strictObject({
    id: InstanceIdSchema.optional(),
    kind: z.literal('teamsupport'),
    ...teamSupportSettingsShape,
    apiToken: ApiTokenSchema.optional(),
  })
  .superRefine(...teamSupportSettingsRules);

/** What the admin page sends to `saveInstance`: the full settings of one instance (not a patch), token optional. */
export const InstanceInputSchema = z.discriminatedUnion('kind', [TeamSupportInstanceInputSchema], {
  error: instanceKindError,
});

/** The admin page's view of the contract: optional fields may be left out and get their defaults. */
export type InstanceInput = z.input<typeof InstanceInputSchema>;
/** After validation: trimmed, normalised, defaults filled in. */
export type ValidInstanceInput = z.output<typeof InstanceInputSchema>;

export type Validation<T> = { ok: true; value: T } | { ok: false; issues: ConfigIssue[] };

export interface InstanceInputOptions {
  /**
   * Whether `apiToken` must be present. Defaults to "creating" (no `id`). Pass `true` on an update when the secret
   * store holds no token for the instance, so that saving cannot leave an instance without credentials.
   */
  tokenRequired?: boolean;
  /**
   * Where the stored instance being updated points. A token belongs to one organization on one server: when the
   * input changes either, the stored token must not be sent there, so the input has to bring a new one.
   */
  previous?: { baseUrl: string; organizationId: string } | undefined;
}

/** Why the input must bring its own token although one is stored, if it must. */
function addressChange(
  instance: { baseUrl: string; organizationId: string },
  previous: InstanceInputOptions['previous'],
): string | undefined {
  if (previous === undefined) return undefined;
  if (instance.baseUrl !== previous.baseUrl) return 'the server address changed';
  if (instance.organizationId !== previous.organizationId) return 'the Organization ID changed';
  return undefined;
}

function findNameClash(
  candidate: { id?: string | undefined; name: string },
  others: readonly { id: string; name: string }[],
): boolean {
  const key = nameKey(candidate.name);
  return others.some((other) => other.id !== candidate.id && nameKey(other.name) === key);
}

/**
 * Validates an instance sent by the admin page against the instances already configured (`others` may include the
 * instance being updated; it is matched by id and skipped). All problems come back at once, addressed by path.
 */
export function validateInstanceInput(
  input: unknown,
  others: readonly { id: string; name: string }[],
  options: InstanceInputOptions = {},
): Validation<ValidInstanceInput> {
  const schema = InstanceInputSchema.superRefine(
    (instance, ctx) => {
      if (findNameClash(instance, others)) {
        ctx.addIssue({
          code: 'custom',
          path: ['name'],
          message: `Another instance is already named "${instance.name}" (names are compared ignoring case): choose a different name.`,
        });
      }
    },
    whenParsed(['id', 'name']),
  )
    .superRefine(
      (instance, ctx) => {
        const tokenRequired = options.tokenRequired ?? instance.id === undefined;
        if (tokenRequired && instance.apiToken === undefined) {
          ctx.addIssue({
            code: 'custom',
            path: ['apiToken'],
            message: `Enter the API token from ${TOKEN_SOURCE}: it is required because no token is stored for this instance yet.`,
          });
        }
      },
      whenParsed(['id', 'apiToken']),
    )
    .superRefine(
      (instance, ctx) => {
        const tokenRequired = options.tokenRequired ?? instance.id === undefined;
        // Without a stored token the rule above already asks for one.
        if (tokenRequired || instance.apiToken !== undefined) return;
        const change = addressChange(instance, options.previous);
        if (change === undefined) return;
        ctx.addIssue({
          code: 'custom',
          path: ['apiToken'],
          message: `Enter the API token again: ${change}.`,
        });
      },
      whenParsed(['id', 'apiToken', 'baseUrl', 'organizationId']),
    );
  const result = schema.safeParse(input);
  return result.success
    ? { ok: true, value: result.data }
    : { ok: false, issues: issuesFromZodError(result.error) };
}
