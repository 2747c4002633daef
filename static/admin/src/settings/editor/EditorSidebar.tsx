// The instance (or Brevo account) at a glance next to the form: whether it syncs, whether its secret is on file, when
// it was last saved, and the connection test (which checks the saved settings, so it is offered once it exists).
import Button from '@atlaskit/button/default/button';
import Heading from '@atlaskit/heading';
import Lozenge from '@atlaskit/lozenge';
import { Box, Inline, Stack, Text, xcss } from '@atlaskit/primitives';
import { formatRelativeTime } from '../../../../shared/relative-time';
import { useNow } from '../../../../shared/use-now';
import type { AnyInstanceView } from '../../api';
import { fasterSyncSummary } from './faster-sync';

const cardStyles = xcss({
  padding: 'space.200',
  borderRadius: 'radius.large',
  borderWidth: 'border.width',
  borderStyle: 'solid',
  borderColor: 'color.border',
  backgroundColor: 'elevation.surface.raised',
  boxShadow: 'elevation.shadow.raised',
});

function Fact({ label, children }: { label: string; children: React.ReactNode }) {
  return (
    <Inline spread="space-between" alignBlock="center">
      <Text color="color.text.subtle">{label}</Text>
      {children}
    </Inline>
  );
}

export function EditorSidebar({
  saved,
  onTest,
}: {
  saved: AnyInstanceView | undefined;
  onTest: (instance: AnyInstanceView) => void;
}) {
  const now = useNow();
  const secretStored = saved?.kind === 'brevo' ? saved.hasApiKey : saved?.hasToken === true;
  return (
    <Box xcss={cardStyles} as="aside" aria-label="Instance status">
      <Stack space="space.150">
        <Heading size="xsmall" as="h3">
          Status
        </Heading>
        {saved ? (
          <>
            <Fact label="Synchronization">
              <Lozenge appearance={saved.active ? 'success' : 'default'}>
                {saved.active ? 'Active' : 'Off'}
              </Lozenge>
            </Fact>
            <Fact label={saved.kind === 'brevo' ? 'API key' : 'API token'}>
              <Lozenge appearance={secretStored ? 'success' : 'moved'}>
                {secretStored ? 'Set' : 'Not set'}
              </Lozenge>
            </Fact>
            {saved.kind === 'teamsupport' ? (
              <Fact label="Faster sync">
                <Text>{fasterSyncSummary(saved)}</Text>
              </Fact>
            ) : null}
            {saved.updatedAt ? (
              <Fact label="Last saved">
                <Text>{formatRelativeTime(saved.updatedAt, now)}</Text>
              </Fact>
            ) : null}
            <Button shouldFitContainer onClick={() => onTest(saved)}>
              Test connection
            </Button>
            <Text size="small" color="color.text.subtlest">
              The test uses the saved settings: save your changes first.
            </Text>
          </>
        ) : (
          <Text color="color.text.subtle">
            Not saved yet. Save, test the connection, then turn synchronization on.
          </Text>
        )}
      </Stack>
    </Box>
  );
}
