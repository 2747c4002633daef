// The admin page's "Push hints" section (issue 19): the web trigger's URL, whether the instance has a push-hint secret
// and since when, and "Create secret" / "Rotate secret", which answers the new secret once; it is never shown again
// (invariant 5, docs/architecture.md). A rotated secret takes effect at once: hints signed with the old one are refused.
import { ok, type Envelope } from '../../lib/envelope';
import { asAdmin } from './access';
import type { AdminCall, AdminDeps } from './deps';
import { findInstance, instanceIdPayload } from './instances';

export interface PushHintAdminDeps extends AdminDeps {
  hintSecrets: {
    getHintSecret(instanceId: string): Promise<{ secret: string; createdAt: string } | undefined>;
    setHintSecret(instanceId: string, hint: { secret: string; createdAt: string }): Promise<void>;
  };
  /** the push-hint web trigger's URL (the same for every instance: the hint names its instance) */
  webTriggerUrl(): Promise<string>;
  newSecret(): string;
}

export interface PushHintState {
  url: string;
  hasSecret: boolean;
  /** when the current secret was created; null without one */
  secretCreatedAt: string | null;
}

export interface NewPushHintSecret extends PushHintState {
  /** shown once */
  secret: string;
}

export function getPushHints(deps: PushHintAdminDeps, call: AdminCall): Promise<Envelope<PushHintState>> {
  return asAdmin(deps, call, instanceIdPayload, async ({ id }) => {
    const found = await findInstance(deps.config, id);
    if (!found.ok) return found;
    const [url, stored] = await Promise.all([deps.webTriggerUrl(), deps.hintSecrets.getHintSecret(id)]);
    return ok({ url, hasSecret: stored !== undefined, secretCreatedAt: stored?.createdAt ?? null });
  });
}

/** Creates the instance's secret, or replaces it. */
export function rotatePushHintSecret(
  deps: PushHintAdminDeps,
  call: AdminCall,
): Promise<Envelope<NewPushHintSecret>> {
  return asAdmin(deps, call, instanceIdPayload, async ({ id }) => {
    const found = await findInstance(deps.config, id);
    if (!found.ok) return found;
    const hint = { secret: deps.newSecret(), createdAt: deps.now().toISOString() };
    await deps.hintSecrets.setHintSecret(id, hint);
    deps.logger.info('A push-hint secret was created', { instanceId: id });
    return ok({ url: await deps.webTriggerUrl(), hasSecret: true, secretCreatedAt: hint.createdAt, ...hint });
  });
}
