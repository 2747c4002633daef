// Parses the Jira product events the app subscribes to (docs/forge-platform.md §2) into outbound jobs. Only what the
// jobs need is read; everything else in the payload may change without breaking us.
import { z } from 'zod';
import { brevoChangeOf, inBrevoScope, type BrevoEventKind } from '../domain/brevo-event';
import type { BrevoJob, TicketJob } from '../sync/jobs/outbound';

const named = z.looseObject({ name: z.string() });
const issueRef = z.looseObject({
  id: z.string(),
  key: z.string(),
  // What the trigger needs to tell whether a Brevo account wants the event, before any job is queued.
  fields: z
    .looseObject({ project: z.looseObject({ key: z.string() }).optional(), issuetype: named.optional() })
    .optional(),
});
const eventTime = z.union([z.string(), z.number()]).optional();

const createdSchema = z.looseObject({
  eventType: z.literal('avi:jira:created:issue'),
  issue: issueRef,
  timestamp: eventTime,
});

const commentedSchema = z.looseObject({
  eventType: z.literal('avi:jira:commented:issue'),
  issue: issueRef,
  comment: z.looseObject({ id: z.string(), created: z.string().optional(), updated: z.string().optional() }),
  timestamp: eventTime,
});

// Changelog items carry a key named `toString`; reading it off an object that lacks it would find
// Object.prototype.toString, so only own properties are taken, under names that cannot collide.
const ownText = (raw: object, key: string): unknown =>
  Object.hasOwn(raw, key) ? Reflect.get(raw, key) : null;
const changelogItemSchema = z.preprocess(
  (raw) =>
    typeof raw === 'object' && raw !== null
      ? {
          field: ownText(raw, 'field'),
          fieldId: ownText(raw, 'fieldId'),
          fromText: ownText(raw, 'fromString'),
          toText: ownText(raw, 'toString'),
        }
      : raw,
  z.object({
    field: z.string(),
    fieldId: z.string().nullable(),
    fromText: z.string().nullable(),
    toText: z.string().nullable(),
  }),
);

const updatedSchema = z.looseObject({
  eventType: z.literal('avi:jira:updated:issue'),
  issue: issueRef,
  changelog: z
    .looseObject({ id: z.union([z.string(), z.number()]).optional(), items: z.array(changelogItemSchema) })
    .optional(),
  timestamp: z.union([z.string(), z.number()]).optional(),
});

const deletedSchema = z.looseObject({ eventType: z.literal('avi:jira:deleted:issue'), issue: issueRef });

export const jiraEventSchema = z.discriminatedUnion('eventType', [
  createdSchema,
  commentedSchema,
  updatedSchema,
  deletedSchema,
]);

// Changelog entries that are not field values of the issue itself.
const IGNORED_FIELDS = new Set([
  'status',
  'Comment',
  'IssueParentAssociation',
  'WorklogId',
  'timespent',
  'Attachment',
]);

/** The job for an event, or undefined when the event carries nothing to sync (e.g. the update a new comment fires). */
export function jobForEvent(event: JiraEvent): TicketJob | undefined {
  switch (event.eventType) {
    case 'avi:jira:created:issue':
      // A new issue has no linked ticket yet; only Brevo accounts hear of it (brevoJobsFor).
      return undefined;
    case 'avi:jira:commented:issue':
      return {
        kind: 'comment',
        issueId: event.issue.id,
        commentId: event.comment.id,
        isEdit: event.comment.updated !== undefined && event.comment.updated !== event.comment.created,
      };
    case 'avi:jira:deleted:issue':
      return { kind: 'issue-deleted', issueId: event.issue.id, issueKey: event.issue.key };
    case 'avi:jira:updated:issue': {
      const items = event.changelog?.items ?? [];
      const status = items.find((item) => item.field === 'status');
      const changedFields = [
        ...new Set(
          items.filter((item) => !IGNORED_FIELDS.has(item.field)).map((item) => item.fieldId ?? item.field),
        ),
      ];
      if (!status && changedFields.length === 0) return undefined;
      return {
        kind: 'issue-updated',
        issueId: event.issue.id,
        issueKey: event.issue.key,
        changelogId: String(event.changelog?.id ?? event.timestamp ?? 'unknown'),
        ...(status ? { statusChange: { from: status.fromText ?? '', to: status.toText ?? '' } } : {}),
        changedFields,
      };
    }
  }
}

export type JiraEvent = z.infer<typeof jiraEventSchema>;

function isoTime(value: string | number | undefined): string {
  const date =
    value === undefined ? new Date() : new Date(typeof value === 'number' ? value : Date.parse(value));
  return Number.isNaN(date.getTime()) ? new Date().toISOString() : date.toISOString();
}

/** What the event means for Brevo, before knowing which accounts want it; undefined when nothing. */
export function brevoChangeFor(event: JiraEvent): Omit<BrevoJob, 'accountId'> | undefined {
  const base = { kind: 'brevo' as const, issueId: event.issue.id, issueKey: event.issue.key };
  switch (event.eventType) {
    case 'avi:jira:created:issue':
      return {
        ...base,
        jiraEventId: 'created',
        eventDate: isoTime(event.timestamp),
        events: ['issueCreated'],
      };
    case 'avi:jira:commented:issue': {
      const edited = event.comment.updated !== undefined && event.comment.updated !== event.comment.created;
      if (edited) return undefined;
      return {
        ...base,
        jiraEventId: `comment-${event.comment.id}`,
        eventDate: isoTime(event.comment.created ?? event.timestamp),
        events: ['commentAdded'],
        commentId: event.comment.id,
      };
    }
    case 'avi:jira:updated:issue': {
      const change = brevoChangeOf(event.changelog?.items ?? []);
      if (!change) return undefined;
      return {
        ...base,
        jiraEventId: `change-${String(event.changelog?.id ?? event.timestamp ?? 'unknown')}`,
        eventDate: isoTime(event.timestamp),
        ...change,
      };
    }
    case 'avi:jira:deleted:issue':
      return undefined;
  }
}

/** The account settings the trigger checks: cheap filters only (the consumer checks the JQL and the rest). */
export interface BrevoAccountFilter {
  id: string;
  active: boolean;
  projects: 'all' | readonly string[];
  issueTypes: 'all' | readonly string[];
  events: Readonly<Record<BrevoEventKind, boolean>>;
}

/** One job per active Brevo account that wants this change, for this issue's project and type. */
export function brevoJobsFor(
  event: JiraEvent,
  change: Omit<BrevoJob, 'accountId'>,
  accounts: readonly BrevoAccountFilter[],
): BrevoJob[] {
  const project = event.issue.fields?.project?.key;
  const issueType = event.issue.fields?.issuetype?.name;
  return accounts.flatMap((account) => {
    const [first, ...rest] = change.events.filter((kind) => account.events[kind]);
    if (!account.active || first === undefined) return [];
    // A payload without the project or type lets the consumer decide, after it re-reads the issue.
    return inBrevoScope(account, project, issueType)
      ? [{ ...change, accountId: account.id, events: [first, ...rest] }]
      : [];
  });
}
