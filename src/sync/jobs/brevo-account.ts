// The jobs of work for a whole Brevo account on the outbound queue: its daily team capacity and its backfill
// (sync/brevo/capacity.ts, sync/brevo/backfill.ts), each walked in parts that continue in the next job.
import { z } from 'zod';

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
 * Work for a whole Brevo account rather than one issue: on the outbound queue one at a time with the account's issue
 * jobs (entry/job-queues.ts), so all of an account's Brevo traffic goes one job at a time.
 */
export const brevoAccountJobSchema = z.discriminatedUnion('kind', [
  brevoCapacityJobSchema,
  brevoBackfillJobSchema,
]);
export type BrevoCapacityJob = z.infer<typeof brevoCapacityJobSchema>;
export type BrevoBackfillJob = z.infer<typeof brevoBackfillJobSchema>;
export type BrevoAccountJob = z.infer<typeof brevoAccountJobSchema>;
