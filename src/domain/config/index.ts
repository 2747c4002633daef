// The settings rules as the rest of the app sees them: code outside domain/config imports from here only.
export {
  normalizeBaseUrl,
  isTeamSupportHost,
  TEAMSUPPORT_DOMAIN,
  TEAMSUPPORT_EGRESS,
  type BaseUrlResult,
} from './base-url';
export {
  BrevoAccountInputSchema,
  BrevoAccountViewSchema,
  BrevoApiKeySchema,
  StoredBrevoAccountSchema,
  toBrevoAccountView,
  toStoredBrevoAccount,
  validateBrevoAccountInput,
  type AnyInstanceView,
  type BrevoAccountInput,
  type BrevoAccountInputOptions,
  type BrevoAccountView,
  type StoredBrevoAccount,
  type ValidBrevoAccountInput,
} from './brevo-account';
export {
  ATTRIBUTE_SOURCES,
  ATTRIBUTE_SOURCE_TYPES,
  BREVO_ATTRIBUTE_PATTERN,
  CONTACT_ROLES,
  DEFAULT_ATTRIBUTE_MAPPINGS,
  EVENT_DEFAULTS,
  JQL_MAX_LENGTH,
  JqlFilterSchema,
  type AttributeSource,
  type BrevoEventKey,
  type ContactRole,
} from './brevo-rules';
export { brevoScopeJql } from './brevo-scope';
export {
  ConfigDocumentSchema,
  CONFIG_DOCUMENT_VERSION,
  emptyConfigDocument,
  parseConfigDocument,
  type ConfigDocument,
  type ConfigDocumentError,
  type ParsedConfigDocument,
} from './config-document';
export {
  ApiTokenSchema,
  InstanceInputSchema,
  TeamSupportInstanceInputSchema,
  validateInstanceInput,
  type InstanceInput,
  type InstanceInputOptions,
  type ValidInstanceInput,
  type Validation,
} from './instance-input';
export { INSTANCE_KINDS, type InstanceKind } from './instance-kind';
export { issuesFromZodError, formatIssuePath, type ConfigIssue } from './issues';
export { PROJECT_KEY_PATTERN } from './project-key';
export {
  InstanceViewSchema,
  StoredInstanceSchema,
  StoredTeamSupportInstanceSchema,
  toInstanceView,
  toStoredInstance,
  type InstanceView,
  type StoredInstance,
} from './stored-instance';
export {
  DEFAULT_COMMENT_ACTION_TYPE,
  DEFAULT_DAILY_REQUEST_LIMIT,
  INSTANCE_NAME_MAX_LENGTH,
  dailyRequestLimitOf,
} from './teamsupport-settings';
export {
  DEFAULT_COPY_EARLIER_ACTIONS,
  copyEarlierActionsOf,
  type CopyEarlierActions,
} from './copy-earlier-actions';
export { syncsTicketType } from './synced-ticket-type';
export { DEFAULT_TIME_ZONE, isKnownTimeZone } from './time-zone';
