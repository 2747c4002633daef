// What an issue's linked tickets look like to JQL (docs/product.md, "Linking tickets to issues"): the issue entity
// property `support-ticket-sync-links`, indexed by the `linked-tickets-index` module of manifest.yml, so that Jira users
// can search `supportTickets > 0`, `supportTicketNumber = 1234` or `supportTicketInstance = "Acme Support"`, and sort
// by `supportTickets`. It holds ticket numbers and instance names only: any user who can see the issue can read an
// issue property through the REST API, so nothing else goes in
// (https://developer.atlassian.com/cloud/jira/platform/jira-entity-properties/).
import { z } from 'zod';

export const LINKS_PROPERTY_KEY = 'support-ticket-sync-links';

/** The property's paths, as the manifest indexes them (number, string list, string list). */
export const LINKS_PROPERTY_PATHS = { count: 'count', numbers: 'numbers', instances: 'instances' } as const;

export const linksPropertySchema = z.strictObject({
  /** how many tickets the issue is linked to */
  count: z.number().int().min(1),
  /** their ticket numbers, each once, in numeric order */
  numbers: z.array(z.string()),
  /** the names of their TeamSupport instances, each once, in alphabetical order */
  instances: z.array(z.string()),
});
export type LinksPropertyValue = z.infer<typeof linksPropertySchema>;

/**
 * Jira keeps at most 32 KB of JSON per entity property; the numbers stop short of that on an issue with thousands of
 * tickets (the count stays exact). https://developer.atlassian.com/cloud/jira/platform/jira-entity-properties/
 */
const MAX_VALUE_BYTES = 30_000;

const byNumber = (a: string, b: string): number => a.localeCompare(b, 'en', { numeric: true });

/**
 * The value for an issue's links; undefined when it has none (the property is then removed). Links of an instance
 * that is no longer configured do not count: deleting an instance removes them, and until then they sync nothing.
 * The value depends only on the set of links and the names, so writing it again (a retry, a lost answer) changes
 * nothing.
 */
export function linksPropertyOf(
  links: ReadonlyArray<{ instanceId: string; ticketNumber: string }>,
  instanceNames: ReadonlyMap<string, string>,
): LinksPropertyValue | undefined {
  const counted = links.filter((link) => instanceNames.has(link.instanceId));
  if (counted.length === 0) return undefined;
  const numbers = [...new Set(counted.map((link) => link.ticketNumber))].sort(byNumber);
  const instances = [...new Set(counted.map((link) => instanceNames.get(link.instanceId) ?? ''))].sort(
    byNumber,
  );
  const value = { count: counted.length, numbers, instances };
  while (value.numbers.length > 0 && Buffer.byteLength(JSON.stringify(value), 'utf8') > MAX_VALUE_BYTES) {
    value.numbers = value.numbers.slice(0, Math.floor(value.numbers.length * 0.9));
  }
  return value;
}

/** Whether a stored value (anything Jira returned) is exactly `expected`; a value of another shape never is. */
export function isLinksProperty(stored: unknown, expected: LinksPropertyValue | undefined): boolean {
  if (stored === undefined || expected === undefined) return stored === expected;
  const parsed = linksPropertySchema.safeParse(stored);
  return parsed.success && JSON.stringify(parsed.data) === JSON.stringify(expected);
}

/** JQL for the issues that carry the property (by the indexed count, not an alias: another app may reuse a name). */
export const HAS_LINKS_PROPERTY_JQL = `issue.property[${LINKS_PROPERTY_KEY}].${LINKS_PROPERTY_PATHS.count} IS NOT EMPTY`;

/** JQL for the issues without it (with `id in (…)`: those of a page of links that have no property yet). */
export const LACKS_LINKS_PROPERTY_JQL = `issue.property[${LINKS_PROPERTY_KEY}].${LINKS_PROPERTY_PATHS.count} IS EMPTY`;

/** JQL for the issues whose property names this instance. */
export function namesInstanceJql(instanceName: string): string {
  return `issue.property[${LINKS_PROPERTY_KEY}].${LINKS_PROPERTY_PATHS.instances} = ${JSON.stringify(instanceName)}`;
}
