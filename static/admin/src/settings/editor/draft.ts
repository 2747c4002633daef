// The editor's working copy of an instance: text exactly as typed, rows with stable keys for React, and the
// "all / chosen" lists split in two. `toInstanceInput` sends it as the contract's InstanceInput without judging it:
// blank optional fields go as '' (the backend reads '' as "not set") and every row goes, blank or not, so that the
// backend's row-numbered messages (`fieldMappings.1.jiraField`) point at the row the admin sees.
import type { InstanceInput, InstanceView, NameList } from '../../api';
import { emptyFasterSync, fasterSyncDraftOf, fasterSyncInputOf, type FasterSyncDraft } from './faster-sync';

export interface NameChoice {
  all: boolean;
  names: string[];
}

type Keyed<Row> = Row & { rowKey: string };

export type FieldMappingRow = Keyed<{ jiraField: string; ticketField: string }>;
export type TypeMappingRow = Keyed<{ ticketType: string; issueType: string }>;
export type StatusMappingRow = Keyed<{ jiraStatus: string; ticketStatus: string }>;
export type ProjectMappingRow = Keyed<{ product: string; version: string; projectKey: string }>;

export interface InstanceDraft {
  id: string | undefined;
  hasToken: boolean;
  name: string;
  baseUrl: string;
  organizationId: string;
  /** a new token to store; '' keeps the stored one */
  apiToken: string;
  /** where the stored instance points: a token belongs to that organization on that server */
  saved: { baseUrl: string; organizationId: string } | undefined;
  timeZone: string;
  active: boolean;
  updateTicketStatus: boolean;
  commentActionType: string;
  actionsVisibleOnPortal: boolean;
  pullActionTypes: NameChoice;
  includeNonRequiredFields: boolean;
  ticketTypes: NameChoice;
  defaultProjectKey: string;
  alwaysUseDefaultProjectKey: boolean;
  projectMappings: ProjectMappingRow[];
  extraProjectKeys: string[];
  fieldMappings: FieldMappingRow[];
  typeMappings: TypeMappingRow[];
  statusMappings: StatusMappingRow[];
  correlationField: string;
  announceReleases: boolean;
  releaseNoteVisibleOnPortal: boolean;
  releaseStatus: string;
  /** the organization's 24-hour request limit as typed; '' means the default (5,000) */
  dailyRequestLimit: string;
  /** whether a ticket's earlier actions reach the issue it joins (docs/product.md, "Linking tickets to issues") */
  copyEarlierActions: { onEscalation: boolean; onLink: boolean };
  /** hot-ticket settings as typed (faster-sync.ts) */
  fasterSync: FasterSyncDraft;
}

let lastRowKey = 0;

export function newRowKey(): string {
  lastRowKey += 1;
  return `row-${lastRowKey}`;
}

function keyed<Row extends object>(rows: Row[]): Keyed<Row>[] {
  return rows.map((row) => ({ ...row, rowKey: newRowKey() }));
}

function choiceOf(list: NameList): NameChoice {
  return list === 'all' ? { all: true, names: [] } : { all: false, names: [...list] };
}

function listOf(choice: NameChoice): NameList {
  return choice.all ? 'all' : choice.names;
}

function unkeyed<Row extends { rowKey: string }>(rows: Row[]): Omit<Row, 'rowKey'>[] {
  return rows.map(({ rowKey: _rowKey, ...row }) => row);
}

/** A new instance: the defaults of the contract (sync off until the connection has been tested). */
export function emptyDraft(): InstanceDraft {
  return {
    id: undefined,
    hasToken: false,
    name: '',
    baseUrl: '',
    organizationId: '',
    apiToken: '',
    saved: undefined,
    timeZone: '',
    active: false,
    updateTicketStatus: false,
    commentActionType: 'Comment',
    actionsVisibleOnPortal: false,
    pullActionTypes: { all: true, names: [] },
    includeNonRequiredFields: false,
    ticketTypes: { all: true, names: [] },
    defaultProjectKey: '',
    alwaysUseDefaultProjectKey: false,
    projectMappings: [],
    extraProjectKeys: [],
    fieldMappings: [],
    typeMappings: [],
    statusMappings: [],
    correlationField: '',
    announceReleases: true,
    releaseNoteVisibleOnPortal: false,
    releaseStatus: '',
    dailyRequestLimit: '',
    copyEarlierActions: { onEscalation: true, onLink: false },
    fasterSync: emptyFasterSync(),
  };
}

export function draftFromView(view: InstanceView): InstanceDraft {
  return {
    id: view.id,
    hasToken: view.hasToken,
    name: view.name,
    baseUrl: view.baseUrl,
    organizationId: view.organizationId,
    apiToken: '',
    saved: { baseUrl: view.baseUrl, organizationId: view.organizationId },
    timeZone: view.timeZone ?? '',
    active: view.active,
    updateTicketStatus: view.updateTicketStatus,
    commentActionType: view.commentActionType,
    actionsVisibleOnPortal: view.actionsVisibleOnPortal,
    pullActionTypes: choiceOf(view.pullActionTypes),
    includeNonRequiredFields: view.includeNonRequiredFields,
    ticketTypes: choiceOf(view.ticketTypes),
    defaultProjectKey: view.defaultProjectKey ?? '',
    alwaysUseDefaultProjectKey: view.alwaysUseDefaultProjectKey,
    projectMappings: keyed(view.projectMappings.map((row) => ({ ...row, version: row.version ?? '' }))),
    extraProjectKeys: [...view.extraProjectKeys],
    fieldMappings: keyed(view.fieldMappings),
    typeMappings: keyed(view.typeMappings),
    statusMappings: keyed(view.statusMappings),
    correlationField: view.correlationField ?? '',
    announceReleases: view.announceReleases,
    releaseNoteVisibleOnPortal: view.releaseNoteVisibleOnPortal,
    releaseStatus: view.releaseStatus ?? '',
    dailyRequestLimit: view.dailyRequestLimit === undefined ? '' : String(view.dailyRequestLimit),
    copyEarlierActions: { onEscalation: true, onLink: false, ...view.copyEarlierActions },
    fasterSync: fasterSyncDraftOf(view),
  };
}

/**
 * The limit as the backend takes it: left out when blank (the default), a whole number when the text is one (thousands
 * separators allowed, as people write "5,000"), `null` otherwise, which the backend answers with the rule.
 */
export function requestLimitOf(text: string): number | null | undefined {
  const trimmed = text.trim();
  if (trimmed === '') return undefined;
  const digits = trimmed.replace(/(?<=\d)[,\s.'’](?=\d{3}(?:\D|$))/g, '');
  return /^\d{1,9}$/.test(digits) ? Number(digits) : null;
}

/** The address as the backend compares it, roughly: case, spaces and an API suffix do not change the server. */
function addressKey(baseUrl: string): string {
  return baseUrl
    .trim()
    .toLowerCase()
    .replace(/\/+$/, '')
    .replace(/\/api(?:\/json)?$/, '')
    .replace(/\/+$/, '');
}

/**
 * Why the stored token cannot be kept, if it cannot: it belongs to one organization on one server, so the backend
 * refuses an update that changes either without a new token.
 */
export function tokenNeededBecause(draft: InstanceDraft): string | undefined {
  if (draft.saved === undefined || draft.apiToken.trim() !== '') return undefined;
  if (addressKey(draft.baseUrl) !== addressKey(draft.saved.baseUrl)) return 'the server address changed';
  if (draft.organizationId.trim() !== draft.saved.organizationId) return 'the Organization ID changed';
  return undefined;
}

export function toInstanceInput(draft: InstanceDraft): InstanceInput {
  const dailyRequestLimit = requestLimitOf(draft.dailyRequestLimit);
  return {
    ...(draft.id === undefined ? {} : { id: draft.id }),
    kind: 'teamsupport',
    name: draft.name,
    baseUrl: draft.baseUrl,
    organizationId: draft.organizationId,
    ...(draft.apiToken === '' ? {} : { apiToken: draft.apiToken }),
    active: draft.active,
    defaultProjectKey: draft.defaultProjectKey,
    alwaysUseDefaultProjectKey: draft.alwaysUseDefaultProjectKey,
    pullActionTypes: listOf(draft.pullActionTypes),
    commentActionType: draft.commentActionType,
    actionsVisibleOnPortal: draft.actionsVisibleOnPortal,
    updateTicketStatus: draft.updateTicketStatus,
    includeNonRequiredFields: draft.includeNonRequiredFields,
    ticketTypes: listOf(draft.ticketTypes),
    correlationField: draft.correlationField,
    timeZone: draft.timeZone,
    fieldMappings: unkeyed(draft.fieldMappings),
    typeMappings: unkeyed(draft.typeMappings),
    statusMappings: unkeyed(draft.statusMappings),
    projectMappings: unkeyed(draft.projectMappings),
    extraProjectKeys: draft.extraProjectKeys,
    announceReleases: draft.announceReleases,
    releaseNoteVisibleOnPortal: draft.releaseNoteVisibleOnPortal,
    releaseStatus: draft.releaseStatus,
    ...(dailyRequestLimit === undefined ? {} : { dailyRequestLimit }),
    // The defaults go unsaid, so an instance saved before the option existed goes back as it came.
    ...(draft.copyEarlierActions.onEscalation && !draft.copyEarlierActions.onLink
      ? {}
      : { copyEarlierActions: draft.copyEarlierActions }),
    ...fasterSyncInputOf(draft.fasterSync),
  };
}
