// Public surface of the TeamSupport REST API emulator (JSON flavour, /api/json/...).
export {
  SANDBOX_TEAMSUPPORT_URL,
  startTeamSupportEmulator,
  TeamSupportEmulator,
  type TeamSupportEmulatorOptions,
} from './emulator';
export { OrgAdmin, type OrgLookups, type OrgSettings } from './admin/org-admin';
export { SandboxAdmin } from './admin/sandbox-admin';
export { AdminError } from './admin/refs';
export type { ActionSnapshot, TicketSnapshot } from './admin/snapshots';
export type {
  AddActionInput,
  CreateOrgInput,
  CreateTicketInput,
  CustomFieldInput,
  OrgSettingsInput,
  Ref,
  SeedName,
  UpdateTicketInput,
} from './admin/schemas';
export { ADMIN_PREFIX } from './admin/http';
export { ControllableClock } from './clock';
export { CULTURES, formatOrgDate, toFilterDate, type Culture } from './dates';
export type { FaultSpec } from './faults';
export { limitExceededBody, type RequestCounters } from './rate-limits';
export type { RequestLogEntry } from './request-log';
export { DEFAULT_ORG } from './seed';
export { SYSTEM_ACTION_TYPE, SYSTEM_USER } from './model';
