// The TeamSupport organization's time zone setting, without which TeamSupport's offset-less dates cannot be read as
// instants (docs/teamsupport-api.md §11).
import { z } from 'zod';

export const DEFAULT_TIME_ZONE = 'UTC';

/** True when the runtime knows `name` as a time zone (IANA names; Intl matches them ignoring case). */
export function isKnownTimeZone(name: string): boolean {
  try {
    new Intl.DateTimeFormat('en-US', { timeZone: name });
    return true;
  } catch {
    return false;
  }
}

/**
 * The TeamSupport organization's time zone. TeamSupport writes dates in the org's local time with no offset
 * (docs/teamsupport-api.md §11), so without this zone the app cannot order ticket dates against Jira's UTC timestamps.
 * Kept as typed: canonical names differ between ICU versions, and any accepted spelling works with Intl.
 */
export const TimeZoneSchema = z
  .string({ error: 'Time zone must be text, e.g. Europe/Berlin.' })
  .refine(isKnownTimeZone, {
    error: (issue) =>
      `Unknown time zone "${String(issue.input)}": use an IANA zone name such as America/New_York, Europe/Berlin or UTC ` +
      '(the zone set for your TeamSupport organization).',
  });
