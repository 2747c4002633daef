// Invariant 3: fail closed. Text sent to a ticket may reach customers and cannot be un-published, so a comment leaves
// Jira only when every signal says it is public; anything restricted, internal or unreadable stays in Jira.
import type { JiraComment, JiraIssue } from './jira';

export type PrivacyVerdict = { shareable: true } | { shareable: false; reason: string };

/** The JSM comment property whose `internal` flag marks an internal note. */
export const JSM_PUBLIC_PROPERTY = 'sd.public.comment';

function jsmInternalFlag(properties: Record<string, unknown>): boolean | 'unreadable' {
  if (!(JSM_PUBLIC_PROPERTY in properties)) return false;
  const value = properties[JSM_PUBLIC_PROPERTY];
  if (typeof value !== 'object' || value === null || !('internal' in value)) return 'unreadable';
  const internal: unknown = value.internal;
  if (typeof internal === 'boolean') return internal;
  return internal === 'true' ? true : internal === 'false' ? false : 'unreadable';
}

export function commentPrivacy(
  comment: JiraComment,
  issue: Pick<JiraIssue, 'securityLevel'>,
): PrivacyVerdict {
  if (issue.securityLevel !== null) {
    return { shareable: false, reason: `the issue has the security level "${issue.securityLevel}"` };
  }
  if (comment.visibility !== null) {
    return {
      shareable: false,
      reason: `the comment is restricted to the ${comment.visibility.type} "${comment.visibility.value}"`,
    };
  }
  if (comment.jsdPublic === false)
    return { shareable: false, reason: 'the comment is an internal note (Jira Service Management)' };
  const internal = jsmInternalFlag(comment.properties);
  if (internal === 'unreadable') {
    return { shareable: false, reason: `the comment's ${JSM_PUBLIC_PROPERTY} property could not be read` };
  }
  if (internal)
    return { shareable: false, reason: 'the comment is an internal note (Jira Service Management)' };
  return { shareable: true };
}
