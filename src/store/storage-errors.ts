// Turns what @forge/kvs throws into the app's IntegrationError, so use cases decide by kind (retry a 429, record a
// refusal) the same way they do for Jira and the ticket system. Messages name the operation and the service's error
// code only: the SDK's own message or context can quote a key or a response body, and neither belongs in a log line.
import { ForgeKvsAPIError, ForgeKvsError } from '@forge/kvs';
import { IntegrationError, STORAGE_SYSTEM, type FailureKind } from '../lib/errors';

export { STORAGE_SYSTEM };

const RATE_LIMITED = 'RATE_LIMIT_EXCEEDED';
/** Codes that mean "the item is not in the state the write required" (FAIL_IF_EXISTS, transaction conditions). */
const CONFLICT_CODES = new Set(['KEY_ALREADY_EXISTS', 'CONDITIONAL_CHECK_FAILED']);

function kindOf(status: number, code: string): FailureKind {
  if (status === 429 || code === RATE_LIMITED) return 'rate-limited';
  if (status >= 500) return 'transient';
  if (status === 409 || CONFLICT_CODES.has(code)) return 'conflict';
  return 'validation';
}

/** An IntegrationError for a failed storage call; errors that did not come from the KVS SDK are returned as they are. */
export function toStorageError(error: unknown, operation: string): unknown {
  if (error instanceof IntegrationError) return error;
  if (error instanceof ForgeKvsAPIError) {
    const { status } = error.responseDetails;
    const kind = kindOf(status, error.code);
    const message =
      kind === 'rate-limited'
        ? `Forge storage rate limit exceeded during ${operation}; retry later.`
        : `Forge storage refused ${operation} (${error.code}, HTTP ${status}).`;
    return new IntegrationError(kind, message, { system: STORAGE_SYSTEM, status });
  }
  if (error instanceof ForgeKvsError) {
    return new IntegrationError('malformed', `Forge storage answered ${operation} unexpectedly.`, {
      system: STORAGE_SYSTEM,
    });
  }
  return error;
}

/** Runs one storage call, translating its failure (see toStorageError). */
export async function storageCall<T>(operation: string, call: () => Promise<T>): Promise<T> {
  try {
    return await call();
  } catch (error) {
    throw toStorageError(error, operation);
  }
}

/** Whether a storage failure was a failed transaction condition (someone else changed the item first). */
export function isConditionFailure(error: unknown): boolean {
  return error instanceof IntegrationError && error.kind === 'conflict';
}
