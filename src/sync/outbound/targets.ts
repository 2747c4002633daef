// Resolves the links of an issue into the tickets a job must reach: only links on active instances, each with one
// ticket-system client per instance (its lookups are cached for the invocation).
import type { StoredInstance } from '../../domain/config';
import type { JobResult } from '../job-result';
import { linkEntry } from '../log-entry';
import type { TicketSystem } from '../ports/ticket-system';
import type { Link } from '../records/link';
import type { OutboundDeps, OutboundTarget } from './deps';

/**
 * Runs `work` on the tickets a job of one issue must reach (only the link `only` names: one link's "Retry"). When
 * the configuration cannot be read the job comes back later.
 */
export async function onTargets(
  deps: OutboundDeps,
  job: { issueId: string; only?: { instanceId: string; ticketId: string } | undefined },
  work: (targets: OutboundTarget[]) => Promise<JobResult>,
): Promise<JobResult> {
  const { issueId, only } = job;
  const links = (await deps.links.listByIssue(issueId)).filter(
    (link) => !only || (link.instanceId === only.instanceId && link.ticketId === only.ticketId),
  );
  if (links.length === 0) return work([]);
  const config = await deps.config.read();
  if (!config.ok)
    return { status: 'retry', reason: `the configuration cannot be read: ${config.error.message}` };
  const instances = new Map(config.document.instances.map((instance) => [instance.id, instance]));
  return work(await targetsOfLinks(deps, links, instances, 'outbound'));
}

/**
 * The targets of `links` on the active instances among `instances`, with one ticket-system client per instance
 * (pass `clients` to share them across calls). A link whose instance has no API token is logged under `operation`.
 */
export async function targetsOfLinks(
  deps: Pick<OutboundDeps, 'openTicketSystem' | 'log'>,
  links: readonly Link[],
  instances: ReadonlyMap<string, StoredInstance>,
  operation: string,
  clients = new Map<string, Promise<TicketSystem | undefined>>(),
): Promise<OutboundTarget[]> {
  const targets: OutboundTarget[] = [];
  for (const link of links) {
    const instance = instances.get(link.instanceId);
    // Inactive or removed instances do nothing: the admin turned sync off for them.
    if (!instance?.active) continue;
    let client = clients.get(instance.id);
    if (!client) {
      client = deps.openTicketSystem(instance);
      clients.set(instance.id, client);
    }
    const tickets = await client;
    if (!tickets) {
      await deps.log.append(
        linkEntry(link, {
          level: 'error',
          operation,
          message: `Instance "${instance.name}" has no API token: enter it on the app's settings page.`,
        }),
      );
      continue;
    }
    targets.push({ link, instance, tickets });
  }
  return targets;
}
