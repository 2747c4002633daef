// Tickets and actions as the sync rules see them, whatever the ticket system. Connectors map their own wire formats
// into these types; nothing here knows TeamSupport's string-typed JSON or Jira.

export interface Ticket {
  /** immutable id used for links; never shown to users */
  id: string;
  /** what agents and customers call the ticket */
  number: string;
  name: string;
  status: string;
  statusId: string;
  isClosed: boolean;
  ticketType: string;
  ticketTypeId: string;
  severity: string | null;
  product: string | null;
  productId: string | null;
  reportedVersion: string | null;
  reportedVersionId: string | null;
  solvedVersion: string | null;
  solvedVersionId: string | null;
  assignee: string | null;
  customers: string[];
  /** custom fields by API name; absent when the field does not exist on the ticket's type */
  customFields: Record<string, string | null>;
  dateCreated: Date;
  dateModified: Date;
}

/** Kinds of system actions that TeamSupport creates itself; custom (org-defined) actions are 'custom'. */
export type SystemActionKind =
  | 'custom'
  | 'description'
  | 'resolution'
  | 'email'
  | 'update-request'
  | 'chat'
  | 'reminder'
  | 'clone'
  | 'hub'
  | 'other';

export interface TicketAction {
  id: string;
  ticketId: string;
  /** the action type's name, e.g. "Comment"; null for some system actions */
  actionType: string | null;
  systemKind: SystemActionKind;
  /** HTML as stored by the ticket system */
  html: string;
  visibleOnPortal: boolean;
  creatorName: string | null;
  dateCreated: Date;
}

export interface NewAction {
  actionTypeName: string;
  html: string;
  visibleOnPortal: boolean;
}

/** A change to one ticket field: a standard field by its domain name or a custom field by API name. */
export interface TicketFieldChange {
  field: string;
  value: string | null;
}

export interface ConnectionCheck {
  name: string;
  ok: boolean;
  message: string;
  /** the check did not run (an earlier one failed): neither passed nor failed, and counted apart (issue 20) */
  notChecked?: true;
}
