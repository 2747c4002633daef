// The correlation-field setting: the API name of the ticket custom field agents use to link a ticket or ask for a new
// issue. Checked on save because a wrong name, or TeamSupport's own JiraKey, would break linking silently.
import { z } from 'zod';

/** TeamSupport's built-in field that its own Jira connector reacts to (docs/teamsupport-api.md §14). */
const BUILT_IN_JIRA_FIELD = 'jirakey';

/**
 * API name of a ticket custom field (docs/teamsupport-api.md §7): the display name with everything but letters and
 * digits removed, with a leading `_` when it would start with a digit.
 */
const API_NAME_PATTERN = /^(?:\p{L}|_\p{N})[\p{L}\p{N}]*$/u;

export const CorrelationFieldSchema = z
  .string()
  .max(100, 'Correlation field is too long: use at most 100 characters.')
  .regex(API_NAME_PATTERN, {
    error: (issue) =>
      `"${String(issue.input)}" is not a TeamSupport API field name: remove spaces and punctuation from the ` +
      'display name ("Jira Issue Key" → JiraIssueKey) and add a leading _ if it starts with a digit ' +
      '("2nd Line Owner" → _2ndLineOwner).',
  })
  // TeamSupport matches field names ignoring case, so jirakey would reach the same built-in field.
  .refine((name) => name.toLowerCase() !== BUILT_IN_JIRA_FIELD, {
    error:
      "JiraKey cannot be the correlation field: writing it drives TeamSupport's own Jira connector, which either " +
      'drops the value or starts a second, competing sync. Create a text custom field such as "Jira Issue Key" on ' +
      'every synced ticket type and enter its API name (JiraIssueKey).',
  });
