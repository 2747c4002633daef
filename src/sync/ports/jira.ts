// The JiraPort: Jira as the app itself (asApp), for sync decisions and for writes whose events must not echo back
// (adapter: jira/jira-rest.ts).
import type { AdfDoc } from '../../domain/content';
import type { JiraComment, JiraField, JiraIssue } from '../../domain/jira';
import type { CommentForSync, CreateMetaField, IssueChangeGroup, RemoteLinkInput } from '../records/jira';
import type { IssuePropertyPort } from './issue-properties';

/** Jira as the app itself (asApp): reads for sync decisions, and writes whose events must not echo back. */
export interface JiraPort extends IssuePropertyPort {
  /** undefined when the issue does not exist (or was deleted) */
  getIssue(issueIdOrKey: string, extraFieldIds?: readonly string[]): Promise<JiraIssue | undefined>;
  /** re-reads a comment with its visibility and properties; undefined when it is gone */
  getComment(issueId: string, commentId: string): Promise<JiraComment | undefined>;
  /**
   * What sending a comment out of Jira needs, in one read: the issue's key and security level, and the comment with
   * its visibility and properties (`comment` undefined when it is gone). Undefined when the issue does not exist or
   * the app may not browse it.
   */
  getCommentForSync(issueId: string, commentId: string): Promise<CommentForSync | undefined>;
  addComment(
    issueId: string,
    body: AdfDoc,
    properties: ReadonlyArray<{ key: string; value: unknown }>,
  ): Promise<{ id: string }>;
  /** the id of a comment of the issue carrying property `key` whose value `matches` (read-before-write after a crash) */
  findCommentWithProperty(
    issueId: string,
    key: string,
    matches: (value: unknown) => boolean,
  ): Promise<string | undefined>;
  listFields(): Promise<JiraField[]>;
  /** `properties` are set on the new issue in the same request, so the issue carries its origin from the start */
  createIssue(
    fields: Record<string, unknown>,
    properties?: ReadonlyArray<{ key: string; value: unknown }>,
  ): Promise<{ id: string; key: string }>;
  /** a Jira user's name and, when their privacy settings let the app see it, e-mail address; undefined when unknown */
  getUser(
    accountId: string,
  ): Promise<{ accountId: string; displayName: string; email: string | null } | undefined>;
  /** the site's address (https://<site>.atlassian.net), for links to issues */
  siteUrl(): Promise<string>;
  /**
   * One page of an enhanced JQL search (a read). Each issue carries the JiraIssue fields plus `fields` in its raw
   * `fields`; `nextPageToken` is absent on the last page. Order the JQL (e.g. `ORDER BY id ASC`) to page stably.
   */
  searchIssues(
    jql: string,
    fields: readonly string[],
    page: { nextPageToken?: string; maxResults: number },
  ): Promise<{ issues: JiraIssue[]; nextPageToken?: string }>;
  /** Jira's approximate count of the issues matching `jql` (recently changed issues may be missing) */
  countIssues(jql: string): Promise<number>;
  /** the users who can be assigned issues of the project: the whole window Jira searches (its first 1,000 users) */
  listAssignableUsers(projectKey: string): Promise<Array<{ accountId: string; displayName: string }>>;
  /** the issue's change history, oldest first, every page read (a backfill rebuilds the issue's events from it) */
  listChangelog(issueId: string): Promise<IssueChangeGroup[]>;
  /** the issue's comments with their visibility and properties, oldest first, every page read */
  listComments(issueId: string): Promise<JiraComment[]>;
  /** the account id of the project's lead; undefined when the project names none or does not exist */
  getProjectLead(projectKey: string): Promise<string | undefined>;
  /** whether the issue matches a JQL filter (one search, restricted to the issue) */
  issueMatchesJql(issueId: string, jql: string): Promise<boolean>;
  /**
   * Runs `jql` once (one issue at most): whether Jira accepts it and whether any issue matches. Jira's refusal (a 400,
   * e.g. a syntax error or an unknown field or value) is `ok: false` with Jira's message; other failures throw.
   */
  validateJql(jql: string): Promise<{ ok: true; anyMatch: boolean } | { ok: false; message: string }>;
  /** the issue whose property `key` holds `value` at `path` (an indexed property, see manifest.yml), if any */
  findIssueByProperty(
    key: string,
    path: string,
    value: string,
  ): Promise<{ id: string; key: string } | undefined>;
  projectExists(projectKey: string): Promise<boolean>;
  /** undefined when the project does not exist */
  createMetaIssueTypes(projectKey: string): Promise<Array<{ id: string; name: string }> | undefined>;
  createMetaFields(projectKey: string, issueTypeId: string): Promise<CreateMetaField[]>;
  upsertRemoteLink(issueId: string, link: RemoteLinkInput): Promise<void>;
  deleteRemoteLink(issueId: string, globalId: string): Promise<void>;
  listRemoteLinkGlobalIds(issueId: string): Promise<string[]>;
  listStatuses(): Promise<Array<{ id: string; name: string }>>;
  /** every issue type of the site (for the admin's type mappings) */
  listIssueTypes(): Promise<Array<{ id: string; name: string }>>;
  /** every project the app can see (for the admin's project mappings) */
  listProjects(): Promise<Array<{ id: string; key: string; name: string }>>;
}
