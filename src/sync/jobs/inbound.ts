// The jobs of the inbound queue (sync/inbound/execute.ts): a pull handed over from its cursor, one ticket or action
// retried on its own, and the check of a hot or hinted ticket between pulls.
import { z } from 'zod';

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
export const checkTicketJobSchema = z
  // One kind in two shapes: the kind picks this schema in the unions below, the shape is read after it.
  .looseObject({ kind: z.literal('check-ticket') })
  .pipe(
    z.union([
      z.object({
        kind: z.literal('check-ticket'),
        instanceId: z.string(),
        ticketId: z.string(),
        chain: z.string(),
      }),
      z.object({ kind: z.literal('check-ticket'), instanceId: z.string(), ticketNumber: z.string() }),
    ]),
  );
export type CheckTicketJob = z.infer<typeof checkTicketJobSchema>;

export const inboundJobSchema = z.discriminatedUnion('kind', [
  pullJobSchema,
  retryActionJobSchema,
  retryTicketJobSchema,
  checkTicketJobSchema,
]);
export type InboundJob = z.infer<typeof inboundJobSchema>;
export type PullJob = z.infer<typeof pullJobSchema>;
