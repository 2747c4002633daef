// Confirmation before unlinking: says what stops (sync) and what stays (the ticket itself).
import Button from '@atlaskit/button/default/button';
import Modal, { ModalBody, ModalFooter, ModalHeader, ModalTitle } from '@atlaskit/modal-dialog';
import SectionMessage from '@atlaskit/section-message';
import { Stack, Text } from '@atlaskit/primitives';
import { useState } from 'react';
import type { Envelope, ResolverError } from '../../../shared/envelope';
import type { LinkedTicket } from '../api';

interface UnlinkDialogProps {
  ticket: LinkedTicket;
  issueKey: string | undefined;
  onConfirm: (ticket: LinkedTicket) => Promise<Envelope<unknown>>;
  onClose: (unlinked: boolean) => void;
}

function unlinkErrorMessage(error: ResolverError): string {
  if (error.code === 'FORBIDDEN') return "You don't have permission to unlink tickets from this issue.";
  if (error.code === 'NOT_FOUND')
    return 'This ticket is no longer linked. Reload the panel to see the current links.';
  return error.message;
}

export function UnlinkDialog({ ticket, issueKey, onConfirm, onClose }: UnlinkDialogProps) {
  const [busy, setBusy] = useState(false);
  const [error, setError] = useState<ResolverError | undefined>();

  async function confirm() {
    setBusy(true);
    setError(undefined);
    const result = await onConfirm(ticket);
    setBusy(false);
    if (result.ok) onClose(true);
    else setError(result.error);
  }

  return (
    <Modal onClose={() => onClose(false)} width="small" shouldReturnFocus={false}>
      <ModalHeader hasCloseButton>
        <ModalTitle appearance="warning">Unlink ticket #{ticket.ticketNumber}?</ModalTitle>
      </ModalHeader>
      <ModalBody>
        <Stack space="space.150">
          <Text as="p">
            Comments and status changes will stop syncing between {issueKey ?? 'this issue'} and ticket #
            {ticket.ticketNumber} ({ticket.name}). The ticket itself stays in {ticket.instanceName}.
          </Text>
          {error ? (
            <SectionMessage appearance="error" title="The ticket was not unlinked">
              <Text as="p">{unlinkErrorMessage(error)}</Text>
            </SectionMessage>
          ) : null}
        </Stack>
      </ModalBody>
      <ModalFooter>
        <Button appearance="subtle" onClick={() => onClose(false)} isDisabled={busy}>
          Cancel
        </Button>
        <Button appearance="warning" onClick={() => void confirm()} isLoading={busy}>
          Unlink
        </Button>
      </ModalFooter>
    </Modal>
  );
}
