// deleteInstance and countLinks. Deleting takes the instance's token, pull watermark and links with it (the store does
// that, idempotently). The Jira remote links of those links are left in place: removing them would cost one Jira write
// per link, without bound, inside a 25-second resolver, and they remain valid web links to the tickets.
import type { StoredInstance } from '../../domain/config';
import { fail, ok, type Envelope } from '../../lib/envelope';
import { describeError } from '../../lib/errors';
import { asAdmin } from './access';
import type { AdminCall, AdminDeps } from './deps';
import { findAnyInstance, instanceIdPayload } from './instances';

export function deleteInstance(deps: AdminDeps, call: AdminCall): Promise<Envelope<Record<string, never>>> {
  return asAdmin(deps, call, instanceIdPayload, async ({ id }) => {
    const found = await findAnyInstance(deps.config, id);
    const deleted = await deps.config.deleteInstance(id, { budget: deps.budget });
    if (!deleted.ok) {
      return fail('CONFIG_UNAVAILABLE', deleted.error.message, { reason: deleted.error.code });
    }
    if (found.ok && found.kind === 'teamsupport') await repairIssuesOf(deps, found.instance);
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

/**
 * The issues whose JQL fields name the deleted instance (sync/links-property.ts) are rewritten by a queued repair
 * run: there may be more than a resolver call can write, and the instance's links count no more from now on, even
 * those a cut-short delete leaves for the next call. If the run cannot be queued, the daily repair does it.
 */
async function repairIssuesOf(deps: AdminDeps, instance: StoredInstance): Promise<void> {
  try {
    await deps.repairLinks({ kind: 'instance', instanceId: instance.id, instanceName: instance.name });
  } catch (error) {
    deps.logger.warn('Could not queue the repair of the JQL fields of a deleted instance', {
      instanceId: instance.id,
      reason: describeError(error),
    });
  }
}

export function countLinks(deps: AdminDeps, call: AdminCall): Promise<Envelope<{ links: number }>> {
  return asAdmin(deps, call, instanceIdPayload, async ({ id }) => {
    // A Brevo account has no links; it is asked anyway so that the answer stays the store's.
    const found = await findAnyInstance(deps.config, id);
    if (!found.ok) return found;
    return ok({ links: await deps.config.countLinks(id) });
  });
}
