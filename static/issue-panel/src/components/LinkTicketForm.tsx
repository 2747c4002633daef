// "Link a ticket": an instance picker (only when there is a choice), one field for a ticket number or words from the
// subject with results as you type (use-ticket-search.ts), and the backend's verdict shown under the field. Errors
// are announced and tied to the field with aria-describedby. While tickets are listed the form folds into a
// "Link a ticket" button, so the list keeps the panel; with none it stays open, since linking is then the thing to do.
import Button from '@atlaskit/button/default/button';
import { ErrorMessage, HelperMessage, Label } from '@atlaskit/form';
import Heading from '@atlaskit/heading';
import LinkIcon from '@atlaskit/icon/core/link';
import { Box, Inline, Stack, Text, xcss } from '@atlaskit/primitives';
import SectionMessage from '@atlaskit/section-message';
import Select from '@atlaskit/select';
import Textfield from '@atlaskit/textfield';
import { useEffect, useId, useRef, useState, type FormEvent } from 'react';
import type { InstanceSummary, LinkedTicket, TicketMatch } from '../api';
import { linkErrorMessage } from '../link-errors';
import { TICKET_NUMBER_MESSAGE, typedTicket } from '../ticket-number';
import type { LinkOutcome } from '../use-linked-tickets';
import { useTicketSearch } from '../use-ticket-search';
import { TicketSearchResults } from './TicketSearchResults';

interface LinkTicketFormProps {
  instances: InstanceSummary[];
  /** tickets are listed: the form folds into a button until asked for */
  collapsible: boolean;
  onLink: (instanceId: string, ticket: string) => Promise<LinkOutcome>;
  onLinked: (ticket: LinkedTicket) => void;
}

/** The ticket field, which the panel focuses when an unlink removed the last row. */
export const LINK_FIELD_ID = 'link-ticket-number';

const fieldGrowStyles = xcss({ flexGrow: 1, minWidth: '0' });

/** What Enter with words (not a number) says: the results are there to pick from, or there are none. */
function wordsMessage(found: number | undefined): string {
  return found !== undefined && found > 0
    ? 'Pick the ticket from the results below, or enter its number, like 1234.'
    : TICKET_NUMBER_MESSAGE;
}

export function LinkTicketForm({ instances, collapsible, onLink, onLinked }: LinkTicketFormProps) {
  const id = useId();
  const numberId = LINK_FIELD_ID;
  const instanceId = `${id}-instance`;
  const messageId = `${id}-message`;
  const input = useRef<HTMLInputElement>(null);
  const toggle = useRef<HTMLButtonElement>(null);
  const [expanded, setExpanded] = useState(false);
  const [typed, setTyped] = useState('');
  const [chosen, setChosen] = useState<string | undefined>(instances[0]?.id);
  const [error, setError] = useState<string | undefined>();
  const [warnings, setWarnings] = useState<{ ticketNumber: string; messages: string[] } | undefined>();
  const [busy, setBusy] = useState(false);

  const options = instances.map((instance) => ({ label: instance.name, value: instance.id }));
  const instance = instances.find((candidate) => candidate.id === chosen) ?? instances[0];
  const open = !collapsible || expanded;
  const search = useTicketSearch(open ? instance?.id : undefined, typed);

  // Opened by the button: the field is what the user came for.
  useEffect(() => {
    if (expanded) input.current?.focus();
  }, [expanded]);

  function fold() {
    setExpanded(false);
    setTyped('');
    setError(undefined);
    // The button that opened the form takes the focus back once it is rendered again.
    setTimeout(() => toggle.current?.focus(), 0);
  }

  async function link(ticket: string) {
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
      // A linked ticket is listed now: the form folds away, and its button keeps the focus.
      fold();
    } else {
      setError(linkErrorMessage(outcome.error, ticket, instances.length > 1 ? instance.name : undefined));
      input.current?.focus();
    }
  }

  async function submit(event: FormEvent<HTMLFormElement>) {
    event.preventDefault();
    const ticket = typedTicket(typed);
    if (ticket.kind !== 'number') {
      setError(
        ticket.kind === 'empty'
          ? TICKET_NUMBER_MESSAGE
          : wordsMessage(search.phase === 'found' ? search.tickets.length : undefined),
      );
      input.current?.focus();
      return;
    }
    await link(ticket.number);
  }

  const warningMessage = warnings ? (
    <SectionMessage appearance="warning" title={`Ticket #${warnings.ticketNumber} is linked, with problems`}>
      <Stack space="space.050">
        {warnings.messages.map((message) => (
          <Text as="p" key={message}>
            {message}
          </Text>
        ))}
      </Stack>
    </SectionMessage>
  ) : null;

  if (!open) {
    return (
      <Stack space="space.100">
        <Inline>
          <Button
            ref={toggle}
            appearance="default"
            iconBefore={LinkIcon}
            onClick={() => setExpanded(true)}
            aria-expanded={false}
          >
            Link a ticket
          </Button>
        </Inline>
        {warningMessage}
      </Stack>
    );
  }

  return (
    <Stack space="space.100">
      <Heading size="xsmall" as="h3">
        Link a ticket
      </Heading>
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
            <Label htmlFor={numberId}>Ticket number or subject</Label>
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
                  onKeyDown={(event) => {
                    if (event.key === 'Escape' && collapsible) fold();
                  }}
                  placeholder="#1234 or words from the subject"
                  autoComplete="off"
                  inputMode="search"
                  isInvalid={error !== undefined}
                  isCompact
                  aria-describedby={messageId}
                  aria-invalid={error !== undefined}
                />
              </Box>
              <Button type="submit" appearance="primary" isLoading={busy}>
                Link ticket
              </Button>
              {collapsible ? (
                <Button appearance="subtle" onClick={fold} isDisabled={busy}>
                  Cancel
                </Button>
              ) : null}
            </Inline>
            <div id={messageId}>
              {error ? (
                <ErrorMessage>{error}</ErrorMessage>
              ) : (
                <HelperMessage>
                  {instance
                    ? `A ticket number in ${instance.name}, with or without #, or words from the subject to search.`
                    : ''}
                </HelperMessage>
              )}
            </div>
          </Stack>
          {instance ? (
            <TicketSearchResults
              search={search}
              instanceName={instance.name}
              busy={busy}
              onPick={(ticket: TicketMatch) => void link(ticket.ticketNumber)}
            />
          ) : null}
        </Stack>
      </form>
      {warningMessage}
    </Stack>
  );
}
