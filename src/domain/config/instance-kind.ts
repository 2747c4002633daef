// The ticket-system kinds an instance can have; the instance schemas are unions keyed on it, so a second ticket system
// can be added beside TeamSupport.
import type { z } from 'zod';

/** Ticket systems an instance can point at; each kind adds one member to the instance unions. */
export const INSTANCE_KINDS = ['teamsupport'] as const;

const UNKNOWN_KIND = `kind must be one of: ${INSTANCE_KINDS.map((kind) => `"${kind}"`).join(', ')}.`;

/** Error for the `kind` discriminated unions: a wrong kind, or no instance object at all. */
export function instanceKindError(issue: z.core.$ZodRawIssue): string {
  const input = issue.input;
  const isObject = typeof input === 'object' && input !== null && !Array.isArray(input);
  return isObject
    ? UNKNOWN_KIND
    : 'Expected an instance object such as { "kind": "teamsupport", "name": … }.';
}
