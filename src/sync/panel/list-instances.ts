// listInstances: the ticket-system instances the panel can link to (the link form's choice), without any setting
// beyond what the form shows.
import { z } from 'zod';
import { fail, ok, parseInput, type Envelope } from '../../lib/envelope';
import { checkIssueAccess } from './access';
import type { PanelCall, PanelDeps } from './deps';

export const listInstancesPayload = z.object({});

export interface InstanceChoice {
  id: string;
  name: string;
  kind: string;
  active: boolean;
}

export async function listInstances(
  deps: PanelDeps,
  call: PanelCall,
): Promise<Envelope<{ instances: InstanceChoice[] }>> {
  const denied = await checkIssueAccess(deps, call.issue, 'browse');
  if (denied) return denied;
  const input = parseInput(listInstancesPayload, call.payload);
  if (!input.ok) return input;
  const config = await deps.config.read();
  if (!config.ok) return fail('CONFIG_UNAVAILABLE', config.error.message);
  return ok({
    instances: config.document.instances.map(({ id, name, kind, active }) => ({ id, name, kind, active })),
  });
}
