// What the last successful Brevo job of an account left behind for the admin's status (sync/ports/brevo-stats-store.ts).
import type { SinkRateLimit } from './sink';

/** What the last successful Brevo job of an account left behind for the admin's status view. */
export interface BrevoAccountStats {
  /** ISO-8601 UTC */
  lastSuccessAt: string;
  /** the newest quota Brevo reported to a successful job; kept from an earlier job when a later one made no request */
  rateLimit?: SinkRateLimit;
}
