// Which tickets an instance syncs, by type (README.md, "Configuration reference", Ticket types): all of them, or only
// the types the admin listed, matched by name as TeamSupport's own integration did (domain/names.ts). The one rule
// the outbound and inbound flows, the issue panel's search, linking and "Sync now", and release notes all apply.
import { sameName } from '../names';

export function syncsTicketType(
  instance: { ticketTypes: 'all' | readonly string[] },
  ticketType: string,
): boolean {
  const allowed = instance.ticketTypes;
  return allowed === 'all' || allowed.some((name) => sameName(name, ticketType));
}
