// The JiraUserPort: Jira as the Custom UI caller (asUser), to decide what the caller may see and do (adapter:
// jira/jira-rest.ts JiraAsUser).

/** Jira as the Custom UI caller (asUser): used to decide what the caller may see and do. */
export interface JiraUserPort {
  canBrowseIssue(issueId: string): Promise<boolean>;
  hasIssuePermissions(issueId: string, permissions: readonly string[]): Promise<Record<string, boolean>>;
  isJiraAdmin(): Promise<boolean>;
}
