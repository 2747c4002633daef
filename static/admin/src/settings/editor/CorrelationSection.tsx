// The correlation field: how agents ask for a Jira issue from a ticket. A section of its own (issue 20): it is not a
// mapping of names, and an admin looking for "how do agents link from TeamSupport" should find it by its heading.
import { FieldRow } from './FieldRow';
import { messagesAt, under } from './issues';
import { Picker, textOptions } from './Picker';
import { Section, type SectionProps } from './section';

export function CorrelationSection({ draft, change, issues, options }: SectionProps) {
  return (
    <Section
      id="section-correlation"
      title="Correlation field"
      description="A ticket custom field where agents ask for a Jira issue: an issue key links the ticket to that issue, and “NEW” creates one from the ticket."
    >
      <FieldRow
        path="correlationField"
        label="Correlation field"
        helper='API name of a ticket custom field holding the Jira issue key (e.g. JiraIssueKey). Agents enter an issue key to link that issue, or "NEW" to ask for a new one. Leave it empty to link only from Jira.'
        messages={messagesAt(issues, 'correlationField')}
      >
        {(control) => (
          <Picker
            inputId={control.id}
            options={textOptions(options?.ticket?.customFields ?? [])}
            value={draft.correlationField}
            onChange={(correlationField) => change({ correlationField }, under('correlationField'))}
            isInvalid={control.isInvalid}
            describedBy={control.describedBy}
            isClearable
          />
        )}
      </FieldRow>
    </Section>
  );
}
