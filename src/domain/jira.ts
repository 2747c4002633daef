// Jira issues and comments as the sync rules see them. The Jira adapter parses REST responses into these types.

export interface CommentVisibility {
  type: string;
  value: string;
}

export interface JiraComment {
  id: string;
  issueId: string;
  authorAccountId: string | null;
  authorName: string;
  /** ADF document as Jira returned it; parsed by domain/content when converted */
  body: unknown;
  created: string;
  updated: string;
  /** null when the comment is visible to everyone who can see the issue */
  visibility: CommentVisibility | null;
  /** JSM: false for internal notes; undefined outside service projects */
  jsdPublic: boolean | undefined;
  /** comment properties by key, as returned with expand=properties */
  properties: Record<string, unknown>;
}

export interface JiraIssue {
  id: string;
  key: string;
  summary: string;
  status: string;
  issueType: string;
  projectKey: string;
  /** an issue security level restricts who can see the issue, so nothing of it may leave Jira */
  securityLevel: string | null;
  /** raw field values by field id, for mapped fields */
  fields: Record<string, unknown>;
}

export interface JiraField {
  id: string;
  name: string;
  /** Jira's schema type: string, number, option, user, date, datetime, array, … */
  type: string | null;
  itemsType: string | null;
  custom: boolean;
}

export interface StatusChange {
  fromName: string;
  toName: string;
}

export interface FieldChange {
  fieldId: string | null;
  fieldName: string;
  from: string | null;
  fromString: string | null;
  to: string | null;
  toString: string | null;
}
