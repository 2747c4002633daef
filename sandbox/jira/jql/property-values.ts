// What Jira's index holds for one declared path of an issue property, and how it sorts: the JSON values at the path
// (an array contributes each element), kept when they fit the declared type.
// https://developer.atlassian.com/cloud/jira/platform/jira-entity-properties/
import type { Json } from '../state/json';
import type { Issue } from '../state/types';
import type { IndexedPath } from './property-index';

type Scalar = string | number | boolean;

/** The scalars at `path` (dot-separated): arrays contribute each element, objects and null index nothing. */
export function scalarsAt(value: Json | undefined, path: readonly string[]): Scalar[] {
  if (value === undefined || value === null) return [];
  if (Array.isArray(value)) return value.flatMap((item) => scalarsAt(item, path));
  const [head, ...rest] = path;
  if (head === undefined) return typeof value === 'object' ? [] : [value];
  if (typeof value !== 'object' || !Object.hasOwn(value, head)) return [];
  return scalarsAt(value[head], rest);
}

function scalarsOf(issue: Issue, indexed: IndexedPath): Scalar[] {
  return scalarsAt(issue.properties.get(indexed.propertyKey), indexed.path.split('.'));
}

/** `number` paths: JSON numbers only (a number in a string is not one). */
export function numberValues(issue: Issue, indexed: IndexedPath): number[] {
  return scalarsOf(issue, indexed).filter((value): value is number => typeof value === 'number');
}

/** `string`, `text` and `user` paths: every scalar by its text. */
export function textValues(issue: Issue, indexed: IndexedPath): string[] {
  return scalarsOf(issue, indexed).map(String);
}

/** `date` paths: strings that read as an instant (ISO-8601), in epoch ms. */
export function dateValues(issue: Issue, indexed: IndexedPath): number[] {
  return scalarsOf(issue, indexed).flatMap((value) => {
    const at = typeof value === 'string' ? Date.parse(value) : Number.NaN;
    return Number.isNaN(at) ? [] : [at];
  });
}

/**
 * ORDER BY on an indexed path. Several values sort by the lowest ascending and the highest descending; an issue with
 * none sorts after every value ascending and before them descending, as Jira sorts empty fields.
 */
export function propertySorter(
  indexed: IndexedPath,
  direction: 'asc' | 'desc',
): (a: Issue, b: Issue) => number {
  const pick = <T>(values: T[], compare: (x: T, y: T) => number): T | undefined =>
    [...values].sort((x, y) => (direction === 'asc' ? compare(x, y) : compare(y, x)))[0];
  const keyOf = (issue: Issue): number | string | undefined => {
    if (indexed.type === 'number') return pick(numberValues(issue, indexed), (x, y) => x - y);
    if (indexed.type === 'date') return pick(dateValues(issue, indexed), (x, y) => x - y);
    return pick(textValues(issue, indexed), (x, y) => x.localeCompare(y));
  };
  const ascending = (a: Issue, b: Issue): number => {
    const x = keyOf(a);
    const y = keyOf(b);
    if (x === undefined || y === undefined) return x === y ? 0 : x === undefined ? 1 : -1;
    if (typeof x === 'number' && typeof y === 'number') return x - y;
    return String(x).localeCompare(String(y));
  };
  return direction === 'asc' ? ascending : (a, b) => ascending(b, a);
}
