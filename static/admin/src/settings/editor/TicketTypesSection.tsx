// The instance editor's "Ticket types" section: which TeamSupport ticket types can be linked and sync.
import { messagesUnder, under } from './issues';
import { NameChoiceField } from './NameChoiceField';
import { Section, type SectionProps } from './section';

export function TicketTypesSection({ draft, change, issues, options }: SectionProps) {
  return (
    <Section
      id="section-ticket-types"
      title="Ticket types"
      description="Which TeamSupport tickets can be linked to Jira issues and sync with them."
    >
      <NameChoiceField
        path="ticketTypes"
        label="Ticket types that sync"
        allLabel="All ticket types"
        helper="Tickets of other types cannot be linked, and their changes are ignored."
        choice={draft.ticketTypes}
        options={options?.ticket?.ticketTypes ?? []}
        messages={messagesUnder(issues, 'ticketTypes')}
        onChange={(ticketTypes) => change({ ticketTypes }, under('ticketTypes'))}
      />
    </Section>
  );
}
