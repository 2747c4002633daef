// The empty panel: what linking does and how to do it, compact enough for a side panel.
import LinkIcon from '@atlaskit/icon/core/link';
import { Box, Stack, Text, xcss } from '@atlaskit/primitives';
import { token } from '@atlaskit/tokens';

const emptyStyles = xcss({
  paddingBlock: 'space.300',
  paddingInline: 'space.200',
  borderRadius: 'radius.medium',
  backgroundColor: 'color.background.neutral.subtle.hovered',
  textAlign: 'center',
});

export function NoTickets({ canLink }: { canLink: boolean }) {
  return (
    <Box xcss={emptyStyles} testId="no-tickets">
      <Stack space="space.100" alignInline="center">
        <LinkIcon label="" color={token('color.icon.subtle')} />
        <Text weight="semibold">No linked tickets</Text>
        <Text size="small" color="color.text.subtle">
          {canLink
            ? 'Link a TeamSupport ticket by its number or subject below. Comments, status and mapped fields then stay in sync between the ticket and this issue.'
            : 'Link a TeamSupport ticket by its number or subject once a Jira administrator has connected a TeamSupport instance in the app settings.'}
        </Text>
      </Stack>
    </Box>
  );
}
