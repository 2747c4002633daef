// Placeholder rows in the shape of the table, so the panel does not jump when the tickets arrive.
import { Box, Inline, Stack, xcss } from '@atlaskit/primitives';
import { VisuallyHidden } from '../../../shared/VisuallyHidden';

const barStyles = xcss({ backgroundColor: 'color.skeleton', borderRadius: 'radius.small', height: '8px' });
const rowStyles = xcss({
  paddingBlock: 'space.150',
  borderBlockEndWidth: 'border.width',
  borderBlockEndStyle: 'solid',
  borderBlockEndColor: 'color.border',
});

function Bar({ width }: { width: string }) {
  return <Box xcss={barStyles} style={{ width }} />;
}

export function LoadingTickets({ rows = 3 }: { rows?: number }) {
  return (
    <Box aria-busy="true" testId="tickets-loading">
      <VisuallyHidden>Loading linked tickets…</VisuallyHidden>
      <Stack aria-hidden="true">
        {Array.from({ length: rows }, (_, index) => (
          <Box key={index} xcss={rowStyles}>
            <Inline spread="space-between" alignBlock="start">
              <Stack space="space.100" grow="fill">
                <Bar width="22%" />
                <Bar width={`${78 - index * 12}%`} />
                <Bar width="45%" />
              </Stack>
              <Box style={{ width: '25%' }}>
                <Bar width="100%" />
              </Box>
            </Inline>
          </Box>
        ))}
      </Stack>
    </Box>
  );
}
