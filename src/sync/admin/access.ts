// Invariant 6 for the admin page: every call requires a Jira administrator, asked of Jira as the caller. The admin
// page's module is listed only to admins, but that is a display rule, not a security boundary
// (docs/forge-platform.md §1.4).
import type { z } from 'zod';
import { fail, parseInput, type Envelope } from '../../lib/envelope';
import type { AdminCall, AdminDeps } from './deps';

/**
 * Runs `work` with the parsed payload if the caller administers Jira. The caller is checked before the payload is
 * read, so someone who may not use the page learns nothing from it, not even which payloads are valid.
 */
export async function asAdmin<S extends z.ZodType, T>(
  deps: AdminDeps,
  call: AdminCall,
  schema: S,
  work: (input: z.output<S>) => Promise<Envelope<T>>,
): Promise<Envelope<T>> {
  if (!(await deps.caller.isJiraAdmin())) {
    return fail('FORBIDDEN', "Only Jira administrators can use the app's settings.");
  }
  const input = parseInput(schema, call.payload);
  return input.ok ? work(input.value) : input;
}
