// A ticket's TeamSupport status as a lozenge, coloured as Jira colours issue statuses.
import Lozenge from '@atlaskit/lozenge';
import type { LinkedTicket } from '../api';

/** Closed tickets read as done (green); open ones as in progress, matching how Jira shows issue status. */
export function TicketStatus({ ticket }: { ticket: LinkedTicket }) {
  if (ticket.status === '') return <Lozenge>Unknown</Lozenge>;
  // Long status names are cut short in the narrow panel; the title keeps them readable on hover.
  return (
    <span title={ticket.status}>
      <Lozenge appearance={ticket.isClosed ? 'success' : 'inprogress'} maxWidth="100%">
        {ticket.status}
      </Lozenge>
    </span>
  );
}
