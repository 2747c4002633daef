// Deleting an instance removes its links too; the confirmation says how many, so nobody deletes 300 links by accident.
// A Brevo account has no links: its confirmation says what stops instead.
import Button from '@atlaskit/button/default/button';
import Modal, { ModalBody, ModalFooter, ModalHeader, ModalTitle } from '@atlaskit/modal-dialog';
import { Inline, Stack, Text } from '@atlaskit/primitives';
import SectionMessage from '@atlaskit/section-message';
import Spinner from '@atlaskit/spinner';
import { useEffect, useState } from 'react';
import type { Envelope, ResolverError } from '../../../shared/envelope';
import { countLinks, deleteInstance } from '../api';

interface DeleteInstanceModalProps {
  instance: { id: string; name: string; kind: string };
  onClose: (deleted: boolean) => void;
}

function linkConsequence(count: Envelope<{ links: number }>): string {
  if (!count.ok) return 'Its links could not be counted; every link of this instance will be removed.';
  const { links } = count.data;
  if (links === 0) return 'No Jira issue is linked to its tickets.';
  const what =
    links === 1
      ? '1 link between a Jira issue and a ticket'
      : `${links} links between Jira issues and tickets`;
  return `${what} will be removed, and those issues and tickets stop syncing.`;
}

export function DeleteInstanceModal({ instance, onClose }: DeleteInstanceModalProps) {
  const [count, setCount] = useState<Envelope<{ links: number }> | undefined>();
  const [deleting, setDeleting] = useState(false);
  const [failure, setFailure] = useState<ResolverError | undefined>();

  useEffect(() => {
    let current = true;
    void countLinks(instance.id).then((result) => {
      if (current) setCount(result);
    });
    return () => {
      current = false;
    };
  }, [instance.id]);

  async function confirm() {
    setDeleting(true);
    setFailure(undefined);
    const result = await deleteInstance(instance.id);
    setDeleting(false);
    if (result.ok) onClose(true);
    else setFailure(result.error);
  }

  return (
    <Modal onClose={() => onClose(false)} width="small">
      <ModalHeader hasCloseButton>
        <ModalTitle appearance="danger">Delete {instance.name}?</ModalTitle>
      </ModalHeader>
      <ModalBody>
        <Stack space="space.150">
          {instance.kind === 'brevo' ? (
            <Text as="p" testId="delete-consequence">
              No more Jira events go to this Brevo account, and its stored API key is removed. Its contacts,
              lists and the events already sent stay in Brevo. This cannot be undone.
            </Text>
          ) : count === undefined ? (
            <Inline space="space.100" alignBlock="center">
              <Spinner size="small" label="Counting links" />
              <Text>Counting linked issues…</Text>
            </Inline>
          ) : (
            <Text as="p" testId="delete-consequence">
              {linkConsequence(count)}
            </Text>
          )}
          {instance.kind === 'brevo' ? null : (
            <Text as="p">
              The tickets stay in TeamSupport and the issues stay in Jira, with the comments already copied.
              This cannot be undone.
            </Text>
          )}
          {failure ? (
            <SectionMessage appearance="error" title="The instance was not deleted">
              <Text as="p">{failure.message}</Text>
            </SectionMessage>
          ) : null}
        </Stack>
      </ModalBody>
      <ModalFooter>
        <Button appearance="subtle" onClick={() => onClose(false)} isDisabled={deleting}>
          Cancel
        </Button>
        <Button
          appearance="danger"
          onClick={() => void confirm()}
          isLoading={deleting}
          isDisabled={count === undefined}
        >
          Delete instance
        </Button>
      </ModalFooter>
    </Modal>
  );
}
