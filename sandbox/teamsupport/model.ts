// The emulated TeamSupport data. Records are mutable rows, like the server's DataRows; every id is unique across
// organisations (one database), so an id of another org's object is found and then refused with 401.
import type { Culture } from './dates';

/** The built-in users the server writes as CreatorID/ModifierID (TeamSupport's SystemUser enum). */
export const SYSTEM_USER = { unknown: -1, importer: -2, api: -3, crm: -4 } as const;

/** SystemActionTypeID values (docs/teamsupport-api.md §6). */
export const SYSTEM_ACTION_TYPE = {
  custom: 0,
  description: 1,
  resolution: 2,
  email: 3,
  updateRequest: 4,
  chat: 5,
  reminder: 6,
  clone: 7,
  hub: 8,
} as const;

export const SYSTEM_ACTION_TYPE_NAMES: Readonly<Record<number, string>> = {
  1: 'Description',
  2: 'Resolution',
  3: 'Email',
  4: 'Update Request',
  5: 'Chat',
  6: 'Reminder',
  7: 'Clone',
  8: 'Hub',
};

export type TextEncoding = 'escaped' | 'raw';

export interface OrgRecord {
  readonly id: number;
  name: string;
  apiToken: string;
  timeZone: string;
  culture: Culture;
  minuteLimit: number;
  dailyLimit: number;
  /** Admin → Integration → "TeamSupport API" switched on; off answers 401 like a wrong token */
  apiEnabled: boolean;
  /** a Jira instance configured in TeamSupport's own connector (drives JiraKey, docs/teamsupport-api.md §14) */
  builtInJiraInstance: boolean;
  /**
   * 'escaped': text values come out entity-escaped like the recorded fixtures (docs/teamsupport-api.md §16.2); 'raw':
   * as stored
   */
  textEncoding: TextEncoding;
  nextTicketNumber: number;
}

export interface Audited {
  dateCreated: Date;
  dateModified: Date;
  creatorId: number;
  modifierId: number;
}

export interface TicketTypeRecord extends Audited {
  readonly id: number;
  readonly orgId: number;
  name: string;
  description: string;
  position: number;
}

export interface TicketStatusRecord extends Audited {
  readonly id: number;
  readonly orgId: number;
  readonly ticketTypeId: number;
  name: string;
  description: string;
  position: number;
  isClosed: boolean;
}

export interface SeverityRecord extends Audited {
  readonly id: number;
  readonly orgId: number;
  name: string;
  description: string;
  position: number;
}

export interface ActionTypeRecord extends Audited {
  readonly id: number;
  readonly orgId: number;
  name: string;
  description: string;
  isTimed: boolean;
  position: number;
}

export interface ProductRecord extends Audited {
  readonly id: number;
  readonly orgId: number;
  name: string;
  description: string;
}

export interface VersionStatusRecord extends Audited {
  readonly id: number;
  readonly orgId: number;
  name: string;
  description: string;
  position: number;
  isShipping: boolean;
  isDiscontinued: boolean;
}

export interface VersionRecord extends Audited {
  readonly id: number;
  readonly orgId: number;
  readonly productId: number;
  versionStatusId: number;
  versionNumber: string;
  releaseDate: Date | null;
  isReleased: boolean;
  description: string;
}

export interface GroupRecord extends Audited {
  readonly id: number;
  readonly orgId: number;
  name: string;
  description: string;
}

/** An agent of the organisation (listed by /users). */
export interface UserRecord extends Audited {
  readonly id: number;
  readonly orgId: number;
  firstName: string;
  lastName: string;
  email: string;
  title: string;
  isActive: boolean;
  primaryGroupId: number | null;
}

/** A customer company of the organisation. */
export interface CustomerRecord extends Audited {
  readonly id: number;
  readonly orgId: number;
  name: string;
}

/** A person at a customer company. */
export interface ContactRecord extends Audited {
  readonly id: number;
  readonly orgId: number;
  customerId: number;
  firstName: string;
  lastName: string;
  email: string;
}

export type CustomFieldType = 'text' | 'number' | 'boolean' | 'date';

export interface CustomFieldRecord extends Audited {
  readonly id: number;
  readonly orgId: number;
  name: string;
  readonly apiName: string;
  fieldType: CustomFieldType;
  /** the ticket types the field belongs to */
  ticketTypeIds: number[];
  position: number;
}

/**
 * TicketNumber and DateModified are read-only here because the state keeps tickets ordered by them: DateModified
 * changes through EmulatorState.setTicketDateModified.
 */
export interface TicketRecord extends Omit<Audited, 'dateModified'> {
  readonly id: number;
  readonly orgId: number;
  readonly ticketNumber: number;
  readonly dateModified: Date;
  name: string;
  ticketTypeId: number;
  ticketStatusId: number;
  ticketSeverityId: number | null;
  userId: number | null;
  groupId: number | null;
  productId: number | null;
  reportedVersionId: number | null;
  solvedVersionId: number | null;
  parentId: number | null;
  isVisibleOnPortal: boolean;
  isKnowledgeBase: boolean;
  dateClosed: Date | null;
  closerId: number | null;
  dueDate: Date | null;
  knowledgeBaseCategoryId: number | null;
  importId: string;
  ticketSource: string;
  jiraKey: string | null;
  /** JiraKey "NewJiraIssue" was sent while a built-in instance is configured */
  jiraNewIssueRequested: boolean;
  /** custom values by custom field id, in their stored text form */
  customValues: Map<number, string>;
  customerIds: number[];
  contactIds: number[];
  tags: string[];
}

export interface ActionRecord extends Audited {
  readonly id: number;
  readonly orgId: number;
  readonly ticketId: number;
  actionTypeId: number | null;
  systemActionTypeId: number;
  name: string;
  description: string;
  /** minutes */
  timeSpent: number | null;
  dateStarted: Date | null;
  isVisibleOnPortal: boolean;
  isKnowledgeBase: boolean;
}

export interface DeletedTicketRecord {
  readonly id: number;
  readonly orgId: number;
  readonly ticketId: number;
  readonly ticketNumber: number;
  readonly name: string;
  readonly dateDeleted: Date;
  readonly deleterId: number;
  readonly deleterEmail: string | null;
}

/** A ticket-history entry (only the JiraKey link step writes them here). */
export interface HistoryRecord {
  readonly id: number;
  readonly orgId: number;
  readonly ticketId: number;
  readonly at: Date;
  readonly actorId: number;
  readonly description: string;
}
