// Instance tokens and Brevo API keys in the KVS secret store (encrypted, not queryable), under `secret:instance:<id>`. Every token that
// passes through here is registered with the logger's secret registry, so no log line can print it afterwards.
// Only connectors receive a token (getToken); the admin side learns whether one exists (hasToken), never its value.
import { kvs } from '@forge/kvs';
import { z } from 'zod';
import type { Logger, SecretRegistry } from '../lib/logger';
import type { CredentialStore } from '../sync/ports/credential-store';
import { secretKey } from './keys';
import { storageCall } from './storage-errors';
import { parseStored } from './stored-record';

const StoredTokenSchema = z.string().min(1);

/** An instance's push-hint secret (issue 19), with when it was made: the admin page shows that, never the secret. */
const StoredHintSecretSchema = z.object({ secret: z.string().min(32), createdAt: z.iso.datetime() });
export type PushHintSecret = z.infer<typeof StoredHintSecretSchema>;

/** `secret:push-hint:<instanceId>`, beside the instance's token under `secret:instance:<instanceId>`. */
function hintSecretKey(instanceId: string): string {
  return secretKey(instanceId).replace(/^secret:instance:/, 'secret:push-hint:');
}

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

  async getHintSecret(instanceId: string): Promise<PushHintSecret | undefined> {
    const key = hintSecretKey(instanceId);
    const raw = await storageCall('reading a push-hint secret', () => kvs.getSecret<unknown>(key));
    if (raw === undefined) return undefined;
    const stored = parseStored(StoredHintSecretSchema, raw, { store: 'secret', key }, this.logger);
    if (stored !== undefined) this.secrets.register(stored.secret);
    return stored;
  }

  async setHintSecret(instanceId: string, hint: PushHintSecret): Promise<void> {
    this.secrets.register(hint.secret);
    const key = hintSecretKey(instanceId);
    await storageCall('saving a push-hint secret', () =>
      kvs.setSecret(key, StoredHintSecretSchema.parse(hint)),
    );
  }

  async deleteToken(instanceId: string): Promise<void> {
    const key = secretKey(instanceId);
    await storageCall('deleting an instance token', () => kvs.deleteSecret(key));
  }
}
