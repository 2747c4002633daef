// The two Forge queues and everything they carry: every job family in one union (queueJobSchema) that the consumers
// parse once and dispatch by kind (entry/consumers.ts), and the retry data of a sync-log entry. Which queue each kind
// goes on, and which jobs it runs one at a time with, is decided where jobs are pushed (entry/job-queues.ts).
import { z } from 'zod';
import { brevoAccountJobSchema } from './brevo-account';
import { inboundJobSchema } from './inbound';
import { linksRepairJobSchema } from './links-repair';
import { milestoneJobSchema } from './milestone';
import { outboundJobSchema } from './outbound';

export const OUTBOUND_QUEUE = 'outbound-sync';
export const INBOUND_QUEUE = 'inbound-sync';

/** The `retry` of a sync-log entry names the queue its job goes back to. */
export const syncRetrySchema = z.discriminatedUnion('kind', [
  z.object({ kind: z.literal('outbound'), payload: outboundJobSchema }),
  z.object({ kind: z.literal('inbound'), payload: inboundJobSchema }),
]);
export type RetryJob = z.infer<typeof syncRetrySchema>;

/**
 * Every job either queue carries: the consumers parse this once and dispatch by kind (entry/consumers.ts). A body that
 * parses as none of them can never succeed.
 */
export const queueJobSchema = z.discriminatedUnion('kind', [
  outboundJobSchema,
  brevoAccountJobSchema,
  milestoneJobSchema,
  linksRepairJobSchema,
  inboundJobSchema,
]);
export type QueueJob = z.infer<typeof queueJobSchema>;
