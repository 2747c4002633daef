// The one spelling of a stored time in the settings document, so every record sorts and compares the same way.
import { z } from 'zod';

export const TimestampSchema = z.iso.datetime({
  error: 'Use an ISO 8601 UTC timestamp, e.g. 2024-05-01T12:00:00.000Z.',
});
