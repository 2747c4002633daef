// Where push-hint secrets are kept (issue 19): the secret store, beside the instance's token (store/credential-store.ts).
// Built here so that the web trigger and the admin page's resolvers use the one adapter, registered for masking, and
// the admin page learns the trigger's URL.
import { randomBytes } from 'node:crypto';
import { webTrigger } from '@forge/api';
import { logger, registerSecret } from '../lib/logger';
import { KvsCredentialStore } from '../store/credential-store';
import type { AdminDeps } from '../sync/admin/deps';
import type { PushHintAdminDeps } from '../sync/admin/push-hints';

/** The web trigger's key in manifest.yml. */
export const PUSH_HINT_TRIGGER = 'push-hint';

export function hintSecrets(): Pick<KvsCredentialStore, 'getHintSecret' | 'setHintSecret'> {
  return new KvsCredentialStore(logger, { register: registerSecret });
}

/** The admin page's ports with the push-hint secrets and the web trigger's URL beside them. */
export function withPushHints(deps: AdminDeps): PushHintAdminDeps {
  return {
    ...deps,
    hintSecrets: hintSecrets(),
    webTriggerUrl: () => webTrigger.getUrl(PUSH_HINT_TRIGGER),
    // 32 random bytes: as strong as the HMAC-SHA256 key can use.
    newSecret: () => randomBytes(32).toString('base64url'),
  };
}
