// One vocabulary for everything that can go wrong when talking to another system, so use cases decide by kind
// (retry, record and skip, pause the instance) instead of by status codes of a particular API.
export type FailureKind =
  | 'auth' // credentials rejected: an admin must fix the instance
  | 'permission' // the identity lacks a permission
  | 'not-found'
  | 'rate-limited' // retry after a delay
  | 'transient' // 5xx, network, timeout: retry with back-off
  | 'malformed' // the other side answered something we cannot parse
  | 'validation' // the other side refused our input: retrying the same input will not help
  | 'conflict';

/** The `system` of every storage failure (store/storage-errors): when storage fails, it fails for every item. */
export const STORAGE_SYSTEM = 'forge-storage';

export interface IntegrationErrorDetails {
  system: string;
  status?: number;
  retryAfterMs?: number;
  /** the other side provably did not apply the request: never sent, refused before any change, or a read */
  notApplied?: boolean;
  /** a write may have been applied although no usable answer came back: look for it before writing again */
  outcomeUnknown?: boolean;
  /** the other side's own words for the refusal (e.g. Jira's errorMessages), for showing where the input was typed */
  detail?: string;
}

export class IntegrationError extends Error {
  override readonly name = 'IntegrationError';

  constructor(
    readonly kind: FailureKind,
    message: string,
    readonly details: IntegrationErrorDetails = { system: 'unknown' },
  ) {
    super(message);
  }

  get retryable(): boolean {
    return this.kind === 'rate-limited' || this.kind === 'transient';
  }
}

/**
 * Whether a failed write may have happened on the other side (invariant 8: an unknown outcome is never retried
 * blindly). Only a request that was never sent, a read, or a 4xx refusal is provably without effect; a 5xx, a cut
 * connection, a timeout or an unreadable 2xx answer may follow a write that was applied. Anything that is not an
 * IntegrationError (a bug, a parse error of the answer) counts as unknown too.
 */
export function mayHaveApplied(error: unknown): boolean {
  if (!(error instanceof IntegrationError)) return true;
  if (error.details.outcomeUnknown) return true;
  if (error.details.notApplied) return false;
  const status = error.details.status;
  return !(status !== undefined && status >= 400 && status < 500 && status !== 408);
}

export function isIntegrationError(error: unknown): error is IntegrationError {
  return error instanceof IntegrationError;
}

/** A message safe to show an admin for any thrown value. */
export function describeError(error: unknown): string {
  if (error instanceof Error) return error.message;
  return typeof error === 'string' ? error : 'Unknown error';
}
