// Work items that travel through the Forge queue. Trigger entries turn Jira events into these; queue consumers and
// the admin page's "Retry" parse them back. Small on purpose: the queue carries ids, and the consumer re-reads the
// current state from Jira (events arrive late, out of order and more than once).
import { z } from 'zod';
import { releaseNoteJobSchema, type ReleaseNoteJob } from './milestones/jobs';

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

export const outboundJobSchema = z.discriminatedUnion('kind', [
  commentJobSchema,
  issueUpdatedJobSchema,
  issueDeletedJobSchema,
  brevoJobSchema,
  // a release note on one issue's tickets (the admin's Retry of one link; sync/milestones)
  releaseNoteJobSchema,
]);
export type OutboundJob = z.infer<typeof outboundJobSchema>;
export type CommentJob = z.infer<typeof commentJobSchema>;
export type IssueUpdatedJob = z.infer<typeof issueUpdatedJobSchema>;
export type IssueDeletedJob = z.infer<typeof issueDeletedJobSchema>;
export type BrevoJob = z.infer<typeof brevoJobSchema>;
/** the jobs that reach linked tickets (sync/outbound); Brevo jobs go to sync/brevo, release notes to sync/milestones */
export type TicketJob = Exclude<OutboundJob, BrevoJob | ReleaseNoteJob>;

/**
 * The daily team capacity of one Brevo account (docs/product.md, "Team capacity"): its projects' figures and events,
 * then its people's attributes, each list walked from `next` so that a long one continues in the next invocation.
 */
export const brevoCapacityJobSchema = z.object({
  kind: z.literal('brevo-capacity'),
  accountId: z.string(),
  /** the UTC day the figures are for (YYYY-MM-DD), fixed by the scheduled run: it names each event once */
  day: z.string().regex(/^\d{4}-\d{2}-\d{2}$/),
  phase: z.enum(['projects', 'people']),
  next: z.number().int().nonnegative(),
});

/** One page of a Brevo account's backfill ("Send the last N days"); the resume point is in storage, not here. */
export const brevoBackfillJobSchema = z.object({
  kind: z.literal('brevo-backfill'),
  accountId: z.string(),
  runId: z.string(),
});

/**
 * Work for a whole Brevo account rather than one issue: on the outbound queue with the concurrency key
 * `brevo-<accountId>`, like the account's issue jobs, so all of an account's Brevo traffic goes one job at a time.
 */
export const brevoAccountJobSchema = z.discriminatedUnion('kind', [
  brevoCapacityJobSchema,
  brevoBackfillJobSchema,
]);
export type BrevoCapacityJob = z.infer<typeof brevoCapacityJobSchema>;
export type BrevoBackfillJob = z.infer<typeof brevoBackfillJobSchema>;
export type BrevoAccountJob = z.infer<typeof brevoAccountJobSchema>;

export const OUTBOUND_QUEUE = 'outbound-sync';
export const INBOUND_QUEUE = 'inbound-sync';

/** Continue (or start) an instance's pull from its stored cursor; the scheduled trigger hands over long pulls so. */
export const pullJobSchema = z.object({ kind: z.literal('pull'), instanceId: z.string() });

/** Copy one ticket action into Jira again (admin "Retry" of a failed inbound item). */
export const retryActionJobSchema = z.object({
  kind: z.literal('retry-action'),
  instanceId: z.string(),
  ticketId: z.string(),
  actionId: z.string(),
});

/** Run a ticket's escalation or correlation-field link again (admin "Retry"). */
export const retryTicketJobSchema = z.object({
  kind: z.literal('retry-ticket'),
  instanceId: z.string(),
  ticketId: z.string(),
});

/**
 * Check one ticket for new actions between scheduled pulls (src/sync/inbound/hot-check.ts): a hot ticket's check
 * names its ticket id and the `chain` of checks it belongs to (a check whose chain is no longer the ticket's stops);
 * a push hint's names only the ticket number the hint gave, and starts the ticket's hot window.
 */
export const checkTicketJobSchema = z.union([
  z.object({
    kind: z.literal('check-ticket'),
    instanceId: z.string(),
    ticketId: z.string(),
    chain: z.string(),
  }),
  z.object({ kind: z.literal('check-ticket'), instanceId: z.string(), ticketNumber: z.string() }),
]);
export type CheckTicketJob = z.infer<typeof checkTicketJobSchema>;

export const inboundJobSchema = z.union([
  z.discriminatedUnion('kind', [pullJobSchema, retryActionJobSchema, retryTicketJobSchema]),
  checkTicketJobSchema,
]);
export type InboundJob = z.infer<typeof inboundJobSchema>;

/** The `retry` of a sync-log entry names the queue its job goes back to. */
export const syncRetrySchema = z.discriminatedUnion('kind', [
  z.object({ kind: z.literal('outbound'), payload: outboundJobSchema }),
  z.object({ kind: z.literal('inbound'), payload: inboundJobSchema }),
]);
