// Human messages for the error codes linkTicket can return. The backend message stays the fallback: it knows cases
// this table does not.
import { fieldIssuesOf, type ResolverError } from '../../shared/envelope';

export function linkErrorMessage(
  error: ResolverError,
  ticket: string,
  instanceName: string | undefined,
): string {
  const where = instanceName ? ` in ${instanceName}` : '';
  switch (error.code) {
    case 'TICKET_NOT_FOUND':
      return `There is no ticket #${ticket}${where}. Check the number in TeamSupport and try again.`;
    case 'ALREADY_LINKED':
      // The backend knows which issue holds the ticket, and whether the user may see it.
      return error.message === ''
        ? `Ticket #${ticket} is already linked to a Jira issue. A ticket can be linked to one issue per instance.`
        : error.message;
    case 'INSTANCE_INACTIVE':
      return `Sync is turned off for ${instanceName ?? 'this TeamSupport instance'}. Ask a Jira administrator to activate it in the app's settings.`;
    case 'FORBIDDEN':
      return "You don't have permission to link tickets to this issue.";
    case 'INVALID_INPUT':
      // The backend's words for the field (e.g. "Enter a ticket number, like 1234, …"), not the generic summary.
      return fieldIssuesOf(error)[0]?.message ?? error.message;
    case 'UPSTREAM_ERROR':
      return 'TeamSupport could not be reached, so the ticket was not linked. Try again in a moment.';
    default:
      return error.message;
  }
}
