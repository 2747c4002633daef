// What the JiraPort (sync/ports/jira.ts) answers and is asked besides issues and comments (domain/jira.ts).
import type { JiraComment, JiraIssue } from '../../domain/jira';

export interface CreateMetaField {
  fieldId: string;
  name: string;
  required: boolean;
  hasDefaultValue: boolean;
  type: string | null;
  itemsType: string | null;
  allowedValues: Array<{ id: string; name: string }>;
}

export interface RemoteLinkInput {
  globalId: string;
  applicationName: string;
  applicationType: string;
  url: string;
  title: string;
  summary?: string;
}

/** One entry of an issue's change history: what changed together, as Jira's changelog lists it. */
export interface IssueChangeGroup {
  /** the changelog id, as the `avi:jira:updated:issue` event of the change carries it */
  id: string;
  /** ISO-8601, as Jira wrote it */
  created: string;
  items: Array<{ field: string; fieldId: string | null; fromText: string | null; toText: string | null }>;
}

/** A comment about to leave Jira, with what the privacy and echo checks need of its issue (JiraPort.getCommentForSync). */
export interface CommentForSync {
  issue: Pick<JiraIssue, 'key' | 'securityLevel'>;
  comment: JiraComment | undefined;
}
