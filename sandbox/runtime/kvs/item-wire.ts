// How stored items appear on the wire, and how a TTL option becomes an expiry time.
import { badRequest } from './errors';
import { cloneJson } from './json-value';
import type { JsonValue, MetadataField, StoredItem } from './types';
import type { Ttl } from './wire';

export interface WireItem {
  key: string;
  value: JsonValue;
  createdAt?: number;
  updatedAt?: number;
  expireTime?: string;
}

const UNIT_SECONDS: Record<Ttl['unit'], number> = { SECONDS: 1, MINUTES: 60, HOURS: 3600, DAYS: 86_400 };
const MAX_TTL_SECONDS = 365 * 86_400;

/** createdAt/updatedAt are epoch seconds and expireTime an ISO-8601 instant, as in the SDK's own fixtures. */
export function toWireItem(
  key: string,
  item: StoredItem,
  fields: readonly MetadataField[] | undefined,
): WireItem {
  const wire: WireItem = { key, value: cloneJson(item.value) };
  if (fields?.includes('CREATED_AT')) wire.createdAt = Math.floor(item.createdAt / 1000);
  if (fields?.includes('UPDATED_AT')) wire.updatedAt = Math.floor(item.updatedAt / 1000);
  if (fields?.includes('EXPIRE_TIME') && item.expiresAt !== undefined) {
    wire.expireTime = new Date(item.expiresAt).toISOString().replace(/\.\d{3}Z$/, 'Z');
  }
  return wire;
}

export function expiryFrom(now: number, ttl: Ttl | undefined): number | undefined {
  if (ttl === undefined) return undefined;
  const seconds = ttl.value * UNIT_SECONDS[ttl.unit];
  if (seconds > MAX_TTL_SECONDS) throw badRequest('BAD_REQUEST', 'The TTL may be at most one year');
  return now + seconds * 1000;
}
