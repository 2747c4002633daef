// The "Ticket" cell: number (linking out), subject, and the details a developer needs to judge the impact.
import InlineMessage from '@atlaskit/inline-message';
import { Anchor, Box, Inline, Stack, Text, xcss } from '@atlaskit/primitives';
import LinkExternalIcon from '@atlaskit/icon/core/link-external';
import type { LinkedTicket } from '../api';

const subjectStyles = xcss({ overflowWrap: 'anywhere' });
const numberStyles = xcss({ fontWeight: 'font.weight.semibold' });

function details(ticket: LinkedTicket, showInstance: boolean): string[] {
  return [
    ticket.ticketType,
    ticket.severity,
    ticket.customers.length > 0 ? ticket.customers.join(', ') : '',
    showInstance ? ticket.instanceName : '',
  ].filter((part) => part !== '');
}

export function TicketSummary({ ticket, showInstance }: { ticket: LinkedTicket; showInstance: boolean }) {
  const meta = details(ticket, showInstance);
  return (
    <Stack space="space.025">
      <Inline space="space.050" alignBlock="center">
        {ticket.url === '' ? (
          <Text weight="semibold">#{ticket.ticketNumber}</Text>
        ) : (
          <Anchor
            href={ticket.url}
            target="_blank"
            rel="noopener noreferrer"
            newWindowLabel="(opens in a new tab)"
            xcss={numberStyles}
          >
            <Inline space="space.025" alignBlock="center" as="span">
              #{ticket.ticketNumber}
              <LinkExternalIcon label="" size="small" color="currentColor" />
            </Inline>
          </Anchor>
        )}
        {ticket.lastError ? (
          <InlineMessage
            appearance="warning"
            spacing="compact"
            iconLabel={`Sync problem with ticket #${ticket.ticketNumber}`}
            title="Sync problem"
          >
            <Box xcss={subjectStyles}>
              <Text as="p">{ticket.lastError}</Text>
            </Box>
          </InlineMessage>
        ) : null}
      </Inline>
      <Box xcss={subjectStyles}>
        {ticket.name === '' ? (
          // The ticket system could not be asked (see the panel's notice), or the ticket is gone.
          <Text color="color.text.subtlest">Ticket details unavailable</Text>
        ) : (
          <Text>{ticket.name}</Text>
        )}
      </Box>
      {meta.length > 0 ? (
        <Text size="small" color="color.text.subtle">
          {meta.join(' · ')}
        </Text>
      ) : null}
    </Stack>
  );
}
