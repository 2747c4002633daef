// The correlation field as a mark of a link made or ended in the issue panel (docs/product.md, "Linking tickets to
// issues"): a link made from the ticket side leaves the issue key in the field, so a link made from the panel writes it
// too, and an unlink clears it, so the pull does not link the ticket again from a key left behind
// (sync/inbound/escalation.ts reads a key in the field as "link me to this issue"). Both are idempotent: setting the
// same value twice is harmless, so a lost answer needs no lookup before the retry.
import type { StoredInstance } from '../../domain/config';
import { escalationRequest } from '../../domain/escalation-request';
import { sameName } from '../../domain/names';
import type { Ticket } from '../../domain/ticket';
import type { TicketSystem } from '../ports/ticket-system';

/** The ticket's own name of the field (TeamSupport matches API names ignoring case); undefined when its type lacks it. */
function fieldOnTicket(ticket: Ticket, field: string): string | undefined {
  return Object.keys(ticket.customFields).find((name) => sameName(name, field));
}

/** The issue key the field holds, normalised as the pull reads it; undefined when it holds none. */
export function correlatedKey(instance: StoredInstance, ticket: Ticket): string | undefined {
  const field = instance.correlationField;
  const name = field === undefined ? undefined : fieldOnTicket(ticket, field);
  if (name === undefined) return undefined;
  const request = escalationRequest(ticket.customFields[name]);
  return request?.kind === 'key' ? request.key : undefined;
}

/**
 * Writes the issue key into the ticket's correlation field, unless the instance has none, the ticket's type lacks it
 * (a write there has no effect, docs/teamsupport-api.md §7) or it holds the key already. Whether it wrote.
 */
export async function writeCorrelationField(
  instance: StoredInstance,
  tickets: TicketSystem,
  ticket: Ticket,
  issueKey: string,
): Promise<boolean> {
  const field = instance.correlationField;
  if (field === undefined || fieldOnTicket(ticket, field) === undefined) return false;
  if (correlatedKey(instance, ticket) === issueKey.toUpperCase()) return false;
  await tickets.updateFields(ticket, [{ field, value: issueKey }]);
  return true;
}

/**
 * Empties the correlation field when it still names one of `issueKeys` (the issue's key now and when it was linked:
 * keys change when an issue moves). A field an agent has since pointed elsewhere is theirs and stays. Whether it wrote.
 */
export async function clearCorrelationField(
  instance: StoredInstance,
  tickets: TicketSystem,
  ticket: Ticket,
  issueKeys: readonly string[],
): Promise<boolean> {
  const field = instance.correlationField;
  const held = correlatedKey(instance, ticket);
  if (field === undefined || held === undefined) return false;
  if (!issueKeys.some((key) => key.toUpperCase() === held)) return false;
  await tickets.updateFields(ticket, [{ field, value: null }]);
  return true;
}
