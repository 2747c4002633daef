// Write patterns shared by the entity stores: create-if-absent (the atomic claim behind links and the mirror ledger)
// and bulk removal in batches of 25.
import { kvs } from '@forge/kvs';
import { isIntegrationError } from '../lib/errors';
import { isConditionFailure, storageCall, toStorageError } from './storage-errors';

const BATCH_SIZE = 25;

/**
 * Writes `value` under `key` only if no item exists there; false when one does. Of any number of concurrent calls
 * for one key, exactly one gets true. The service's error code for an existing key is not documented, so a refusal
 * that is not plainly a conflict is settled by a (strongly consistent) read.
 */
export async function createIfAbsent(
  entityName: string,
  key: string,
  value: object,
  operation: string,
): Promise<boolean> {
  try {
    await kvs.entity<object>(entityName).set(key, value, { keyPolicy: 'FAIL_IF_EXISTS' });
    return true;
  } catch (error) {
    const failure = toStorageError(error, operation);
    if (!isIntegrationError(failure) || failure.retryable) throw failure;
    if (failure.kind === 'conflict') return false;
    const existing = await storageCall(operation, () => kvs.entity<unknown>(entityName).get(key));
    if (existing !== undefined) return false;
    throw failure;
  }
}

/** Removes the items (a missing one is not an error) and returns how many were removed. */
export async function removeAll(
  entityName: string,
  keys: readonly string[],
  operation: string,
): Promise<number> {
  let removed = 0;
  for (let start = 0; start < keys.length; start += BATCH_SIZE) {
    const batch = keys.slice(start, start + BATCH_SIZE).map((key) => ({ key, entityName }));
    const result = await storageCall(operation, () => kvs.batchDelete(batch));
    removed += result.successfulKeys.length;
    // Batches are best effort: an item that failed for any reason but absence is deleted on its own, so that a
    // real failure (429, 5xx) surfaces as an error instead of being skipped.
    for (const failed of result.failedKeys) {
      if (failed.error.code === 'KEY_NOT_FOUND') continue;
      await storageCall(operation, () => kvs.entity(entityName).delete(failed.key));
      removed += 1;
    }
  }
  return removed;
}

type Transaction = ReturnType<typeof kvs.transact>;

/**
 * Runs a transaction whose operations carry conditions; false when a condition did not hold (someone changed or
 * removed the item first), so callers can treat a lost race as an outcome rather than an error.
 */
export async function transactIfHolds(
  operation: string,
  build: (tx: Transaction) => Transaction,
): Promise<boolean> {
  try {
    await storageCall(operation, () => build(kvs.transact()).execute());
    return true;
  } catch (error) {
    if (isConditionFailure(error)) return false;
    throw error;
  }
}
