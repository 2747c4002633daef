// Finding the instance an admin call names, with the failures every such call answers the same way.
import { z } from 'zod';
import type { StoredInstance } from '../../domain/config';
import { InstanceIdParamSchema } from '../../domain/ids';
import { fail, type Failure } from '../../lib/envelope';
import type { ConfigRepository } from '../ports';

/** The payload of calls that name one instance. */
export const instanceIdPayload = z.object({ id: InstanceIdParamSchema });

export async function findInstance(
  config: ConfigRepository,
  id: string,
): Promise<{ ok: true; instance: StoredInstance } | Failure> {
  const read = await config.read();
  if (!read.ok) return fail('CONFIG_UNAVAILABLE', read.error.message, { reason: read.error.code });
  const instance = read.document.instances.find((candidate) => candidate.id === id);
  return instance ? { ok: true, instance } : fail('NOT_FOUND', 'No instance has this id; reload the page.');
}
