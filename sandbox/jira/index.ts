// The Jira emulator's public surface: what tests, the Forge runtime emulator and the sandbox app import.
export { startJiraEmulator, DEFAULT_APP_ACCOUNT_ID } from './emulator';
export type { JiraEmulator, JiraEmulatorOptions } from './emulator';
export { JiraAdmin } from './admin/jira-admin';
export type { IssueView, CommentView } from './admin/views';
export type { ReleasesView, ProjectReleasesView, SprintView, VersionView } from './admin/milestone-views';
export type {
  AdminCommentInput,
  AdminIssueInput,
  CustomFieldInput,
  IssueTypeInput,
  PermissionGrantInput,
  PrincipalRef,
  ProjectInput,
  SprintInput,
  StatusInput,
  TransitionInput,
  UserInput,
  VersionInput,
} from './admin/inputs';
export { DEFAULT_FIXTURE } from './seed';
export { PRINCIPAL_HEADER } from './http/pipeline';
export { JIRA_PER_ISSUE_WRITE_LIMITS } from './faults/issue-write-limiter';
export type { WriteLimit } from './faults/issue-write-limiter';
export type { FaultPlan, RequestMatcher, RateLimitOptions, ServerErrorOptions } from './faults/faults';
export type { RequestLogEntry, RequestCounters } from './faults/request-log';
export type { ContractViolation } from './contract/violations';
export type { ProductEvent, IssueEvent, EventIssue, EventComment } from './events/payloads';
export type { VersionEvent, SprintClosedEvent, EventSprint } from './events/milestones';
export { SPRINT_FIELD_ID } from './service/fields/sprint-field';
export type { ProductEventListener } from './events/bus';
export { JSM_PUBLIC_COMMENT_PROPERTY } from './render/comment';
export { PERMISSIONS } from './state/permissions';
export type { PermissionKey } from './state/permissions';
export { formatJiraDate } from './state/clock';
export type { Clock } from './state/clock';
