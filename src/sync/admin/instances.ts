// Finding the instance (or Brevo account) an admin call names, with the failures every such call answers the same way.
import { z } from 'zod';
import type { StoredBrevoAccount, StoredInstance } from '../../domain/config';
import { InstanceIdParamSchema } from '../../domain/ids';
import { fail, type Failure } from '../../lib/envelope';
import type { ConfigRepository } from '../ports/config-repository';

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

export type FoundInstance =
  | { ok: true; kind: 'teamsupport'; instance: StoredInstance }
  | { ok: true; kind: 'brevo'; account: StoredBrevoAccount };

/** The TeamSupport instance or Brevo account with this id, for calls that take either kind. */
export async function findAnyInstance(
  config: ConfigRepository,
  id: string,
): Promise<FoundInstance | Failure> {
  const read = await config.read();
  if (!read.ok) return fail('CONFIG_UNAVAILABLE', read.error.message, { reason: read.error.code });
  const instance = read.document.instances.find((candidate) => candidate.id === id);
  if (instance) return { ok: true, kind: 'teamsupport', instance };
  const account = read.document.brevoAccounts.find((candidate) => candidate.id === id);
  if (account) return { ok: true, kind: 'brevo', account };
  return fail('NOT_FOUND', 'No instance has this id; reload the page.');
}

/** The Brevo account with this id (a TeamSupport instance's id is NOT_FOUND here). */
export async function findBrevoAccount(
  config: ConfigRepository,
  id: string,
): Promise<{ ok: true; account: StoredBrevoAccount } | Failure> {
  const found = await findAnyInstance(config, id);
  if (!found.ok) return found;
  return found.kind === 'brevo'
    ? { ok: true, account: found.account }
    : fail('NOT_FOUND', 'No Brevo account has this id; reload the page.');
}
