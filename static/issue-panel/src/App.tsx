// The issue panel: the tickets linked to this issue, a way to link one more, and a way to unlink.
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
import { syncSummary } from './sync-summary';
import { LINK_FIELD_ID, LinkTicketForm } from './components/LinkTicketForm';
import { LoadingTickets } from './components/LoadingTickets';
import { NoTickets } from './components/NoTickets';
import { TicketTable } from './components/TicketTable';
import { UnlinkDialog } from './components/UnlinkDialog';
import { LinkAvailability } from './components/LinkAvailability';
import { useLinkedTickets } from './use-linked-tickets';

const panelStyles = xcss({ paddingBlock: 'space.050', paddingInline: 'space.025' });

function countLabel(count: number): string {
  return count === 1 ? '1 linked ticket' : `${count} linked tickets`;
}

export function App() {
  const { data, reload, link, unlink } = useLinkedTickets();
  const [context, setContext] = useState<AppContext | undefined>();
  const [unlinking, setUnlinking] = useState<LinkedTicket | undefined>();
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
                onUnlink={setUnlinking}
                onRetry={(problem) => retrySyncItem(problem.entryId)}
              />
            ) : (
              <NoTickets canLink={activeInstances.length > 0} />
            )}
          </Stack>
        ) : null}

        {data.phase === 'ready' ? (
          <Stack space="space.100">
            <Heading size="xsmall" as="h3">
              Link a ticket
            </Heading>
            {activeInstances.length > 0 ? (
              <LinkTicketForm
                instances={activeInstances}
                onLink={link}
                onLinked={(ticket) => setAnnouncement(`Ticket #${ticket.ticketNumber} linked.`)}
              />
            ) : (
              <LinkAvailability instances={data.instances} error={data.instancesError} />
            )}
          </Stack>
        ) : null}
      </Stack>

      {unlinking ? (
        <UnlinkDialog
          ticket={unlinking}
          issueKey={context?.issue?.key}
          onConfirm={unlink}
          onClose={(unlinked) => {
            if (unlinked) setAnnouncement(`Ticket #${unlinking.ticketNumber} unlinked.`);
            setUnlinking(undefined);
            // The row (and its unlink button) may be gone: continue from the list's summary, or the link form.
            (summary.current ?? document.getElementById(LINK_FIELD_ID))?.focus();
          }}
        />
      ) : null}
      <Announcer message={announcement} />
    </Box>
  );
}
