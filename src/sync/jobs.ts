// Work items that travel through the Forge queue. Trigger entries turn Jira events into these; queue consumers and
// the admin page's "Retry" parse them back. Small on purpose: the queue carries ids, and the consumer re-reads the
// current state from Jira (events arrive late, out of order and more than once).
import { z } from 'zod';

const linkTarget = z.object({ instanceId: z.string(), ticketId: z.string() });

export const commentJobSchema = z.object({
  kind: z.literal('comment'),
  issueId: z.string(),
  commentId: z.string(),
  /** Jira sends commented:issue for edits too; edits are not synced (seed 000) */
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

export const outboundJobSchema = z.discriminatedUnion('kind', [
  commentJobSchema,
  issueUpdatedJobSchema,
  issueDeletedJobSchema,
]);
export type OutboundJob = z.infer<typeof outboundJobSchema>;
export type CommentJob = z.infer<typeof commentJobSchema>;
export type IssueUpdatedJob = z.infer<typeof issueUpdatedJobSchema>;
export type IssueDeletedJob = z.infer<typeof issueDeletedJobSchema>;

export const OUTBOUND_QUEUE = 'outbound-sync';
export const INBOUND_QUEUE = 'inbound-sync';
