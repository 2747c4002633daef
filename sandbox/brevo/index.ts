// Public surface of the Brevo API v3 emulator (contacts, lists, attributes, custom events; README.md).
export {
  BrevoEmulator,
  SANDBOX_BREVO_URL,
  startBrevoEmulator,
  type BrevoEmulatorOptions,
  type LoseAnswerOptions,
  type RateLimitNextOptions,
  type UnreadableSuccessOptions,
} from './emulator';
export {
  AccountAdmin,
  BrevoAdminError,
  type AccountSettings,
  type AccountSettingsInput,
  type AttributeInput,
  type AttributeView,
  type ContactInput,
  type ContactView,
  type EventFilter,
  type EventView,
  type ListInput,
  type ListView,
} from './admin/account';
export { ControllableClock } from './clock';
export type { ContractViolation, ViolationKind } from './contract/violations';
export { BREVO_SPEC_PATH } from './contract/spec';
export type { FaultPhase, FaultSpec } from './faults';
export { EVENT_NAME, MAX_EVENT_PROPERTIES_BYTES } from './operations/events';
export {
  BREVO_RATE_LIMITS,
  RATE_LIMIT_GROUPS,
  RATE_LIMIT_HEADERS,
  type GroupCounters,
  type GroupLimit,
  type RateLimitConfig,
  type RateLimitGroup,
} from './rate-limits';
export type { RequestLogEntry } from './request-log';
export {
  APP_ATTRIBUTES,
  DEFAULT_ACCOUNT,
  DEFAULT_LISTS,
  STANDARD_ATTRIBUTES,
  type SeedName,
  type SeedOptions,
} from './seed';
