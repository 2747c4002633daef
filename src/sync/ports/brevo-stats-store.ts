// The BrevoStatsStore port: the small per-account figures behind the admin's Brevo status (adapter:
// store/brevo-stats.ts).
import type { Budget } from '../../lib/budget';
import type { BrevoAccountStats } from '../records/brevo-stats';
import type { SinkRateLimit } from '../records/sink';

/**
 * Small per-account records for the admin's Brevo status: written once per successful job and once per contact
 * upserted (not per request), read when the admin opens the status. Writes never throw: the figures are a view, and a
 * failure to record one must not fail the job that sent the events (the failure is logged).
 */
export interface BrevoStatsStore {
  recordSuccess(accountId: string, at: Date, rateLimit: SinkRateLimit | undefined): Promise<void>;
  read(accountId: string): Promise<BrevoAccountStats | undefined>;
  /** remembers that the app created or updated this contact (by the digest of its e-mail address) */
  markContact(accountId: string, emailDigest: string): Promise<void>;
  /**
   * How many contacts are marked, counted page by page; stops at `max` or when the budget runs short, and then says
   * `complete: false` (the count is a lower bound).
   */
  countContacts(
    accountId: string,
    options: { max: number; budget: Budget },
  ): Promise<{ count: number; complete: boolean }>;
}
