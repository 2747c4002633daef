// Which ticket status a Jira status means: explicit mappings first, then the same name (what TeamSupport users expect,
// docs/teamsupport-api.md §15), compared without regard to case or surrounding spaces.
import { sameName } from './names';
export interface StatusMapping {
  jiraStatus: string;
  ticketStatus: string;
}

/**
 * The ticket status to set for `jiraStatus`, chosen among `available` (the statuses of the ticket's type);
 * undefined when neither a mapping nor a same-name status fits.
 */
export function ticketStatusFor(
  jiraStatus: string,
  mappings: readonly StatusMapping[],
  available: readonly string[],
): string | undefined {
  for (const mapping of mappings) {
    if (!sameName(mapping.jiraStatus, jiraStatus)) continue;
    const target = available.find((name) => sameName(name, mapping.ticketStatus));
    if (target !== undefined) return target;
  }
  return available.find((name) => sameName(name, jiraStatus));
}
