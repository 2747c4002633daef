// What a sync-log entry is about, so that an error a later run fixed can be told from one still open (issue 20): the
// same item is the same instance, ticket, operation and source (the Jira comment, the ticket action, the changelog,
// the ticket itself). The source is read from the entry's retry data, the job Retry would run again, so an error and
// the success of that job's next run name the item alike without either side spelling it out twice.
import { z } from 'zod';

export interface SyncItem {
  instanceId: string;
  ticketId: string;
  /** the sync-log operation, e.g. 'comment-to-action' */
  operation: string;
  /** the id of what is copied or run again: a comment, an action, a changelog, a ticket */
  sourceId: string;
}

const id = z.union([z.string().min(1), z.number()]).transform(String);

/** The source of each retryable job kind (src/sync/jobs/outbound.ts, src/sync/jobs/inbound.ts). */
const SourceOfJob = z.discriminatedUnion('kind', [
  z.object({ kind: z.literal('comment'), commentId: id }).transform((job) => job.commentId),
  z.object({ kind: z.literal('issue-updated'), changelogId: id }).transform((job) => job.changelogId),
  z.object({ kind: z.literal('issue-deleted'), issueId: id }).transform((job) => job.issueId),
  z
    .object({ kind: z.literal('release-note'), issueId: id, version: z.object({ id }) })
    .transform((job) => `${job.issueId}@${job.version.id}`),
  z.object({ kind: z.literal('retry-action'), actionId: id }).transform((job) => job.actionId),
  z.object({ kind: z.literal('retry-ticket'), ticketId: id }).transform((job) => job.ticketId),
]);

/** The item an entry is about, when it names a ticket and carries a job to re-run; undefined otherwise. */
export function syncItemOf(entry: {
  instanceId: string;
  ticketId?: string | undefined;
  operation: string;
  retry?: { kind: string; payload: unknown } | undefined;
}): SyncItem | undefined {
  if (entry.ticketId === undefined || entry.retry === undefined) return undefined;
  const source = SourceOfJob.safeParse(entry.retry.payload);
  if (!source.success) return undefined;
  return {
    instanceId: entry.instanceId,
    ticketId: entry.ticketId,
    operation: entry.operation,
    sourceId: source.data,
  };
}

/** One string per item: what a link remembers of its open errors. */
export function syncItemKey(item: SyncItem): string {
  return JSON.stringify([item.instanceId, item.ticketId, item.operation, item.sourceId]);
}

export function sameSyncItem(a: SyncItem, b: SyncItem): boolean {
  return syncItemKey(a) === syncItemKey(b);
}
