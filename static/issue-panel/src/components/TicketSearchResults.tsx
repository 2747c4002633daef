// The tickets the link form's search found, each a button that links it: number and subject, then status and type.
// The count (or why there is none) is announced as it changes; a ticket linked here already is shown, not offered.
import { Box, Pressable, Stack, Text, xcss } from '@atlaskit/primitives';
import type { TicketMatch } from '../api';
import type { TicketSearch } from '../use-ticket-search';

const listStyles = xcss({ listStyle: 'none', margin: 'space.0', padding: 'space.0' });

const resultStyles = xcss({
  width: '100%',
  textAlign: 'start',
  paddingBlock: 'space.075',
  paddingInline: 'space.100',
  borderRadius: 'radius.small',
  backgroundColor: 'color.background.neutral.subtle',
  ':hover': { backgroundColor: 'color.background.neutral.subtle.hovered' },
  ':active': { backgroundColor: 'color.background.neutral.subtle.pressed' },
});

function summary(search: TicketSearch, instanceName: string): string {
  switch (search.phase) {
    case 'idle':
      return '';
    case 'searching':
      return 'Searching…';
    case 'failed':
      return `The search did not work: ${search.error.message}`;
    case 'found': {
      const count = search.tickets.length;
      if (count === 0) return `No ticket in ${instanceName} matches "${search.query}".`;
      return count === 1 ? '1 ticket found' : `${count} tickets found`;
    }
  }
}

function details(ticket: TicketMatch): string {
  return ticket.linkedHere ? 'Linked to this issue' : `${ticket.status} · ${ticket.ticketType}`;
}

interface TicketSearchResultsProps {
  search: TicketSearch;
  instanceName: string;
  busy: boolean;
  onPick: (ticket: TicketMatch) => void;
}

export function TicketSearchResults({ search, instanceName, busy, onPick }: TicketSearchResultsProps) {
  const tickets = search.phase === 'found' ? search.tickets : [];
  return (
    <Stack space="space.050" testId="ticket-search">
      <div role="status" aria-live="polite">
        <Text size="small" color={search.phase === 'failed' ? 'color.text.danger' : 'color.text.subtle'}>
          {summary(search, instanceName)}
        </Text>
      </div>
      {tickets.length > 0 ? (
        <Box as="ul" xcss={listStyles} aria-label="Tickets found">
          {tickets.map((ticket) => (
            <li key={ticket.ticketId}>
              <Pressable
                xcss={resultStyles}
                isDisabled={busy || ticket.linkedHere}
                onClick={() => onPick(ticket)}
                testId={`search-result-${ticket.ticketNumber}`}
              >
                <Stack space="space.025">
                  <Text weight="medium" maxLines={2}>
                    #{ticket.ticketNumber} {ticket.name}
                  </Text>
                  <Text size="small" color="color.text.subtle">
                    {details(ticket)}
                  </Text>
                </Stack>
              </Pressable>
            </li>
          ))}
        </Box>
      ) : null}
    </Stack>
  );
}
