// The issue panel: the tickets linked to this issue, a way to link one more, and a way to unlink (confirmed in a
// page-level modal, unlink-modal.ts).
import Button from '@atlaskit/button/default/button';
import IconButton from '@atlaskit/button/icon/button';
import Heading from '@atlaskit/heading';
import RefreshIcon from '@atlaskit/icon/core/refresh';
import { Box, Inline, Stack, Text, xcss } from '@atlaskit/primitives';
import SectionMessage from '@atlaskit/section-message';
import { useEffect, useRef, useState } from 'react';
import { Announcer } from '../../shared/Announcer';
import { ErrorPanel } from '../../shared/ErrorPanel';
import { loadAppContext, type AppContext } from '../../shared/forge-context';
import { useNow } from '../../shared/use-now';
import { retrySyncItem, syncNow, type LinkedTicket } from './api';
import { openUnlinkModal, type UnlinkModalResult } from './unlink-modal';
import { syncSummary } from './sync-summary';
import { LINK_FIELD_ID, LinkTicketForm } from './components/LinkTicketForm';
import { LoadingTickets } from './components/LoadingTickets';
import { NoTickets } from './components/NoTickets';
import { TicketTable } from './components/TicketTable';
import { LinkAvailability } from './components/LinkAvailability';
import { useLinkedTickets } from './use-linked-tickets';

const panelStyles = xcss({ paddingBlock: 'space.050', paddingInline: 'space.025' });

function countLabel(count: number): string {
  return count === 1 ? '1 linked ticket' : `${count} linked tickets`;
}

export function App() {
  const { data, reload, link, forget } = useLinkedTickets();
  const [context, setContext] = useState<AppContext | undefined>();
  const [unlinked, setUnlinked] = useState<{ ticketNumber: string; warnings: string[] } | undefined>();
  const [announcement, setAnnouncement] = useState('');
  const summary = useRef<HTMLDivElement>(null);
  const now = useNow();
  const [syncing, setSyncing] = useState(false);
  const [synced, setSynced] = useState<{ lines: string[]; failed: boolean } | undefined>();

  async function runSyncNow() {
    setSyncing(true);
    const result = await syncNow();
    setSyncing(false);
    const outcome = result.ok ? syncSummary(result.data) : { lines: [result.error.message], failed: true };
    setSynced(outcome);
    setAnnouncement(outcome.lines.join(' '));
    // The rows show what the sync changed (status, last sync, problems), read afresh.
    if (result.ok) await reload(true);
  }

  useEffect(() => {
    loadAppContext().then(setContext, (cause: unknown) => console.error('getContext failed', cause));
  }, []);

  function afterUnlinkModal(ticket: LinkedTicket, result: UnlinkModalResult | undefined) {
    if (result) {
      forget(ticket);
      setUnlinked(
        result.warnings.length > 0
          ? { ticketNumber: ticket.ticketNumber, warnings: result.warnings }
          : undefined,
      );
      setAnnouncement(`Ticket #${ticket.ticketNumber} unlinked.`);
    }
    // The row (and its unlink button) may be gone: continue from the list's summary, or the link form.
    (summary.current ?? document.getElementById(LINK_FIELD_ID))?.focus();
  }

  function confirmUnlink(ticket: LinkedTicket) {
    openUnlinkModal(ticket, context?.issue?.key, (result) => afterUnlinkModal(ticket, result)).catch(
      (cause: unknown) => {
        console.error('The unlink confirmation could not open', cause);
        setAnnouncement('The unlink confirmation could not open. Reload the page and try again.');
      },
    );
  }

  const locale = context?.locale ?? 'en';
  const activeInstances = data.phase === 'ready' ? data.instances.filter((instance) => instance.active) : [];

  return (
    <Box xcss={panelStyles}>
      <Stack space="space.200">
        {data.phase === 'ready' && data.notice ? (
          <SectionMessage appearance="warning" title="TeamSupport is unreachable">
            <Text as="p">{data.notice}</Text>
          </SectionMessage>
        ) : null}

        {data.phase === 'loading' ? <LoadingTickets /> : null}

        {data.phase === 'failed' ? (
          <ErrorPanel
            title={
              data.error.code === 'FORBIDDEN'
                ? 'You cannot see the linked tickets'
                : "Linked tickets couldn't load"
            }
            error={data.error}
            {...(data.error.code === 'FORBIDDEN' ? {} : { onRetry: () => void reload() })}
          />
        ) : null}

        {data.phase === 'ready' ? (
          <Stack space="space.100">
            {data.tickets.length > 0 ? (
              <Inline spread="space-between" alignBlock="center">
                <div ref={summary} tabIndex={-1}>
                  <Text size="small" color="color.text.subtle" weight="medium">
                    {countLabel(data.tickets.length)}
                  </Text>
                </div>
                <Inline space="space.050" alignBlock="center">
                  <Button
                    appearance="default"
                    spacing="compact"
                    isDisabled={syncing}
                    onClick={() => void runSyncNow()}
                  >
                    {syncing ? 'Syncing…' : 'Sync now'}
                  </Button>
                  <IconButton
                    icon={RefreshIcon}
                    label="Refresh linked tickets"
                    appearance="subtle"
                    spacing="compact"
                    onClick={() => void reload(true)}
                  />
                </Inline>
              </Inline>
            ) : null}
            {synced ? (
              <SectionMessage
                appearance={synced.failed ? 'warning' : 'success'}
                title={synced.failed ? 'Synced with problems' : 'Sync finished'}
                testId="sync-now-result"
              >
                <Stack space="space.050">
                  {synced.lines.map((line) => (
                    <Text as="p" key={line}>
                      {line}
                    </Text>
                  ))}
                </Stack>
              </SectionMessage>
            ) : null}
            {data.tickets.length > 0 ? (
              <TicketTable
                tickets={data.tickets}
                showInstance={
                  activeInstances.length > 1 ||
                  new Set(data.tickets.map((ticket) => ticket.instanceId)).size > 1
                }
                now={now}
                locale={locale}
                onUnlink={confirmUnlink}
                onRetry={(problem) => retrySyncItem(problem.entryId)}
              />
            ) : (
              <NoTickets canLink={activeInstances.length > 0} />
            )}
          </Stack>
        ) : null}

        {unlinked ? (
          <SectionMessage
            appearance="warning"
            title={`Ticket #${unlinked.ticketNumber} is unlinked, with problems`}
            testId="unlink-warnings"
          >
            <Stack space="space.050">
              {unlinked.warnings.map((warning) => (
                <Text as="p" key={warning}>
                  {warning}
                </Text>
              ))}
            </Stack>
          </SectionMessage>
        ) : null}

        {data.phase === 'ready' && activeInstances.length > 0 ? (
          <LinkTicketForm
            instances={activeInstances}
            collapsible={data.tickets.length > 0}
            onLink={link}
            onLinked={(ticket) => setAnnouncement(`Ticket #${ticket.ticketNumber} linked.`)}
          />
        ) : null}
        {data.phase === 'ready' && activeInstances.length === 0 ? (
          <Stack space="space.100">
            <Heading size="xsmall" as="h3">
              Link a ticket
            </Heading>
            <LinkAvailability instances={data.instances} error={data.instancesError} />
          </Stack>
        ) : null}
      </Stack>
      <Announcer message={announcement} />
    </Box>
  );
}
