// What a ticket's correlation field asks for (docs/product.md, "Linking tickets to issues"): "NEW" (or TeamSupport's
// own "NewJiraIssue") asks for a new Jira issue, an issue key links that issue. One place for both the values the
// pull searches for and how a value is read.

/** The values that ask for a new issue, as TeamSupport stores them (matched ignoring case). */
export const ESCALATION_VALUES = ['NEW', 'NewJiraIssue'] as const;

const ISSUE_KEY = /^[A-Z][A-Z0-9_]{1,9}-\d+$/;
const ASKS_FOR_NEW = new Set(ESCALATION_VALUES.map((value) => value.toLowerCase()));

export type EscalationRequest = { kind: 'new' } | { kind: 'key'; key: string } | { kind: 'invalid' };

/** What the field's value asks for; undefined for an empty field. */
export function escalationRequest(value: string | null | undefined): EscalationRequest | undefined {
  const trimmed = value?.trim();
  if (!trimmed) return undefined;
  if (ASKS_FOR_NEW.has(trimmed.toLowerCase())) return { kind: 'new' };
  const key = trimmed.toUpperCase();
  return ISSUE_KEY.test(key) ? { kind: 'key', key } : { kind: 'invalid' };
}
