// The sync log ("CRM Sync Logs") and the errors report ("CRM Sync Errors") are one view: the errors report is the log
// fixed to errors that no later run fixed yet (an error resolved by a later run leaves it, issue 20).
import Button from '@atlaskit/button/default/button';
import IconButton from '@atlaskit/button/icon/button';
import { Label } from '@atlaskit/form';
import RefreshIcon from '@atlaskit/icon/core/refresh';
import { Box, Inline, Stack, Text, xcss } from '@atlaskit/primitives';
import Select from '@atlaskit/select';
import { useId, useMemo, useState } from 'react';
import { ErrorPanel } from '../../../shared/ErrorPanel';
import { useNow } from '../../../shared/use-now';
import type { AnyInstanceView, SyncLevel } from '../api';
import { LEVEL_LABELS } from './LevelLozenge';
import { EmptyLog, SyncLogTable } from './SyncLogTable';
import { useSyncLog } from './use-sync-log';

interface SyncLogViewProps {
  instances: AnyInstanceView[];
  errorsOnly: boolean;
  siteUrl: string;
  locale: string;
  timeZone: string | undefined;
}

interface Option<Value> {
  label: string;
  value: Value;
}

const filterStyles = xcss({ width: '240px' });
const ALL = '';

export function SyncLogView({ instances, errorsOnly, siteUrl, locale, timeZone }: SyncLogViewProps) {
  const id = useId();
  const [instanceId, setInstanceId] = useState<string>(ALL);
  const [level, setLevel] = useState<SyncLevel | typeof ALL>(ALL);
  const { state, reload, loadMore, retry } = useSyncLog({
    instanceId: instanceId === ALL ? undefined : instanceId,
    level: errorsOnly ? 'error' : level === ALL ? undefined : level,
    unresolved: errorsOnly,
  });
  const now = useNow();

  const instanceOptions: Option<string>[] = useMemo(
    () => [
      { label: 'All instances', value: ALL },
      ...instances.map((instance) => ({ label: instance.name, value: instance.id })),
    ],
    [instances],
  );
  const levelOptions: Option<SyncLevel | typeof ALL>[] = [
    { label: 'All levels', value: ALL },
    ...(['error', 'warn', 'info'] as const).map((value) => ({ label: LEVEL_LABELS[value], value })),
  ];
  const instanceNames = useMemo(
    () => new Map(instances.map((instance) => [instance.id, instance.name])),
    [instances],
  );
  const count = state.entries.length;

  return (
    <Stack space="space.200">
      <Inline space="space.200" alignBlock="end" shouldWrap>
        <Box xcss={filterStyles}>
          <Stack space="space.050">
            <Label htmlFor={`${id}-instance`}>Instance</Label>
            <Select
              inputId={`${id}-instance`}
              options={instanceOptions}
              value={instanceOptions.find((option) => option.value === instanceId)}
              onChange={(option: Option<string> | null) => setInstanceId(option?.value ?? ALL)}
              spacing="compact"
            />
          </Stack>
        </Box>
        {errorsOnly ? null : (
          <Box xcss={filterStyles}>
            <Stack space="space.050">
              <Label htmlFor={`${id}-level`}>Level</Label>
              <Select
                inputId={`${id}-level`}
                options={levelOptions}
                value={levelOptions.find((option) => option.value === level)}
                onChange={(option: Option<SyncLevel | typeof ALL> | null) => setLevel(option?.value ?? ALL)}
                spacing="compact"
              />
            </Stack>
          </Box>
        )}
        <IconButton icon={RefreshIcon} label="Refresh" onClick={reload} />
      </Inline>
      {state.error ? (
        <ErrorPanel
          title={
            state.error.code === 'FORBIDDEN'
              ? 'Only Jira administrators can read the sync log'
              : "The sync log couldn't load"
          }
          error={state.error}
          onRetry={state.entries.length > 0 ? loadMore : reload}
        />
      ) : null}
      <SyncLogTable
        entries={state.entries}
        loading={state.loading === 'first'}
        instanceNames={instanceNames}
        siteUrl={siteUrl}
        locale={locale}
        timeZone={timeZone}
        now={now}
        empty={<EmptyLog errorsOnly={errorsOnly} />}
        showLevel={!errorsOnly}
        onRetry={retry}
      />
      {count > 0 ? (
        <Inline space="space.200" alignBlock="center">
          {state.cursor ? (
            <Button onClick={loadMore} isLoading={state.loading === 'more'}>
              Load more
            </Button>
          ) : null}
          <Text size="small" color="color.text.subtlest" aria-live="polite">
            {state.cursor
              ? `Showing the newest ${count} entries`
              : count === 1
                ? 'Showing 1 entry'
                : `Showing all ${count} entries`}
          </Text>
        </Inline>
      ) : null}
    </Stack>
  );
}
