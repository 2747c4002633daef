// Instance configuration as the admin page sees it: settings in the `config` document, each token in the secret store
// (written only there, reported only as `hasToken`), and deletion that takes everything of the instance with it.
// Brevo accounts are saved by brevo-accounts.ts into the same document; listing and deleting cover both kinds.
//
// The document is one plain key, and plain keys have no conditional writes, so two admins saving at the same moment
// can lose one of the saves (last write wins). Admin saves are rare and the page reloads its state after saving; a
// lock would cost every save two more writes to guard against that.
import { randomUUID } from 'node:crypto';
import { z } from 'zod';
import {
  toBrevoAccountView,
  toInstanceView,
  toStoredInstance,
  validateInstanceInput,
  type StoredInstance,
} from '../domain/config';
import type { Budget } from '../lib/budget';
import type { Logger } from '../lib/logger';
import type { ConfigRepository } from '../sync/ports/config-repository';
import type { CursorStore } from '../sync/ports/cursor-store';
import type { LinkRepository } from '../sync/ports/link-repository';
import type {
  ConfigRead,
  DeleteInstanceResult,
  InstanceViewsRead,
  SaveBrevoAccountResult,
  SaveInstanceOptions,
  SaveInstanceResult,
} from '../sync/records/config';
import { allNamed, saveBrevoAccount } from './brevo-accounts';
import type { ConfigDocumentStore } from './config-document-store';
import type { KvsCredentialStore } from './credential-store';
import { isKeyPart } from './keys';
import type { Clock } from './time';

export interface ConfigRepositoryDeps {
  documents: ConfigDocumentStore;
  credentials: KvsCredentialStore;
  links: LinkRepository;
  cursors: CursorStore;
  logger: Logger;
  clock: Clock;
  /** ids of new instances; UUIDs fit the instance id pattern (letters, digits, '-') */
  newId?: () => string;
}

/** Just enough of the input to find the instance being updated; validateInstanceInput checks the rest. */
const RequestedIdSchema = z.looseObject({ id: z.string() });

export class KvsConfigRepository implements ConfigRepository {
  private readonly newId: () => string;

  constructor(private readonly deps: ConfigRepositoryDeps) {
    this.newId = deps.newId ?? randomUUID;
  }

  read(): Promise<ConfigRead> {
    return this.deps.documents.read();
  }

  async listInstanceViews(): Promise<InstanceViewsRead> {
    const read = await this.deps.documents.read();
    if (!read.ok) return read;
    const { credentials } = this.deps;
    const instances = await Promise.all(
      read.document.instances.map(async (instance) =>
        toInstanceView(instance, await credentials.hasToken(instance.id)),
      ),
    );
    const brevoAccounts = await Promise.all(
      read.document.brevoAccounts.map(async (account) =>
        toBrevoAccountView(account, (await credentials.getBrevoKey(account.id)) !== undefined),
      ),
    );
    return { ok: true, instances, brevoAccounts };
  }

  async saveInstance(input: unknown, options: SaveInstanceOptions = {}): Promise<SaveInstanceResult> {
    const { documents, credentials } = this.deps;
    const read = await documents.read();
    if (!read.ok) return { ok: false, reason: 'config-unavailable', error: read.error };
    const outside = options.issues ?? [];
    const { instances } = read.document;
    const requested = RequestedIdSchema.safeParse(input);
    const previous = requested.success ? instances.find((i) => i.id === requested.data.id) : undefined;
    // An update may leave the token out only while one is stored; otherwise saving would leave no credentials.
    const tokenStored = previous === undefined ? false : await credentials.hasToken(previous.id);
    const validation = validateInstanceInput(
      input,
      allNamed(read.document),
      previous === undefined ? {} : { tokenRequired: !tokenStored, previous },
    );
    if (!validation.ok || outside.length > 0) {
      const issues = [...(validation.ok ? [] : validation.issues), ...outside];
      return { ok: false, reason: 'invalid-input', issues };
    }
    const { value } = validation;
    if (value.id !== undefined && previous === undefined) return { ok: false, reason: 'not-found' };

    const id = previous?.id ?? this.newId();
    const stored = toStoredInstance(value, { id, now: this.deps.clock(), previous });
    if (value.apiToken !== undefined) await credentials.setToken(id, value.apiToken);
    try {
      await documents.write({ ...read.document, instances: this.withInstance(instances, stored, previous) });
    } catch (error) {
      // A new instance that was not saved must not leave its token behind under an id nobody knows.
      if (previous === undefined && value.apiToken !== undefined) await this.forgetToken(id);
      throw error;
    }
    const hasToken = value.apiToken !== undefined || tokenStored;
    return { ok: true, instance: toInstanceView(stored, hasToken), created: previous === undefined };
  }

  async saveBrevoAccount(input: unknown, options: SaveInstanceOptions = {}): Promise<SaveBrevoAccountResult> {
    const read = await this.deps.documents.read();
    if (!read.ok) return { ok: false, reason: 'config-unavailable', error: read.error };
    return saveBrevoAccount({ ...this.deps, newId: this.newId }, read.document, input, options.issues ?? []);
  }

  async deleteInstance(id: string, options: { budget?: Budget } = {}): Promise<DeleteInstanceResult> {
    const { documents, credentials, cursors, links, logger } = this.deps;
    const read = await documents.read();
    if (!read.ok) return { ok: false, reason: 'config-unavailable', error: read.error };
    // An id that cannot be part of a key was never stored, so there is nothing of it to remove.
    if (!isKeyPart(id)) return { ok: true, instanceRemoved: false, linksRemoved: 0, complete: true };
    const remaining = read.document.instances.filter((instance) => instance.id !== id);
    const brevoAccounts = read.document.brevoAccounts.filter((account) => account.id !== id);
    const instanceRemoved =
      remaining.length < read.document.instances.length ||
      brevoAccounts.length < read.document.brevoAccounts.length;
    // The instance leaves the document first, so no flow starts on it while the rest is cleaned up; the cleanup is
    // idempotent, so a delete cut short by a failure or the budget finishes when it is called again.
    if (instanceRemoved) await documents.write({ ...read.document, instances: remaining, brevoAccounts });
    await credentials.deleteToken(id);
    await cursors.clear(id);
    const removal = await links.removeByInstance(
      id,
      options.budget === undefined ? {} : { budget: options.budget },
    );
    logger.info('Deleted an instance', {
      instanceId: id,
      instanceRemoved,
      linksRemoved: removal.removed,
      complete: removal.complete,
    });
    return { ok: true, instanceRemoved, linksRemoved: removal.removed, complete: removal.complete };
  }

  async countLinks(instanceId: string): Promise<number> {
    return isKeyPart(instanceId) ? this.deps.links.countByInstance(instanceId) : 0;
  }

  private withInstance(
    instances: StoredInstance[],
    stored: StoredInstance,
    previous: StoredInstance | undefined,
  ): StoredInstance[] {
    return previous === undefined
      ? [...instances, stored]
      : instances.map((instance) => (instance.id === stored.id ? stored : instance));
  }

  private async forgetToken(id: string): Promise<void> {
    try {
      await this.deps.credentials.deleteToken(id);
    } catch (error) {
      this.deps.logger.error('Could not remove the token of an instance that was not saved', {
        instanceId: id,
        error,
      });
    }
  }
}
