// Parses the Jira product events the app subscribes to (docs/forge-platform.md §2) into outbound jobs. Only what the
// jobs need is read; everything else in the payload may change without breaking us.
import { z } from 'zod';
import type { OutboundJob } from '../sync/jobs';

const issueRef = z.looseObject({ id: z.string(), key: z.string() });

const commentedSchema = z.looseObject({
  eventType: z.literal('avi:jira:commented:issue'),
  issue: issueRef,
  comment: z.looseObject({ id: z.string(), created: z.string().optional(), updated: z.string().optional() }),
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
export function jobForEvent(event: z.infer<typeof jiraEventSchema>): OutboundJob | undefined {
  switch (event.eventType) {
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
