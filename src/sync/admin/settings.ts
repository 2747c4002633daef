// getSettings and saveInstance: the configured instances as the admin page edits them, TeamSupport instances and Brevo
// accounts alike (`kind` tells them apart). Secrets are write-only (invariant 5): the views carry `hasToken` or
// `hasApiKey`, and an update without `apiToken` / `apiKey` keeps the stored one.
import { z } from 'zod';
import type { AnyInstanceView } from '../../domain/config';
import { fail, invalidInput, ok, type Envelope, type Failure } from '../../lib/envelope';
import type { SaveResult } from '../records/config';
import { asAdmin } from './access';
import { jqlIssues } from './brevo-jql';
import type { AdminCall, AdminDeps } from './deps';
import { withRequestUsage } from './request-usage';

export const getSettingsPayload = z.object({});

export const saveInstancePayload = z.object({
  instance: z.record(z.string(), z.unknown(), { error: 'Send the instance settings as an object.' }),
});

export function getSettings(
  deps: AdminDeps,
  call: AdminCall,
): Promise<Envelope<{ instances: AnyInstanceView[] }>> {
  return asAdmin(deps, call, getSettingsPayload, async () => {
    const read = await deps.config.listInstanceViews();
    if (!read.ok) return fail('CONFIG_UNAVAILABLE', read.error.message, { reason: read.error.code });
    // Each TeamSupport instance carries its metered requests of the last 24 hours (sync/admin/request-usage.ts).
    const instances = await withRequestUsage(deps, read.instances);
    return ok({ instances: [...instances, ...read.brevoAccounts] });
  });
}

const BrevoKindSchema = z.looseObject({ kind: z.literal('brevo') });
/** Only to find the stored filter; a malformed id is reported by the account's validation. */
const RequestedIdSchema = z.looseObject({ id: z.string() });

/** A Brevo account's save: its JQL filter is checked with Jira first, and Jira's verdict joins the other problems. */
async function saveBrevo(
  deps: AdminDeps,
  input: Record<string, unknown>,
  id: string | undefined,
): Promise<SaveResult<AnyInstanceView> | { ok: false; reason: 'upstream'; failure: Failure }> {
  const read = await deps.config.read();
  const stored = read.ok ? read.document.brevoAccounts.find((account) => account.id === id) : undefined;
  const jql = await jqlIssues(deps.jira, input, stored);
  if (!jql.ok) return { ok: false, reason: 'upstream', failure: jql };
  return deps.config.saveBrevoAccount(input, { issues: jql.issues });
}

export function saveInstance(
  deps: AdminDeps,
  call: AdminCall,
): Promise<Envelope<{ instance: AnyInstanceView }>> {
  return asAdmin(deps, call, saveInstancePayload, async ({ instance }) => {
    const requested = RequestedIdSchema.safeParse(instance);
    const saved = BrevoKindSchema.safeParse(instance).success
      ? await saveBrevo(deps, instance, requested.success ? requested.data.id : undefined)
      : await deps.config.saveInstance(instance);
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
      case 'upstream':
        return saved.failure;
    }
  });
}
