// Saving a Brevo account into the `config` document: the settings in `brevoAccounts`, the API key in the secret store
// (written only there, reported only as `hasApiKey`), names unique across both kinds. The TeamSupport side is in
// config-repository.ts; the two share the document, the secret key layout and the rules of a save.
import { z } from 'zod';
import {
  toBrevoAccountView,
  toStoredBrevoAccount,
  validateBrevoAccountInput,
  type ConfigDocument,
  type ConfigIssue,
  type StoredBrevoAccount,
} from '../domain/config';
import type { Logger } from '../lib/logger';
import type { SaveBrevoAccountResult } from '../sync/records/config';
import type { ConfigDocumentStore } from './config-document-store';
import type { KvsCredentialStore } from './credential-store';
import type { Clock } from './time';

export interface BrevoAccountSaveDeps {
  documents: ConfigDocumentStore;
  credentials: KvsCredentialStore;
  logger: Logger;
  clock: Clock;
  newId: () => string;
}

/** Just enough of the input to find the account being updated; validateBrevoAccountInput checks the rest. */
const RequestedIdSchema = z.looseObject({ id: z.string() });

/** Every instance of either kind, by id and name: what a new name must differ from. */
export function allNamed(document: ConfigDocument): Array<{ id: string; name: string }> {
  return [...document.instances, ...document.brevoAccounts].map(({ id, name }) => ({ id, name }));
}

export async function saveBrevoAccount(
  deps: BrevoAccountSaveDeps,
  document: ConfigDocument,
  input: unknown,
  outside: readonly ConfigIssue[],
): Promise<SaveBrevoAccountResult> {
  const { documents, credentials } = deps;
  const accounts = document.brevoAccounts;
  const requested = RequestedIdSchema.safeParse(input);
  const previous = requested.success ? accounts.find((a) => a.id === requested.data.id) : undefined;
  // An update may leave the key out only while one is stored; otherwise saving would leave no credentials.
  const keyStored =
    previous === undefined ? false : (await credentials.getBrevoKey(previous.id)) !== undefined;
  const validation = validateBrevoAccountInput(
    input,
    allNamed(document),
    previous === undefined ? {} : { keyRequired: !keyStored },
  );
  if (!validation.ok || outside.length > 0) {
    return {
      ok: false,
      reason: 'invalid-input',
      issues: [...(validation.ok ? [] : validation.issues), ...outside],
    };
  }
  const { value } = validation;
  if (value.id !== undefined && previous === undefined) return { ok: false, reason: 'not-found' };

  const id = previous?.id ?? deps.newId();
  const stored = toStoredBrevoAccount(value, { id, now: deps.clock(), previous });
  if (value.apiKey !== undefined) await credentials.setToken(id, value.apiKey);
  try {
    await documents.write({ ...document, brevoAccounts: withAccount(accounts, stored, previous) });
  } catch (error) {
    // A new account that was not saved must not leave its key behind under an id nobody knows.
    if (previous === undefined && value.apiKey !== undefined) await forgetKey(deps, id);
    throw error;
  }
  const hasApiKey = value.apiKey !== undefined || keyStored;
  return { ok: true, instance: toBrevoAccountView(stored, hasApiKey), created: previous === undefined };
}

function withAccount(
  accounts: StoredBrevoAccount[],
  stored: StoredBrevoAccount,
  previous: StoredBrevoAccount | undefined,
): StoredBrevoAccount[] {
  return previous === undefined
    ? [...accounts, stored]
    : accounts.map((account) => (account.id === stored.id ? stored : account));
}

async function forgetKey(deps: BrevoAccountSaveDeps, id: string): Promise<void> {
  try {
    await deps.credentials.deleteToken(id);
  } catch (error) {
    deps.logger.error('Could not remove the API key of a Brevo account that was not saved', {
      instanceId: id,
      error,
    });
  }
}
