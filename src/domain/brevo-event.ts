// What a Jira issue's activity becomes on a Brevo contact (docs/product.md, "Brevo events"): the event names, the
// properties every event carries, and the contact attributes mapped from the issue and the person. Pure rules; the
// sync use case (sync/brevo) reads Jira and writes Brevo.
import { sameName } from './names';

export type BrevoEventKind =
  'issueCreated' | 'issueUpdated' | 'issueResolved' | 'statusChanged' | 'commentAdded';

export const BREVO_EVENT_NAMES: Readonly<Record<BrevoEventKind, string>> = {
  issueCreated: 'jira_issue_created',
  issueUpdated: 'jira_issue_updated',
  issueResolved: 'jira_issue_resolved',
  statusChanged: 'jira_issue_status_changed',
  commentAdded: 'jira_comment_added',
};

/** The events of milestones (docs/product.md, "Releases and sprints"): one per contact, not per issue. */
export const MILESTONE_EVENT_NAMES = {
  versionReleased: 'jira_version_released',
  sprintClosed: 'jira_sprint_closed',
} as const;

export type BrevoValue = string | number | boolean | null;

/** The issue as the events describe it. */
export interface IssueFacts {
  id: string;
  key: string;
  summary: string;
  status: string;
  priority: string | null;
  issueType: string;
  projectKey: string;
  /** ISO-8601 */
  created: string | null;
  resolution: string | null;
  url: string | null;
}

/** A person the issue concerns (reporter, assignee, request participant), with the e-mail Jira lets the app see. */
export interface ContactPerson {
  accountId: string;
  displayName: string;
  email: string;
}

export type AttributeSource =
  | 'accountId'
  | 'displayName'
  | 'issueKey'
  | 'summary'
  | 'status'
  | 'priority'
  | 'created'
  | 'resolution'
  | 'projectKey'
  | 'issueType';

export interface AttributeMapping {
  source: AttributeSource;
  attribute: string;
}

/** The projects and issue types a Brevo account covers. */
export interface BrevoScope {
  projects: 'all' | readonly string[];
  issueTypes: 'all' | readonly string[];
}

/**
 * Whether an issue of this project and type is in the account's scope. An unknown project or type (undefined: an event
 * payload without it) is not ruled out: whoever re-reads the issue decides.
 */
export function inBrevoScope(
  scope: BrevoScope,
  projectKey: string | undefined,
  issueType: string | undefined,
): boolean {
  const covers = (list: 'all' | readonly string[], value: string | undefined) =>
    list === 'all' || value === undefined || list.some((entry) => sameName(entry, value));
  return covers(scope.projects, projectKey) && covers(scope.issueTypes, issueType);
}

/** Brevo refuses event properties over 50 KB in total; the comment text gets what is left, with room to spare. */
export const EVENT_PROPERTIES_LIMIT_BYTES = 50 * 1024;
const COMMENT_BUDGET_BYTES = 40 * 1024;

/** `text` cut to at most `maxBytes` of UTF-8, at a character boundary, with "…" when something was cut. */
export function cutToBytes(text: string, maxBytes: number): string {
  if (Buffer.byteLength(text, 'utf8') <= maxBytes) return text;
  const ellipsis = '…';
  let bytes = Buffer.byteLength(ellipsis, 'utf8');
  let out = '';
  for (const char of text) {
    const size = Buffer.byteLength(char, 'utf8');
    if (bytes + size > maxBytes) break;
    out += char;
    bytes += size;
  }
  return out + ellipsis;
}

/** The properties every event of an issue carries (`issue_key`, `project` and `event_date` always). */
export function issueEventProperties(issue: IssueFacts, eventDate: string): Record<string, BrevoValue> {
  return {
    issue_key: issue.key,
    issue_id: issue.id,
    project: issue.projectKey,
    issue_type: issue.issueType,
    summary: issue.summary,
    status: issue.status,
    priority: issue.priority,
    issue_url: issue.url,
    event_date: eventDate,
  };
}

/** A comment's plain text as an event property, cut so that the event stays within Brevo's limit. */
export function commentProperty(plainText: string): string {
  return cutToBytes(plainText, COMMENT_BUDGET_BYTES);
}

function sourceValue(source: AttributeSource, person: ContactPerson, issue: IssueFacts): BrevoValue {
  switch (source) {
    case 'accountId':
      return person.accountId;
    case 'displayName':
      return person.displayName;
    case 'issueKey':
      return issue.key;
    case 'summary':
      return issue.summary;
    case 'status':
      return issue.status;
    case 'priority':
      return issue.priority;
    case 'created':
      return issue.created;
    case 'resolution':
      return issue.resolution;
    case 'projectKey':
      return issue.projectKey;
    case 'issueType':
      return issue.issueType;
  }
}

/** The contact's attributes by the account's mappings; values Jira does not have are left out, never blanked. */
export function contactAttributes(
  mappings: readonly AttributeMapping[],
  person: ContactPerson,
  issue: IssueFacts,
): Record<string, BrevoValue> {
  const attributes: Record<string, BrevoValue> = {};
  for (const mapping of mappings) {
    const value = sourceValue(mapping.source, person, issue);
    if (value !== null && value !== '') attributes[mapping.attribute.toUpperCase()] = value;
  }
  return attributes;
}

/** One item of a Jira changelog entry, as the app reads it (field name or id, and the values as text). */
export interface ChangelogItem {
  field: string;
  fieldId: string | null;
  fromText: string | null;
  toText: string | null;
}

/** What one changelog entry means for Brevo: the events it makes, in order, and what only the change knows. */
export interface BrevoChange {
  events: [BrevoEventKind, ...BrevoEventKind[]];
  statusChange?: { from: string; to: string };
  changes?: Array<{ field: string; from: string | null; to: string | null }>;
}

// Changes that make a `jira_issue_updated` event: the issue fields the Brevo attributes are mapped from.
const BREVO_UPDATE_FIELDS = new Set(['summary', 'priority', 'issuetype', 'project']);

/**
 * The Brevo events of one changelog entry (a status change, a resolution set, a change of a mapped field); undefined
 * when it makes none. The live trigger and the backfill both read changes by this one rule, so an event has one
 * meaning (and one ledger key) whichever flow sends it.
 */
export function brevoChangeOf(items: readonly ChangelogItem[]): BrevoChange | undefined {
  const status = items.find((item) => item.field === 'status');
  const resolved = items.find((item) => item.field === 'resolution' && item.toText);
  const changes = items
    .filter((item) => BREVO_UPDATE_FIELDS.has(item.fieldId ?? item.field))
    .map((item) => ({ field: item.fieldId ?? item.field, from: item.fromText, to: item.toText }));
  const events: BrevoEventKind[] = [
    ...(status ? (['statusChanged'] as const) : []),
    ...(resolved ? (['issueResolved'] as const) : []),
    ...(changes.length > 0 ? (['issueUpdated'] as const) : []),
  ];
  const [first, ...rest] = events;
  if (first === undefined) return undefined;
  return {
    events: [first, ...rest],
    ...(status ? { statusChange: { from: status.fromText ?? '', to: status.toText ?? '' } } : {}),
    ...(changes.length > 0 ? { changes } : {}),
  };
}
