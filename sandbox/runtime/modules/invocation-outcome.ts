// How the platform reads an invocation's result: an InvocationError asking for a retry (as @forge/events serialises
// it), a time-out or a failure, and the words the event log uses for each.
import { z } from 'zod';
import type { InvocationResult } from '../host';

// What a consumer or trigger returns when it asks for a retry: an InvocationError serialised by @forge/events.
const retryRequestSchema = z.object({
  _retry: z.literal(true),
  retryOptions: z
    .object({ retryAfter: z.number().optional(), retryReason: z.string().optional(), retryData: z.unknown() })
    .partial()
    .optional(),
});
export type RetryRequest = z.infer<typeof retryRequestSchema>;

/** The retry a handler asked for, if any; marks the invocation record's outcome as a retry. */
export function retryRequested(result: InvocationResult): RetryRequest | undefined {
  if (result.status !== 'ok') return undefined;
  const parsed = retryRequestSchema.safeParse(result.value);
  if (parsed.success) result.record.outcome = 'retry';
  return parsed.success ? parsed.data : undefined;
}

export function describeResult(result: InvocationResult): string {
  if (result.status === 'timeout') return `timed out after ${result.record.budgetMs} ms`;
  if (result.status === 'error') return `failed: ${result.record.error ?? 'unknown error'}`;
  return result.record.outcome === 'retry' ? 'asked for a retry' : 'ok';
}
