// The `config` document in KVS. Reads go through parseConfigDocument: an outdated document is migrated, a leaked token
// is stripped, and either way the clean value is written straight back, because only the write-back actually removes
// the token from storage. A document that cannot be used (corrupt, or written by a newer build) is returned as an
// error value and logged, so every flow can report it instead of crashing.
import { kvs } from '@forge/kvs';
import { ConfigDocumentSchema, parseConfigDocument, type ConfigDocument } from '../domain/config';
import { isIntegrationError } from '../lib/errors';
import type { Logger } from '../lib/logger';
import type { ConfigRead } from '../sync/records/config';
import { CONFIG_KEY } from './keys';
import { storageCall } from './storage-errors';

export class ConfigDocumentStore {
  constructor(private readonly logger: Logger) {}

  async read(): Promise<ConfigRead> {
    const raw = await storageCall('reading the configuration', () => kvs.get<unknown>(CONFIG_KEY));
    const parsed = parseConfigDocument(raw);
    if (!parsed.ok) {
      this.logger.error('The stored configuration cannot be used', {
        code: parsed.error.code,
        reason: parsed.error.message,
        issues: parsed.error.code === 'INVALID_DOCUMENT' ? parsed.error.issues : undefined,
      });
      return { ok: false, error: parsed.error };
    }
    if (parsed.needsRewrite)
      await this.rewrite(parsed.value, parsed.migratedFrom, parsed.strippedSecretPaths);
    return { ok: true, document: parsed.value };
  }

  async write(document: ConfigDocument): Promise<void> {
    // Validated on the way in as well: a document this build cannot read back must never be stored.
    const valid = ConfigDocumentSchema.parse(document);
    await storageCall('saving the configuration', () => kvs.set(CONFIG_KEY, valid));
  }

  private async rewrite(
    document: ConfigDocument,
    migratedFrom: number | undefined,
    strippedSecretPaths: string[],
  ): Promise<void> {
    const fields = { migratedFrom, strippedSecretPaths };
    try {
      await this.write(document);
      this.logger.warn('Rewrote the stored configuration', fields);
    } catch (error) {
      // The flow can go on with the clean in-memory document; the next read tries the rewrite again.
      if (!isIntegrationError(error)) throw error;
      this.logger.error('Could not rewrite the stored configuration', { ...fields, error });
    }
  }
}
