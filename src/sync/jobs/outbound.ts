// The jobs of one Jira event on the outbound queue (docs/product.md): a comment, an issue change or deletion for the
// issue's linked tickets (sync/outbound), the event's Brevo events for one account (sync/brevo), and one link's
// release note (its Retry; sync/milestones). Trigger entries turn Jira events into these (entry/jira-events.ts). Small
// on purpose: the queue carries ids, and the consumer re-reads the current state from Jira (events arrive late, out of
// order and more than once).
import { z } from 'zod';
import { releasedVersionSchema } from './milestone';

/** Restricts a job to one link: the admin's or the panel's "Retry" of one failed item. */
const linkTarget = z.object({ instanceId: z.string(), ticketId: z.string() });

export const commentJobSchema = z.object({
  kind: z.literal('comment'),
  issueId: z.string(),
  commentId: z.string(),
  /**
   * Jira sends commented:issue for edits too; edits are not synced
   * (docs/product.md, "Actions and comments are kept in step")
   */
  isEdit: z.boolean(),
  /** restrict the work to one link (admin retry of one failed item) */
  only: linkTarget.optional(),
});

export const issueUpdatedJobSchema = z.object({
  kind: z.literal('issue-updated'),
  issueId: z.string(),
  issueKey: z.string(),
  /** changelog id: makes "status changed" notes idempotent across redeliveries */
  changelogId: z.string(),
  statusChange: z.object({ from: z.string(), to: z.string() }).optional(),
  /** ids (or names, for fields without ids) of the other fields that changed */
  changedFields: z.array(z.string()),
  only: linkTarget.optional(),
});

export const issueDeletedJobSchema = z.object({
  kind: z.literal('issue-deleted'),
  issueId: z.string(),
  issueKey: z.string(),
  only: linkTarget.optional(),
});

/**
 * One Jira event for one Brevo account: the Brevo events it becomes (docs/product.md, "Brevo events"). The consumer
 * re-reads the issue (and the comment), so the job carries ids and what only the event knows (the change).
 */
export const brevoJobSchema = z.object({
  kind: z.literal('brevo'),
  accountId: z.string(),
  issueId: z.string(),
  issueKey: z.string(),
  /** names the Jira event: `created`, the changelog id, or `comment:<id>`; with the kind, it keys the copy-once item */
  jiraEventId: z.string(),
  /** the Jira event's time (ISO-8601), sent as `event_date` so retries keep it */
  eventDate: z.string(),
  events: z
    .array(z.enum(['issueCreated', 'issueUpdated', 'issueResolved', 'statusChanged', 'commentAdded']))
    .min(1),
  statusChange: z.object({ from: z.string(), to: z.string() }).optional(),
  changes: z
    .array(z.object({ field: z.string(), from: z.string().nullable(), to: z.string().nullable() }))
    .optional(),
  commentId: z.string().optional(),
});

/**
 * The release note of one issue, restricted to one link: the admin's "Retry" of a link whose note failed
 * (sync/milestones/release-tickets.ts). One at a time per issue, like every other write to the issue's tickets.
 */
export const releaseNoteJobSchema = z.object({
  kind: z.literal('release-note'),
  issueId: z.string(),
  issueKey: z.string(),
  version: releasedVersionSchema,
  releasedAt: z.string(),
  only: linkTarget.optional(),
});

/** The jobs of one Jira event or one item's retry: what the outbound "Retry" puts back (syncRetrySchema). */
export const outboundJobSchema = z.discriminatedUnion('kind', [
  commentJobSchema,
  issueUpdatedJobSchema,
  issueDeletedJobSchema,
  brevoJobSchema,
  releaseNoteJobSchema,
]);
export type OutboundJob = z.infer<typeof outboundJobSchema>;
export type CommentJob = z.infer<typeof commentJobSchema>;
export type IssueUpdatedJob = z.infer<typeof issueUpdatedJobSchema>;
export type IssueDeletedJob = z.infer<typeof issueDeletedJobSchema>;
export type BrevoJob = z.infer<typeof brevoJobSchema>;
export type ReleaseNoteJob = z.infer<typeof releaseNoteJobSchema>;
/** the jobs that reach linked tickets (sync/outbound); Brevo jobs go to sync/brevo, release notes to sync/milestones */
export type TicketJob = Exclude<OutboundJob, BrevoJob | ReleaseNoteJob>;
