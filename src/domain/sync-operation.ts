// What each sync-log operation is, in the words a Jira admin or an agent reads (issue 20): the flows log a stable
// operation id (`issue-update-to-ticket`), the admin page's log and the issue panel's health show these names. One
// table, so the two never name the same thing differently; an id missing here (a newer flow) shows as itself.

const OPERATION_NAMES: Readonly<Record<string, string>> = {
  'comment-to-action': 'Jira comment → ticket action',
  'action-to-comment': 'Ticket action → Jira comment',
  'issue-update-to-ticket': 'Jira issue change → ticket',
  'issue-deleted': 'Jira issue deleted → ticket note',
  'ticket-to-issue': 'Ticket → Jira issue (correlation field)',
  'pull-ticket': 'Ticket pulled from TeamSupport',
  pull: 'Pull from TeamSupport',
  'push-hint': 'Push hint from TeamSupport',
  'release-to-ticket': 'Jira release → ticket',
  'link-ticket': 'Ticket linked from Jira',
  'unlink-ticket': 'Ticket unlinked from Jira',
  'links-property': 'Linked tickets on the Jira issue',
  'issue-event-to-brevo': 'Jira issue event → Brevo',
  'milestone-to-brevo': 'Jira release or sprint → Brevo',
  'team-capacity-to-brevo': 'Team capacity → Brevo',
  'brevo-backfill': 'Past Jira events → Brevo',
};

/** The operation in words, e.g. "Jira comment → ticket action" for `comment-to-action`. */
export function operationName(operation: string): string {
  return OPERATION_NAMES[operation] ?? operation;
}
