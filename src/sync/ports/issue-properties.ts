// The IssuePropertyPort: an issue's entity properties as the app reads and writes them (adapter: jira/issue-properties.ts,
// part of jira/jira-rest.ts).
import type { SyncJson } from '../records/json';

/**
 * An issue's entity properties, as the app: the JQL-searchable copy of its links (sync/links-property.ts). A missing
 * issue reads as a missing property; removing a missing property is not an error.
 */
export interface IssuePropertyPort {
  /** undefined when the issue has no such property (or no longer exists) */
  getIssueProperty(issueId: string, key: string): Promise<{ value: unknown } | undefined>;
  /** creates or replaces the whole value (idempotent: writing it again changes nothing) */
  setIssueProperty(issueId: string, key: string, value: SyncJson): Promise<void>;
  deleteIssueProperty(issueId: string, key: string): Promise<void>;
  /** one page of the issues matching `jql`, each with the value of its property `key` (undefined when absent) */
  searchIssuesWithProperty(
    jql: string,
    key: string,
    page: { nextPageToken?: string; maxResults: number },
  ): Promise<{ issues: Array<{ id: string; property: unknown }>; nextPageToken?: string }>;
}
