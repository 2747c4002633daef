// The linked tickets as a compact three-column table that fits a ~400 px side panel: the ticket (number, subject,
// details), its status and sync time, and the unlink action.
import DynamicTable from '@atlaskit/dynamic-table';
import IconButton from '@atlaskit/button/icon/button';
import LinkBrokenIcon from '@atlaskit/icon/core/link-broken';
import { Stack } from '@atlaskit/primitives';
import type { Envelope } from '../../../shared/envelope';
import { VisuallyHidden } from '../../../shared/VisuallyHidden';
import type { LinkedTicket } from '../api';
import { LinkHealth } from './LinkHealth';
import { ticketKey } from '../ticket-key';
import { SyncState } from './SyncState';
import { TicketSummary } from './TicketSummary';

interface TicketTableProps {
  tickets: LinkedTicket[];
  showInstance: boolean;
  now: Date;
  locale: string;
  onUnlink: (ticket: LinkedTicket) => void;
  onRetry: (problem: NonNullable<LinkedTicket['problem']>) => Promise<Envelope<unknown>>;
}

const head = {
  cells: [
    { key: 'ticket', content: 'Ticket', width: 62 },
    { key: 'status', content: 'Status', width: 30 },
    { key: 'actions', content: <VisuallyHidden>Actions</VisuallyHidden>, width: 8 },
  ],
};

export function TicketTable({ tickets, showInstance, now, locale, onUnlink, onRetry }: TicketTableProps) {
  const rows = tickets.map((ticket) => ({
    key: ticketKey(ticket),
    testId: `ticket-${ticket.ticketNumber}`,
    cells: [
      {
        key: 'ticket',
        content: (
          <Stack space="space.050">
            <TicketSummary ticket={ticket} showInstance={showInstance} />
            <LinkHealth ticket={ticket} onRetry={onRetry} />
          </Stack>
        ),
      },
      { key: 'status', content: <SyncState ticket={ticket} now={now} locale={locale} /> },
      {
        key: 'actions',
        content: (
          <IconButton
            icon={LinkBrokenIcon}
            label={`Unlink ticket #${ticket.ticketNumber}`}
            appearance="subtle"
            spacing="compact"
            onClick={() => onUnlink(ticket)}
          />
        ),
      },
    ],
  }));
  return <DynamicTable label="Linked support tickets" head={head} rows={rows} isFixedSize />;
}
