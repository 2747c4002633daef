// Jira's limits on entity properties (key length, value size), checked on every property write.
import { badRequest } from '../http/errors';
import type { Json } from '../state/json';

const MAX_KEY_LENGTH = 255;
const MAX_VALUE_BYTES = 32768;

/** Jira's limits on entity properties (issue, comment): key up to 255 characters, value up to 32 KB of JSON. */
export function checkEntityProperty(key: string, value: Json): void {
  if (key.length === 0) throw badRequest(['The property key cannot be empty.']);
  if (key.length > MAX_KEY_LENGTH)
    throw badRequest([`The property key cannot be longer than ${MAX_KEY_LENGTH} characters.`]);
  if (Buffer.byteLength(JSON.stringify(value), 'utf8') > MAX_VALUE_BYTES) {
    throw badRequest([`The property value cannot be longer than ${MAX_VALUE_BYTES} bytes.`]);
  }
}
