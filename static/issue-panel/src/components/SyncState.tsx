// A linked ticket's status with when it last synced ("Synced 5 minutes ago", or waiting for the first sync).
import { Stack, Text } from '@atlaskit/primitives';
import { formatDateTime, formatRelativeTime } from '../../../shared/relative-time';
import type { LinkedTicket } from '../api';
import { TicketStatus } from './TicketStatus';

/** Status lozenge with the time of the last successful sync under it. */
export function SyncState({ ticket, now, locale }: { ticket: LinkedTicket; now: Date; locale: string }) {
  const synced = ticket.lastSyncAt;
  return (
    <Stack space="space.050" alignInline="start">
      <TicketStatus ticket={ticket} />
      <Text size="small" color="color.text.subtlest">
        {synced ? (
          <time dateTime={synced} title={formatDateTime(synced, locale)}>
            Synced {formatRelativeTime(synced, now, locale)}
          </time>
        ) : (
          // A new link is not an error: its first sync is the next pull (or "Sync now").
          'Waiting for the first sync'
        )}
      </Text>
    </Stack>
  );
}
