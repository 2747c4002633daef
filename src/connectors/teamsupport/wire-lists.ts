// Lists as TeamSupport's XML → JSON conversion leaves them (docs/teamsupport-api.md §3, §9, §16.4): an array, a bare
// object for a one-item page, an object holding only counters (or null) for an empty one, and, for nested lists such
// as a ticket's Customers, the XML element still in between ({"Customer": {...}} or {"Customer": [...]}).
import { z } from 'zod';

/** Paging counters that can stand in for, or next to, the items. */
export const PAGE_COUNTER_KEYS: ReadonlySet<string> = new Set([
  'RecordsReturned',
  'TotalRecords',
  'NextPage',
  'PageNumber',
  'PageSize',
]);

const jsonObject = z.record(z.string(), z.unknown());

/**
 * Any of the list shapes as an array of items. `element` is the XML element name of one item ("Customer");
 * scalars are kept as one item so the item schema reports them with their position.
 */
export function normaliseList(value: unknown, element?: string): unknown[] {
  if (value === null || value === undefined) return [];
  if (Array.isArray(value)) return value;
  const object = jsonObject.safeParse(value);
  if (!object.success) return [value];
  const keys = Object.keys(object.data).filter((key) => !PAGE_COUNTER_KEYS.has(key));
  if (keys.length === 0) return [];
  if (element !== undefined && keys.length === 1 && keys[0] === element) {
    return normaliseList(object.data[element]);
  }
  return [value];
}
