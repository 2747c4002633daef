// Ticket type ↔ Jira issue type ("Custom Mappings" of kind Ticket Type), with same-name matching as the fallback.
export interface TypeMapping {
  ticketType: string;
  issueType: string;
}

const same = (a: string, b: string): boolean => a.trim().toLowerCase() === b.trim().toLowerCase();

/** The Jira issue type for a ticket type: mapping, else the same name, else the project's first type. */
export function issueTypeFor<T extends { name: string }>(
  ticketType: string,
  mappings: readonly TypeMapping[],
  projectTypes: readonly T[],
): T | undefined {
  const mapped = mappings.find((m) => same(m.ticketType, ticketType));
  const byMapping = mapped ? projectTypes.find((t) => same(t.name, mapped.issueType)) : undefined;
  return byMapping ?? projectTypes.find((t) => same(t.name, ticketType)) ?? projectTypes[0];
}

/** The ticket type for a Jira issue type: mapping, else the same name among the ticket system's types. */
export function ticketTypeFor(
  issueType: string,
  mappings: readonly TypeMapping[],
  ticketTypes: readonly string[],
): string | undefined {
  const mapped = mappings.find((m) => same(m.issueType, issueType));
  const candidate = mapped?.ticketType ?? issueType;
  return ticketTypes.find((t) => same(t, candidate));
}
