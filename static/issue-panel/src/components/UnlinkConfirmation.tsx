// The unlink confirmation, rendered inside the page-level modal (unlink-modal.ts): says what stops (sync) and what
// stays (the ticket itself), unlinks on confirmation, and closes with the outcome. A refusal stays in the modal, so
// the user can read it and try again or cancel.
import Button from '@atlaskit/button/default/button';
import Heading from '@atlaskit/heading';
import { Box, Inline, Stack, Text, xcss } from '@atlaskit/primitives';
import SectionMessage from '@atlaskit/section-message';
import { view } from '@forge/bridge';
import { useEffect, useRef, useState } from 'react';
import type { ResolverError } from '../../../shared/envelope';
import { unlinkTicket } from '../api';
import type { UnlinkModalContext, UnlinkModalResult } from '../unlink-modal';

const modalStyles = xcss({
  padding: 'space.300',
  minHeight: '100vh',
  boxSizing: 'border-box',
  backgroundColor: 'elevation.surface.overlay',
});

function unlinkErrorMessage(error: ResolverError): string {
  if (error.code === 'FORBIDDEN') return "You don't have permission to unlink tickets from this issue.";
  if (error.code === 'NOT_FOUND')
    return 'This ticket is no longer linked. Reload the panel to see the current links.';
  return error.message;
}

function close(result?: UnlinkModalResult): void {
  view.close(result).catch((cause: unknown) => console.error('The modal could not be closed', cause));
}

export function UnlinkConfirmation({ unlink }: UnlinkModalContext) {
  const [busy, setBusy] = useState(false);
  const [error, setError] = useState<ResolverError | undefined>();
  const cancel = useRef<HTMLButtonElement>(null);

  // The safe choice has the focus, as in Atlaskit's own warning dialogs.
  useEffect(() => cancel.current?.focus(), []);

  async function confirm() {
    setBusy(true);
    setError(undefined);
    const result = await unlinkTicket(unlink.instanceId, unlink.ticketId);
    setBusy(false);
    if (result.ok) close({ unlinked: true, warnings: result.data.warnings ?? [] });
    else setError(result.error);
  }

  return (
    <Box xcss={modalStyles} testId="unlink-confirmation">
      <Stack space="space.200">
        <Heading size="medium" as="h1">
          Unlink ticket #{unlink.ticketNumber}?
        </Heading>
        <Text as="p">
          Comments and status changes will stop syncing between {unlink.issueKey ?? 'this issue'} and ticket #
          {unlink.ticketNumber} ({unlink.name}). The ticket itself stays in {unlink.instanceName}, with a note
          that it was unlinked.
        </Text>
        {error ? (
          <SectionMessage appearance="error" title="The ticket was not unlinked">
            <Text as="p">{unlinkErrorMessage(error)}</Text>
          </SectionMessage>
        ) : null}
        <Inline space="space.100" alignInline="end">
          <Button ref={cancel} appearance="subtle" onClick={() => close()} isDisabled={busy}>
            Cancel
          </Button>
          <Button appearance="warning" onClick={() => void confirm()} isLoading={busy}>
            Unlink
          </Button>
        </Inline>
      </Stack>
    </Box>
  );
}
