// The instance a panel call names, ready to talk to its ticket system: it must exist, sync, and have a token. Linking
// and searching ask the same, with the same words.
import type { StoredInstance } from '../../domain/config';
import { fail, type Failure } from '../../lib/envelope';
import type { TicketSystem } from '../ports/ticket-system';
import type { PanelDeps } from './deps';

export type OpenInstance = { ok: true; instance: StoredInstance; tickets: TicketSystem } | Failure;

export async function openInstance(deps: PanelDeps, instanceId: string): Promise<OpenInstance> {
  const config = await deps.config.read();
  if (!config.ok) return fail('CONFIG_UNAVAILABLE', config.error.message);
  const instance = config.document.instances.find((candidate) => candidate.id === instanceId);
  if (!instance) return fail('NOT_FOUND', 'This TeamSupport instance no longer exists; reload the panel.');
  if (!instance.active) {
    return fail(
      'INSTANCE_INACTIVE',
      `Synchronization is turned off for ${instance.name}; ask a Jira administrator to turn it on.`,
    );
  }
  const tickets = await deps.openTicketSystem(instance);
  if (!tickets) {
    return fail(
      'NO_CREDENTIALS',
      `${instance.name} has no API token; ask a Jira administrator to enter one in the app's settings.`,
    );
  }
  return { ok: true, instance, tickets };
}
