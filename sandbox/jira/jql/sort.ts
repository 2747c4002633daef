// ORDER BY for JQL searches: the sort keys (fields and indexed issue properties), newest first without ORDER BY.
import type { JiraCore } from '../service/core';
import type { Issue } from '../state/types';
import type { SortKey } from './ast';
import { JqlError } from './errors';
import { ENTITY_PROPERTY, type IndexedPath } from './property-index';
import { propertySorter } from './property-values';

function stringValue(issue: Issue, fieldId: string): string {
  const value = issue.values.get(fieldId);
  return typeof value === 'string' ? value : '';
}

const keyParts = (issue: Issue): [string, number] => {
  const dash = issue.key.lastIndexOf('-');
  return [issue.key.slice(0, dash), Number(issue.key.slice(dash + 1))];
};

/** An indexed issue property named by its search alias or in full; undefined for any other field. */
function indexedProperty(core: JiraCore, field: string): IndexedPath | undefined {
  const property = ENTITY_PROPERTY.exec(field);
  if (property?.[1] !== undefined) return core.propertyIndex.path(property[1], property[2]);
  return core.propertyIndex.alias(field);
}

function sorter(core: JiraCore, key: SortKey): (a: Issue, b: Issue) => number {
  const property = indexedProperty(core, key.field);
  if (property) return propertySorter(property, key.direction);
  const ascending: Record<string, (a: Issue, b: Issue) => number> = {
    updated: (a, b) => a.updated - b.updated,
    created: (a, b) => a.created - b.created,
    id: (a, b) => Number(a.id) - Number(b.id),
    key: (a, b) => {
      const [pa, na] = keyParts(a);
      const [pb, nb] = keyParts(b);
      return pa.localeCompare(pb) || na - nb;
    },
    summary: (a, b) => stringValue(a, 'summary').localeCompare(stringValue(b, 'summary')),
    status: (a, b) =>
      core.store.requireStatus(a.statusId).name.localeCompare(core.store.requireStatus(b.statusId).name),
    priority: (a, b) => Number(stringValue(a, 'priority')) - Number(stringValue(b, 'priority')),
  };
  const field = key.field.toLowerCase();
  const compare = ascending[field === 'issuekey' ? 'key' : field];
  if (!compare) throw new JqlError(`Not able to sort using field '${key.field}'.`);
  return key.direction === 'asc' ? compare : (a, b) => compare(b, a);
}

/** Without ORDER BY the emulator sorts newest first (created DESC); the issue id breaks ties so pages are stable. */
const DEFAULT_ORDER: SortKey[] = [{ field: 'created', direction: 'desc' }];

/** Compares by the ORDER BY keys, then by issue id. */
export function issueComparator(core: JiraCore, orderBy: SortKey[]): (a: Issue, b: Issue) => number {
  const sorters = (orderBy.length > 0 ? orderBy : DEFAULT_ORDER).map((key) => sorter(core, key));
  return (a, b) => {
    for (const compare of sorters) {
      const result = compare(a, b);
      if (result !== 0) return result;
    }
    return Number(a.id) - Number(b.id);
  };
}
