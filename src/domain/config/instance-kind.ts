// The kinds an instance can have; the instance schemas are unions keyed on it, so a second ticket system can be added
// beside TeamSupport. A Brevo account (an event sink, not a ticket system) is the other kind the admin page saves.
import type { z } from 'zod';

/** What an instance can point at: a ticket system, or Brevo (kept in its own list of the settings document). */
export const INSTANCE_KINDS = ['teamsupport', 'brevo'] as const;
export type InstanceKind = (typeof INSTANCE_KINDS)[number];

const UNKNOWN_KIND = `kind must be one of: ${INSTANCE_KINDS.map((kind) => `"${kind}"`).join(', ')}.`;

/** Error for the `kind` discriminated unions: a wrong kind, or no instance object at all. */
export function instanceKindError(issue: z.core.$ZodRawIssue): string {
  const input = issue.input;
  const isObject = typeof input === 'object' && input !== null && !Array.isArray(input);
  return isObject
    ? UNKNOWN_KIND
    : 'Expected an instance object such as { "kind": "teamsupport", "name": … }.';
}
