// "Test connection": runs the backend's checks against the saved settings and lists each as passed, failed or not
// checked (a check that did not run because an earlier one failed has its own neutral icon and count, issue 20). The
// result is also handed back (`onChecked`), so a Brevo account's editor can offer to create the attributes found missing.
import Button from '@atlaskit/button/default/button';
import CheckCircleIcon from '@atlaskit/icon/core/check-circle';
import NotCheckedIcon from '@atlaskit/icon/core/check-circle-unchecked';
import CrossCircleIcon from '@atlaskit/icon/core/cross-circle';
import Modal, { ModalBody, ModalFooter, ModalHeader, ModalTitle } from '@atlaskit/modal-dialog';
import { Box, Inline, Stack, Text, xcss } from '@atlaskit/primitives';
import SectionMessage from '@atlaskit/section-message';
import Spinner from '@atlaskit/spinner';
import { token } from '@atlaskit/tokens';
import { useEffect, useState } from 'react';
import type { Envelope } from '../../../shared/envelope';
import { testConnection, type ConnectionCheck, type ConnectionTest } from '../api';
import { connectionSummary, outcomeOf } from './connection-summary';

const iconStyles = xcss({ flexShrink: 0, paddingBlockStart: 'space.025' });

function OutcomeIcon({ check }: { check: ConnectionCheck }) {
  switch (outcomeOf(check)) {
    case 'passed':
      return <CheckCircleIcon label="Passed" color={token('color.icon.success')} />;
    case 'failed':
      return <CrossCircleIcon label="Failed" color={token('color.icon.danger')} />;
    case 'not-checked':
      return <NotCheckedIcon label="Not checked" color={token('color.icon.subtlest')} />;
  }
}

function CheckRow({ check }: { check: ConnectionCheck }) {
  return (
    <Inline as="li" space="space.100" alignBlock="start">
      <Box xcss={iconStyles}>
        <OutcomeIcon check={check} />
      </Box>
      <Stack space="space.025">
        <Text weight="semibold">{check.name}</Text>
        <Text color="color.text.subtle">{check.message}</Text>
      </Stack>
    </Inline>
  );
}

export function TestConnectionModal({
  instance,
  onClose,
  onChecked,
}: {
  instance: { id: string; name: string; kind?: string };
  onClose: () => void;
  onChecked?: (id: string, test: ConnectionTest) => void;
}) {
  const [result, setResult] = useState<Envelope<ConnectionTest> | undefined>();

  useEffect(() => {
    let current = true;
    void testConnection(instance.id).then((outcome) => {
      if (!current) return;
      setResult(outcome);
      if (outcome.ok) onChecked?.(instance.id, outcome.data);
    });
    return () => {
      current = false;
    };
    // Only a new instance runs the test again; onChecked is a callback of the page and may change on every render.
  }, [instance.id]);

  const summary = connectionSummary(result?.ok ? result.data.checks : []);
  return (
    <Modal onClose={onClose} width="medium">
      <ModalHeader hasCloseButton>
        <ModalTitle>Connection test: {instance.name}</ModalTitle>
      </ModalHeader>
      <ModalBody>
        {result === undefined ? (
          <Inline space="space.100" alignBlock="center">
            <Spinner size="medium" label="Testing the connection" />
            <Text>
              {instance.kind === 'brevo'
                ? 'Contacting Brevo and Jira with the saved settings…'
                : 'Contacting TeamSupport with the saved settings…'}
            </Text>
          </Inline>
        ) : result.ok ? (
          <Stack space="space.200">
            <div role="status">
              <SectionMessage appearance={summary.allPassed ? 'success' : 'error'} title={summary.title}>
                <Text as="p">
                  {summary.allPassed
                    ? 'You can turn on synchronization for this instance.'
                    : 'Fix the settings below, save, and test again.'}
                </Text>
              </SectionMessage>
            </div>
            <Stack as="ul" space="space.150" testId="connection-checks">
              {result.data.checks.map((check) => (
                <CheckRow key={check.name} check={check} />
              ))}
            </Stack>
          </Stack>
        ) : (
          <SectionMessage appearance="error" title="The test could not run">
            <Text as="p">{result.error.message}</Text>
          </SectionMessage>
        )}
      </ModalBody>
      <ModalFooter>
        <Button appearance="primary" onClick={onClose}>
          Close
        </Button>
      </ModalFooter>
    </Modal>
  );
}
