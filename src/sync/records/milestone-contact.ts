// One contact's part of a milestone, collected across invocations (sync/ports/milestone-contact-store.ts).
import type { SyncJson } from './json';

/** One contact's part of a milestone, collected across invocations (sync/milestones/brevo-collect). */
export interface MilestoneContact {
  jiraAccountId: string;
  /** the contact's own issues in the milestone, in the order they were found, each once */
  issueKeys: string[];
  /** the first of those issues as the events describe it (for the contact's attributes and lists) */
  firstIssue: { [key: string]: SyncJson };
}
