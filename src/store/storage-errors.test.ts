// How KVS failures become storage errors without repeating the service's message.
import { ForgeKvsAPIError, ForgeKvsError } from '@forge/kvs';
import { IntegrationError } from '../lib/errors';
import { isConditionFailure, storageCall, toStorageError } from './storage-errors';

function apiError(status: number, code: string, message = 'service message'): ForgeKvsAPIError {
  return new ForgeKvsAPIError({ status, statusText: '' }, { code, message });
}

describe('toStorageError', () => {
  it.each([
    [429, 'RATE_LIMIT_EXCEEDED', 'rate-limited', true],
    [400, 'RATE_LIMIT_EXCEEDED', 'rate-limited', true],
    [500, 'INTERNAL_SERVER_ERROR', 'transient', true],
    [503, 'SERVICE_UNAVAILABLE', 'transient', true],
    [409, 'KEY_ALREADY_EXISTS', 'conflict', false],
    [400, 'CONDITIONAL_CHECK_FAILED', 'conflict', false],
    [400, 'MAX_SIZE', 'validation', false],
    [400, 'INVALID_KEY', 'validation', false],
  ] as const)('maps HTTP %i %s to %s', (status, code, kind, retryable) => {
    const error = toStorageError(apiError(status, code), 'saving a link');
    expect(error).toBeInstanceOf(IntegrationError);
    expect(error).toMatchObject({ kind, retryable, details: { system: 'forge-storage', status } });
  });

  it("never repeats the service's message, which may quote keys or bodies", () => {
    const error = toStorageError(apiError(400, 'MAX_SIZE', 'value "secret-ish" too big'), 'saving a link');
    expect(error).toMatchObject({ message: 'Forge storage refused saving a link (MAX_SIZE, HTTP 400).' });
  });

  it('maps other SDK failures to malformed and leaves foreign errors alone', () => {
    expect(toStorageError(new ForgeKvsError('Unexpected response'), 'x')).toMatchObject({
      kind: 'malformed',
    });
    const foreign = new TypeError('bug');
    expect(toStorageError(foreign, 'x')).toBe(foreign);
  });

  it('recognises a failed condition', async () => {
    const failure = await storageCall('x', () =>
      Promise.reject(apiError(409, 'CONDITIONAL_CHECK_FAILED')),
    ).catch((error: unknown) => error);
    expect(isConditionFailure(failure)).toBe(true);
    expect(isConditionFailure(toStorageError(apiError(429, 'RATE_LIMIT_EXCEEDED'), 'x'))).toBe(false);
  });
});
