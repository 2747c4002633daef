// The admin page (Jira admin → Apps → Support Ticket Sync): instances, the sync log and the errors report.
import Heading from '@atlaskit/heading';
import { Box, Inline, Stack, Text, xcss } from '@atlaskit/primitives';
import SectionMessage from '@atlaskit/section-message';
import Spinner from '@atlaskit/spinner';
import Tabs, { Tab, TabList, TabPanel } from '@atlaskit/tabs';
import { useEffect, useState } from 'react';
import { ErrorPanel } from '../../shared/ErrorPanel';
import { loadAppContext, type AppContext } from '../../shared/forge-context';
import { InstancesView } from './settings/InstancesView';
import { SyncLogView } from './synclog/SyncLogView';
import { useSettings } from './use-settings';

const pageStyles = xcss({ paddingBlock: 'space.300', paddingInline: 'space.400', maxWidth: '1280px' });
const panelStyles = xcss({ paddingBlockStart: 'space.300', width: '100%' });

export function App() {
  const { settings, reload, saved, deleted } = useSettings();
  const [context, setContext] = useState<AppContext | undefined>();

  useEffect(() => {
    loadAppContext().then(setContext, (cause: unknown) => console.error('getContext failed', cause));
  }, []);

  return (
    <Box xcss={pageStyles}>
      <Stack space="space.300">
        <Stack space="space.100">
          <Heading size="xlarge" as="h1">
            Support Ticket Sync
          </Heading>
          <Text color="color.text.subtle">
            Keeps Jira issues and TeamSupport tickets in step: comments, statuses and mapped fields, in both
            directions.
          </Text>
        </Stack>

        {settings.phase === 'loading' ? (
          <Inline alignInline="center">
            <Spinner size="large" label="Loading settings" />
          </Inline>
        ) : null}

        {settings.phase === 'failed' && settings.error.code === 'FORBIDDEN' ? (
          <SectionMessage
            appearance="warning"
            title="Only Jira administrators can configure Support Ticket Sync"
          >
            <Text as="p">
              Ask someone with the Administer Jira global permission to open this page, or to grant you that
              permission.
            </Text>
          </SectionMessage>
        ) : null}

        {settings.phase === 'failed' && settings.error.code !== 'FORBIDDEN' ? (
          <ErrorPanel
            title="The settings couldn't load"
            error={settings.error}
            onRetry={() => void reload()}
          />
        ) : null}

        {settings.phase === 'ready' ? (
          <Tabs id="admin-tabs">
            <TabList>
              <Tab>Instances</Tab>
              <Tab>Sync log</Tab>
              <Tab>Sync errors</Tab>
            </TabList>
            <TabPanel>
              <Box xcss={panelStyles}>
                <InstancesView instances={settings.instances} onSaved={saved} onDeleted={deleted} />
              </Box>
            </TabPanel>
            <TabPanel>
              <Box xcss={panelStyles}>
                <SyncLogView
                  instances={settings.instances}
                  errorsOnly={false}
                  siteUrl={context?.siteUrl ?? ''}
                  locale={context?.locale ?? 'en'}
                  timeZone={context?.timeZone}
                />
              </Box>
            </TabPanel>
            <TabPanel>
              <Box xcss={panelStyles}>
                <SyncLogView
                  instances={settings.instances}
                  errorsOnly
                  siteUrl={context?.siteUrl ?? ''}
                  locale={context?.locale ?? 'en'}
                  timeZone={context?.timeZone}
                />
              </Box>
            </TabPanel>
          </Tabs>
        ) : null}
      </Stack>
    </Box>
  );
}
