// "Link ticket": an instance picker (only when there is a choice), the ticket number, and the backend's verdict
// shown under the field. Errors are announced and tied to the field with aria-describedby.
import Button from '@atlaskit/button/default/button';
import { ErrorMessage, HelperMessage, Label } from '@atlaskit/form';
import { Box, Inline, Stack, Text, xcss } from '@atlaskit/primitives';
import SectionMessage from '@atlaskit/section-message';
import Select from '@atlaskit/select';
import Textfield from '@atlaskit/textfield';
import { useId, useRef, useState, type FormEvent } from 'react';
import type { InstanceSummary, LinkedTicket } from '../api';
import { linkErrorMessage } from '../link-errors';
import { ticketReference } from '../ticket-number';
import type { LinkOutcome } from '../use-linked-tickets';

interface LinkTicketFormProps {
  instances: InstanceSummary[];
  onLink: (instanceId: string, ticket: string) => Promise<LinkOutcome>;
  onLinked: (ticket: LinkedTicket) => void;
}

/** The ticket number field, which the panel focuses when an unlink removed the last row. */
export const LINK_FIELD_ID = 'link-ticket-number';

const fieldGrowStyles = xcss({ flexGrow: 1, minWidth: '0' });

export function LinkTicketForm({ instances, onLink, onLinked }: LinkTicketFormProps) {
  const id = useId();
  const numberId = LINK_FIELD_ID;
  const instanceId = `${id}-instance`;
  const messageId = `${id}-message`;
  const input = useRef<HTMLInputElement>(null);
  const [typed, setTyped] = useState('');
  const [chosen, setChosen] = useState<string | undefined>(instances[0]?.id);
  const [error, setError] = useState<string | undefined>();
  const [warnings, setWarnings] = useState<{ ticketNumber: string; messages: string[] } | undefined>();
  const [busy, setBusy] = useState(false);

  const options = instances.map((instance) => ({ label: instance.name, value: instance.id }));
  const instance = instances.find((candidate) => candidate.id === chosen) ?? instances[0];

  async function submit(event: FormEvent<HTMLFormElement>) {
    event.preventDefault();
    const ticket = ticketReference(typed);
    if (ticket === undefined) {
      setError('Enter the number of a TeamSupport ticket, e.g. 1234.');
      input.current?.focus();
      return;
    }
    if (!instance) return;
    setBusy(true);
    setError(undefined);
    setWarnings(undefined);
    const outcome = await onLink(instance.id, ticket);
    setBusy(false);
    if (outcome.ok) {
      setTyped('');
      if (outcome.warnings.length > 0) {
        setWarnings({ ticketNumber: outcome.ticket.ticketNumber, messages: outcome.warnings });
      }
      onLinked(outcome.ticket);
    } else {
      setError(linkErrorMessage(outcome.error, ticket, instances.length > 1 ? instance.name : undefined));
    }
    input.current?.focus();
  }

  return (
    <form onSubmit={(event) => void submit(event)} aria-label="Link a ticket" noValidate>
      <Stack space="space.100">
        {instances.length > 1 ? (
          <Stack space="space.050">
            <Label htmlFor={instanceId}>TeamSupport instance</Label>
            <Select
              inputId={instanceId}
              options={options}
              value={options.find((option) => option.value === instance?.id)}
              onChange={(option) => setChosen(option?.value)}
              isDisabled={busy}
              spacing="compact"
            />
          </Stack>
        ) : null}
        <Stack space="space.050">
          <Label htmlFor={numberId}>Ticket number</Label>
          <Inline space="space.100" alignBlock="start">
            <Box xcss={fieldGrowStyles}>
              <Textfield
                id={numberId}
                ref={input}
                value={typed}
                onChange={(event) => {
                  setTyped(event.currentTarget.value);
                  setError(undefined);
                }}
                placeholder="#1234"
                autoComplete="off"
                inputMode="text"
                isInvalid={error !== undefined}
                isCompact
                aria-describedby={messageId}
                aria-invalid={error !== undefined}
              />
            </Box>
            <Button type="submit" appearance="primary" isLoading={busy}>
              Link ticket
            </Button>
          </Inline>
          <div id={messageId}>
            {error ? (
              <ErrorMessage>{error}</ErrorMessage>
            ) : (
              <HelperMessage>
                {instance ? `The ticket's number in ${instance.name}, with or without #.` : ''}
              </HelperMessage>
            )}
          </div>
        </Stack>
        {warnings ? (
          <SectionMessage
            appearance="warning"
            title={`Ticket #${warnings.ticketNumber} is linked, with problems`}
          >
            <Stack space="space.050">
              {warnings.messages.map((message) => (
                <Text as="p" key={message}>
                  {message}
                </Text>
              ))}
            </Stack>
          </SectionMessage>
        ) : null}
      </Stack>
    </form>
  );
}
