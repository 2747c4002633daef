// The links-property repair's runs (sync/links-repair/run.ts) under the plain key `links-repair:<walk>`: one small
// record per walk (`all`, or `instance-<id>`) holding where the run stands, written after every page and removed when
// the run ends.
import { kvs } from '@forge/kvs';
import { IntegrationError } from '../lib/errors';
import type { Logger } from '../lib/logger';
import { repairProgressSchema, type RepairProgress, type RepairRunStore } from '../sync/links-repair/run';
import { isKeyPart } from './keys';
import { STORAGE_SYSTEM, storageCall } from './storage-errors';
import { parseStored } from './stored-record';

export function repairRunKey(walk: string): string {
  if (!isKeyPart(walk)) {
    throw new IntegrationError('validation', "A repair walk's name cannot be used in a storage key.", {
      system: STORAGE_SYSTEM,
    });
  }
  return `links-repair:${walk}`;
}

export class KvsRepairRunStore implements RepairRunStore {
  constructor(private readonly logger: Logger) {}

  /** undefined when no run is going, or when the stored record is corrupt (logged): the next run starts afresh */
  async load(walk: string): Promise<RepairProgress | undefined> {
    const key = repairRunKey(walk);
    const raw = await storageCall('reading a links repair run', () => kvs.get<unknown>(key));
    return raw === undefined
      ? undefined
      : parseStored(repairProgressSchema, raw, { store: 'plain', key }, this.logger);
  }

  async save(walk: string, progress: RepairProgress): Promise<void> {
    const key = repairRunKey(walk);
    const value = repairProgressSchema.parse(progress);
    await storageCall('saving a links repair run', () => kvs.set(key, value));
  }

  async remove(walk: string): Promise<void> {
    const key = repairRunKey(walk);
    await storageCall('removing a links repair run', () => kvs.delete(key));
  }
}
