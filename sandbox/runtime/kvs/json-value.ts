// Value rules of the service: JSON only, at most 240 KiB serialised and at most 32 levels of nesting. Values are
// copied on the way in (and cloned on the way out) so callers can never reach stored state by reference.
import { badRequest } from './errors';
import type { JsonValue } from './types';

export const MAX_VALUE_BYTES = 240 * 1024;
/** `{}` and `[]` are depth 1; a value may nest 32 containers deep. */
export const MAX_VALUE_DEPTH = 32;

function isPlainObject(input: object): boolean {
  const proto: unknown = Object.getPrototypeOf(input);
  return proto === Object.prototype || proto === null;
}

// Recursion is bounded by MAX_VALUE_DEPTH, so a pathological (or cyclic) input fails fast instead of overflowing.
function copyJson(input: unknown, depth: number): JsonValue {
  if (input === null || typeof input === 'string' || typeof input === 'boolean') return input;
  if (typeof input === 'number') {
    if (!Number.isFinite(input))
      throw badRequest('BAD_REQUEST', 'Values must be JSON: numbers must be finite');
    return input;
  }
  if (typeof input === 'object') {
    if (depth + 1 > MAX_VALUE_DEPTH) {
      throw badRequest(
        'MAX_DEPTH',
        `The provided value has exceeded the maximum object depth (${MAX_VALUE_DEPTH}) limit`,
      );
    }
    if (Array.isArray(input)) return input.map((item: unknown) => copyJson(item, depth + 1));
    if (isPlainObject(input)) {
      // fromEntries defines own properties, so a key such as "__proto__" stays data.
      return Object.fromEntries(
        Object.entries(input).map(([k, v]): [string, JsonValue] => [k, copyJson(v, depth + 1)]),
      );
    }
  }
  throw badRequest('BAD_REQUEST', `Values must be JSON; got ${typeof input}`);
}

/** Validates and copies a value for storage: JSON, not null, within the depth and size limits. */
export function toStorableValue(input: unknown): JsonValue {
  if (input === undefined || input === null) {
    throw badRequest('BAD_REQUEST', 'A value is required (string, number, boolean, array or object)');
  }
  const value = copyJson(input, 0);
  const bytes = Buffer.byteLength(JSON.stringify(value), 'utf8');
  if (bytes > MAX_VALUE_BYTES) {
    throw badRequest(
      'MAX_SIZE',
      `The provided value (${bytes} bytes) has exceeded the maximum size limit (${MAX_VALUE_BYTES} bytes)`,
    );
  }
  return value;
}

export function isJsonObject(value: JsonValue | undefined): value is { [key: string]: JsonValue } {
  return typeof value === 'object' && value !== null && !Array.isArray(value);
}

export function cloneJson(value: JsonValue): JsonValue {
  return structuredClone(value);
}
