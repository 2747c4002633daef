// The admin page's push-hint calls (issue 19; docs/resolver-contract.md, "Admin page resolver"): the web trigger's URL
// and whether a TeamSupport instance has a push-hint secret (getPushHints), and "Create secret" / "Rotate secret"
// (rotatePushHintSecret), whose answer is the only one that ever carries the secret.
import { z } from 'zod';
import { callResolver } from '../../shared/resolver';

export const PushHintStateSchema = z.object({
  url: z.string(),
  hasSecret: z.boolean(),
  /** when the current secret was created; null without one */
  secretCreatedAt: z.string().nullable(),
});
export type PushHintState = z.infer<typeof PushHintStateSchema>;

export const NewPushHintSecretSchema = PushHintStateSchema.extend({
  hasSecret: z.literal(true),
  secretCreatedAt: z.string(),
  secret: z.string().min(1),
});
export type NewPushHintSecret = z.infer<typeof NewPushHintSecretSchema>;

export function getPushHints(id: string) {
  return callResolver('getPushHints', { id }, PushHintStateSchema);
}

export function rotatePushHintSecret(id: string) {
  return callResolver('rotatePushHintSecret', { id }, NewPushHintSecretSchema);
}
