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

export class IntegrationError extends Error {
  override readonly name = 'IntegrationError';

  constructor(
    readonly kind: FailureKind,
    message: string,
    readonly details: { system: string; status?: number; retryAfterMs?: number } = { system: 'unknown' },
  ) {
    super(message);
  }

  get retryable(): boolean {
    return this.kind === 'rate-limited' || this.kind === 'transient';
  }
}

export function isIntegrationError(error: unknown): error is IntegrationError {
  return error instanceof IntegrationError;
}

/** A message safe to show an admin for any thrown value. */
export function describeError(error: unknown): string {
  if (error instanceof Error) return error.message;
  return typeof error === 'string' ? error : 'Unknown error';
}
