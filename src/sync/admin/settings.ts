// getSettings and saveInstance: the configured instances as the admin page edits them. Tokens are write-only
// (invariant 5): the views carry `hasToken`, and an update without `apiToken` keeps the stored one.
import { z } from 'zod';
import type { InstanceView } from '../../domain/config';
import { fail, invalidInput, ok, type Envelope } from '../../lib/envelope';
import { asAdmin } from './access';
import type { AdminCall, AdminDeps } from './deps';

export const getSettingsPayload = z.object({});

export const saveInstancePayload = z.object({
  instance: z.record(z.string(), z.unknown(), { error: 'Send the instance settings as an object.' }),
});

export function getSettings(
  deps: AdminDeps,
  call: AdminCall,
): Promise<Envelope<{ instances: InstanceView[] }>> {
  return asAdmin(deps, call, getSettingsPayload, async () => {
    const read = await deps.config.listInstanceViews();
    if (!read.ok) return fail('CONFIG_UNAVAILABLE', read.error.message, { reason: read.error.code });
    return ok({ instances: read.instances });
  });
}

export function saveInstance(
  deps: AdminDeps,
  call: AdminCall,
): Promise<Envelope<{ instance: InstanceView }>> {
  return asAdmin(deps, call, saveInstancePayload, async ({ instance }) => {
    const saved = await deps.config.saveInstance(instance);
    if (saved.ok) {
      deps.logger.info(saved.created ? 'An admin added an instance' : 'An admin changed an instance', {
        instanceId: saved.instance.id,
        accountId: call.accountId,
      });
      return ok({ instance: saved.instance });
    }
    switch (saved.reason) {
      case 'invalid-input':
        // Paths are relative to `instance`, the way the admin page names its form fields.
        return invalidInput(saved.issues, 'Some settings are not valid; see the fields marked.');
      case 'not-found':
        return fail(
          'NOT_FOUND',
          'This instance no longer exists (was it deleted meanwhile?); reload the page.',
        );
      case 'config-unavailable':
        return fail('CONFIG_UNAVAILABLE', saved.error.message, { reason: saved.error.code });
    }
  });
}
