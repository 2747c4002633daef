// deleteInstance and countLinks. Deleting takes the instance's token, pull watermark and links with it (the store does
// that, idempotently). The Jira remote links of those links are left in place: removing them would cost one Jira write
// per link, without bound, inside a 25-second resolver, and they remain valid web links to the tickets.
import { fail, ok, type Envelope } from '../../lib/envelope';
import { asAdmin } from './access';
import type { AdminCall, AdminDeps } from './deps';
import { findAnyInstance, instanceIdPayload } from './instances';

export function deleteInstance(deps: AdminDeps, call: AdminCall): Promise<Envelope<Record<string, never>>> {
  return asAdmin(deps, call, instanceIdPayload, async ({ id }) => {
    const deleted = await deps.config.deleteInstance(id, { budget: deps.budget });
    if (!deleted.ok) {
      return fail('CONFIG_UNAVAILABLE', deleted.error.message, { reason: deleted.error.code });
    }
    deps.logger.info('An admin deleted an instance', {
      instanceId: id,
      accountId: call.accountId,
      ...deleted,
    });
    if (!deleted.complete) {
      // The instance is already out of the settings, so nothing syncs on it; its remaining links are removed by
      // calling again with the same id (each call removes as many as its time allows).
      return fail(
        'DELETE_INCOMPLETE',
        `The instance was deleted and ${deleted.linksRemoved} of its links were removed, but more remain. ` +
          'Delete again to remove the rest.',
        { id, linksRemoved: deleted.linksRemoved },
      );
    }
    if (!deleted.instanceRemoved && deleted.linksRemoved === 0) {
      return fail('NOT_FOUND', 'No instance has this id; it may have been deleted already.');
    }
    return ok({});
  });
}

export function countLinks(deps: AdminDeps, call: AdminCall): Promise<Envelope<{ links: number }>> {
  return asAdmin(deps, call, instanceIdPayload, async ({ id }) => {
    // A Brevo account has no links; it is asked anyway so that the answer stays the store's.
    const found = await findAnyInstance(deps.config, id);
    if (!found.ok) return found;
    return ok({ links: await deps.config.countLinks(id) });
  });
}
