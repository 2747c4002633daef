// TeamSupport wire records ↔ the ticket-system domain types. Reading: typed wire records (schemas.ts) become Ticket
// and TicketAction. Writing: domain values become the string-only request bodies the server expects
// (docs/teamsupport-api.md §3, §16.3).
import type { SystemActionKind, Ticket, TicketAction } from '../../domain/ticket';
import type { NamedItem } from '../../sync/records/tickets';
import type { WireAction, WireNamed, WireTicket, WireUser, WireVersion } from './schemas';

export function toTicket(wire: WireTicket): Ticket {
  return {
    id: wire.TicketID,
    number: wire.TicketNumber,
    name: wire.Name ?? '',
    status: wire.Status ?? '',
    statusId: wire.TicketStatusID,
    isClosed: wire.IsClosed,
    ticketType: wire.TicketTypeName ?? '',
    ticketTypeId: wire.TicketTypeID,
    severity: wire.Severity,
    product: wire.ProductName,
    productId: wire.ProductID,
    reportedVersion: wire.ReportedVersion,
    reportedVersionId: wire.ReportedVersionID,
    solvedVersion: wire.SolvedVersion,
    solvedVersionId: wire.SolvedVersionID,
    assignee: wire.UserName,
    customers: wire.Customers,
    customFields: { ...wire.CustomFields },
    dateCreated: wire.DateCreated,
    dateModified: wire.DateModified,
  };
}

const SYSTEM_ACTION_KINDS: readonly SystemActionKind[] = [
  'custom',
  'description',
  'resolution',
  'email',
  'update-request',
  'chat',
  'reminder',
  'clone',
  'hub',
];

/**
 * SystemActionTypeID (docs/teamsupport-api.md §6) as a kind; a missing value is an org-defined action, an unknown one
 * 'other'.
 */
export function systemActionKind(systemActionTypeId: number | null): SystemActionKind {
  if (systemActionTypeId === null) return 'custom';
  return SYSTEM_ACTION_KINDS[systemActionTypeId] ?? 'other';
}

/** `ticketId` fills in when the record does not say which ticket it belongs to. */
export function toTicketAction(wire: WireAction, ticketId: string): TicketAction {
  return {
    id: wire.ActionID,
    ticketId: wire.TicketID ?? ticketId,
    actionType: wire.ActionType,
    systemKind: systemActionKind(wire.SystemActionTypeID),
    html: wire.Description,
    visibleOnPortal: wire.IsVisibleOnPortal,
    creatorName: wire.CreatorName,
    dateCreated: wire.DateCreated,
  };
}

export function toNamedItem(wire: WireNamed): NamedItem {
  return { id: wire.id, name: wire.Name };
}

export function versionToNamedItem(wire: WireVersion): NamedItem {
  return { id: wire.ProductVersionID, name: wire.VersionNumber };
}

/** An agent's display name: first and last name as TeamSupport shows them, else the e-mail, else the id. */
export function userToNamedItem(wire: WireUser): NamedItem {
  const fullName = [wire.FirstName, wire.LastName]
    .filter((part) => part !== null && part.trim() !== '')
    .join(' ');
  return { id: wire.UserID, name: fullName || wire.Email || wire.UserID };
}

/** A request body value: every value is a string; booleans are "true"/"false"; null clears the field. */
export type WireValue = string | boolean | null;

export function toWireFields(fields: Readonly<Record<string, WireValue>>): Record<string, string> {
  const out: Record<string, string> = {};
  for (const [name, value] of Object.entries(fields)) {
    out[name] = value === null ? '' : typeof value === 'boolean' ? String(value) : value;
  }
  return out;
}

/**
 * The body of POST /tickets/{id}/actions (docs/teamsupport-api.md §6: the type goes by id; the name would be ignored).
 */
export function newActionBody(
  actionTypeId: string,
  html: string,
  visibleOnPortal: boolean,
): Record<string, string> {
  return toWireFields({ ActionTypeID: actionTypeId, Description: html, IsVisibleOnPortal: visibleOnPortal });
}
