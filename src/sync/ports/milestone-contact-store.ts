// The MilestoneContactStore port: who a Brevo account's milestone event goes to, collected page by page
// (sync/milestones/brevo-collect.ts; adapter: store/milestone-contacts.ts).
import type { MilestoneContact } from '../records/milestone-contact';

/**
 * Who a Brevo account's milestone event goes to, while the milestone's issues are read page by page: one record per
 * contact (`contactId` is a digest of the Jira account id), a roster of each page's contacts, and a mark once the
 * events are sent. Reads are strongly consistent (no queries), so a page written just before is never missed.
 */
export interface MilestoneContactStore {
  /** merges each contact's issue keys into its record and lists the page's contacts in the page's roster */
  collect(
    accountId: string,
    milestoneRef: string,
    page: number,
    contacts: ReadonlyArray<{ contactId: string; contact: MilestoneContact }>,
  ): Promise<void>;
  /** the contact ids of one collected page; [] when there is none (never collected, or sent and removed) */
  roster(accountId: string, milestoneRef: string, page: number): Promise<string[]>;
  get(accountId: string, milestoneRef: string, contactId: string): Promise<MilestoneContact | undefined>;
  remove(accountId: string, milestoneRef: string, contactId: string): Promise<void>;
  removeRoster(accountId: string, milestoneRef: string, page: number): Promise<void>;
  /** whether the milestone's events went out for this account (a second release sends nothing) */
  isDone(accountId: string, milestoneRef: string): Promise<boolean>;
  markDone(accountId: string, milestoneRef: string): Promise<void>;
}
