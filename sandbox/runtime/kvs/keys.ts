// Key rules shared by plain keys, secrets and entity items, and the service's byte-wise key order.
import { badRequest } from './errors';

export const MAX_KEY_LENGTH = 500;
// Verbatim from Atlassian's error table. Without the `u` flag, `\s-#` in the class is "whitespace, '-' or '#'".
const KEY_PATTERN = /^(?!\s+$)[a-zA-Z0-9:._\s-#]+$/;

/** Entity keys report an empty key as EMPTY_KEY, plain keys as KEY_TOO_SHORT (the two error tables differ). */
export function assertValidKey(key: string, space: 'plain' | 'entity'): void {
  if (key.length === 0) {
    throw space === 'entity'
      ? badRequest('EMPTY_KEY', 'Key cannot be empty')
      : badRequest('KEY_TOO_SHORT', 'The provided key needs to be at least one character');
  }
  if (key.length > MAX_KEY_LENGTH) {
    throw badRequest(
      'KEY_TOO_LONG',
      `The provided key has exceeded the maximum ${MAX_KEY_LENGTH} characters`,
    );
  }
  if (!KEY_PATTERN.test(key)) {
    throw badRequest('INVALID_KEY', `The provided key does not match the regex: ${String(KEY_PATTERN)}`);
  }
}

export function compareKeys(a: string, b: string): number {
  return Buffer.compare(Buffer.from(a, 'utf8'), Buffer.from(b, 'utf8'));
}
