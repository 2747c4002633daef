// Ticket type ↔ Jira issue type ("Custom Mappings" of kind Ticket Type), with same-name matching as the fallback.
import { sameName } from './names';
export interface TypeMapping {
  ticketType: string;
  issueType: string;
}

/** The Jira issue type for a ticket type: mapping, else the same name, else the project's first type. */
export function issueTypeFor<T extends { name: string }>(
  ticketType: string,
  mappings: readonly TypeMapping[],
  projectTypes: readonly T[],
): T | undefined {
  const mapped = mappings.find((m) => sameName(m.ticketType, ticketType));
  const byMapping = mapped ? projectTypes.find((t) => sameName(t.name, mapped.issueType)) : undefined;
  return byMapping ?? projectTypes.find((t) => sameName(t.name, ticketType)) ?? projectTypes[0];
}

/** The ticket type for a Jira issue type: mapping, else the same name among the ticket system's types. */
export function ticketTypeFor(
  issueType: string,
  mappings: readonly TypeMapping[],
  ticketTypes: readonly string[],
): string | undefined {
  const mapped = mappings.find((m) => sameName(m.issueType, issueType));
  const candidate = mapped?.ticketType ?? issueType;
  return ticketTypes.find((t) => sameName(t, candidate));
}
