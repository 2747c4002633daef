// Instance tokens and Brevo API keys in the KVS secret store (encrypted, not queryable), under `secret:instance:<id>`. Every token that
// passes through here is registered with the logger's secret registry, so no log line can print it afterwards.
// Only connectors receive a token (getToken); the admin side learns whether one exists (hasToken), never its value.
import { kvs } from '@forge/kvs';
import { z } from 'zod';
import type { Logger, SecretRegistry } from '../lib/logger';
import type { CredentialStore } from '../sync/ports';
import { secretKey } from './keys';
import { storageCall } from './storage-errors';
import { parseStored } from './stored-record';

const StoredTokenSchema = z.string().min(1);

export class KvsCredentialStore implements CredentialStore {
  constructor(
    private readonly logger: Logger,
    private readonly secrets: Pick<SecretRegistry, 'register'>,
  ) {}

  async getToken(instanceId: string): Promise<string | undefined> {
    const key = secretKey(instanceId);
    const raw = await storageCall('reading an instance token', () => kvs.getSecret<unknown>(key));
    if (raw === undefined) return undefined;
    if (typeof raw === 'string') this.secrets.register(raw);
    // parseStored logs the key and the issue only; the value never reaches the log.
    return parseStored(StoredTokenSchema, raw, { store: 'secret', key }, this.logger);
  }

  /**
   * A Brevo account's API key. It is kept exactly like a token, under `secret:instance:<accountId>` (ids are unique
   * across both kinds), so saving, masking and deleting are the same for both.
   */
  getBrevoKey(accountId: string): Promise<string | undefined> {
    return this.getToken(accountId);
  }

  async hasToken(instanceId: string): Promise<boolean> {
    return (await this.getToken(instanceId)) !== undefined;
  }

  async setToken(instanceId: string, token: string): Promise<void> {
    this.secrets.register(token);
    const key = secretKey(instanceId);
    await storageCall('saving an instance token', () => kvs.setSecret(key, token));
  }

  async deleteToken(instanceId: string): Promise<void> {
    const key = secretKey(instanceId);
    await storageCall('deleting an instance token', () => kvs.deleteSecret(key));
  }
}
