// Public surface of the TeamSupport connector: the TicketSystem factory and the few helpers other layers may use.
export {
  createTeamSupport,
  ticketReference,
  type TeamSupportInstance,
  type TeamSupportOptions,
} from './teamsupport';
export { FIELD_SEARCH_PAGE_SIZE } from './ticket-lists';
export { ADDRESS_NOT_CALLABLE, addressNotCallableChecks, CHECK_NAMES } from './connection-check';
export type { LookupCache } from './lookups';
export { EgressBlockedError, MissingTicketError } from './failures';
export { STANDARD_TICKET_FIELDS, type StandardTicketField } from './field-changes';
export { parseOrgDate, toFilterDate, type SlashDateOrder } from './org-dates';
