// The sync log as a table: when, how bad, where (instance, issue, ticket), what was being done, and what happened.
import DynamicTable from '@atlaskit/dynamic-table';
import EmptyState from '@atlaskit/empty-state';
import { Anchor, Box, Stack, Text, xcss } from '@atlaskit/primitives';
import type { ReactElement } from 'react';
import { issueUrl } from '../../../shared/forge-context';
import { formatDateTime, formatRelativeTime } from '../../../shared/relative-time';
import { VisuallyHidden } from '../../../shared/VisuallyHidden';
import type { Envelope } from '../../../shared/envelope';
import type { SyncEvent } from '../api';
import { LevelLozenge } from './LevelLozenge';
import { RetryCell } from './RetryCell';

interface SyncLogTableProps {
  entries: SyncEvent[];
  loading: boolean;
  instanceNames: ReadonlyMap<string, string>;
  siteUrl: string;
  locale: string;
  timeZone: string | undefined;
  now: Date;
  empty: ReactElement;
  /** false in the errors report, where every entry is an error */
  showLevel: boolean;
  onRetry: (entry: SyncEvent) => Promise<Envelope<unknown>>;
}

const messageStyles = xcss({ overflowWrap: 'anywhere' });

const head = {
  cells: [
    { key: 'time', content: 'Time', width: 15 },
    { key: 'level', content: 'Level', width: 8 },
    { key: 'instance', content: 'Instance', width: 11 },
    { key: 'issue', content: 'Issue', width: 8 },
    { key: 'ticket', content: 'Ticket', width: 8 },
    { key: 'operation', content: 'Operation', width: 14 },
    { key: 'message', content: 'Message', width: 30 },
    { key: 'retry', content: <VisuallyHidden>Retry</VisuallyHidden>, width: 8 },
  ],
};

function external(href: string, label: string) {
  return (
    <Anchor href={href} target="_blank" rel="noopener noreferrer" newWindowLabel="(opens in a new tab)">
      {label}
    </Anchor>
  );
}

function ticketCell(entry: SyncEvent) {
  const label = entry.ticketNumber ? `#${entry.ticketNumber}` : entry.ticketId;
  if (!label) return null;
  return entry.ticketUrl ? external(entry.ticketUrl, label) : <Text>{label}</Text>;
}

export function SyncLogTable(props: SyncLogTableProps) {
  const { entries, loading, instanceNames, siteUrl, locale, timeZone, now, empty, showLevel, onRetry } =
    props;
  const shown = (cell: { key: string }) => showLevel || cell.key !== 'level';
  const rows = entries.map((entry) => ({
    key: entry.id,
    testId: `sync-event-${entry.id}`,
    cells: [
      {
        key: 'time',
        content: (
          <Stack space="space.025">
            <Text>{formatDateTime(entry.time, locale, timeZone)}</Text>
            <Text size="small" color="color.text.subtlest">
              {formatRelativeTime(entry.time, now, locale)}
            </Text>
          </Stack>
        ),
      },
      { key: 'level', content: <LevelLozenge level={entry.level} /> },
      { key: 'instance', content: <Text>{instanceNames.get(entry.instanceId) ?? entry.instanceId}</Text> },
      {
        key: 'issue',
        content: entry.issueKey ? external(issueUrl(siteUrl, entry.issueKey), entry.issueKey) : null,
      },
      { key: 'ticket', content: ticketCell(entry) },
      // In words (src/domain/sync-operation.ts); the id stays available as a tooltip for support conversations.
      {
        key: 'operation',
        content: (
          <Box as="span" xcss={messageStyles}>
            <span title={entry.operation}>{entry.operationName ?? entry.operation}</span>
          </Box>
        ),
      },
      {
        key: 'message',
        content: (
          <Box xcss={messageStyles}>
            <Text>{entry.message}</Text>
          </Box>
        ),
      },
      { key: 'retry', content: <RetryCell entry={entry} onRetry={onRetry} /> },
    ].filter(shown),
  }));
  return (
    <DynamicTable
      label="Sync log entries"
      head={{ cells: head.cells.filter(shown) }}
      rows={rows}
      isLoading={loading}
      loadingLabel="Loading sync log entries"
      emptyView={loading ? undefined : empty}
    />
  );
}

export function EmptyLog({ errorsOnly }: { errorsOnly: boolean }) {
  return errorsOnly ? (
    <EmptyState
      header="No sync errors"
      headingLevel={3}
      headingSize="xsmall"
      description="Items that cannot sync show up here with the reason, and can be retried once the cause is fixed."
    />
  ) : (
    <EmptyState
      header="No sync activity yet"
      headingLevel={3}
      headingSize="xsmall"
      description="Every comment, status change and pull from TeamSupport leaves an entry here once synchronization is on."
    />
  );
}
