// Releases: what a released Jira fix version does to the linked tickets of its issues (docs/product.md, "Releases and
// sprints"): a "Fixed in …" note, shown on the customer portal or not, and optionally a status to move the ticket to.
import { FieldRow } from './FieldRow';
import { messagesAt, under } from './issues';
import { Picker, textOptions } from './Picker';
import { Section, type SectionProps } from './section';
import { ToggleRow } from './ToggleRow';

export function ReleasesSection({ draft, change, issues, options }: SectionProps) {
  return (
    <Section
      id="section-releases"
      title="Releases"
      description="When a Jira version is released, the tickets linked to its issues hear of the fix."
    >
      <ToggleRow
        path="announceReleases"
        label="Announce releases on linked tickets"
        helper='Adds "Fixed in <version> (released <date>)" with the issue key to every ticket linked to an issue whose fix version is released. Issues with a security level are never announced.'
        checked={draft.announceReleases}
        messages={messagesAt(issues, 'announceReleases')}
        onChange={(announceReleases) => change({ announceReleases }, under('announceReleases'))}
      />
      <ToggleRow
        path="releaseNoteVisibleOnPortal"
        label="Show the release note on the customer portal"
        helper="Off keeps the note internal to your support team."
        checked={draft.releaseNoteVisibleOnPortal}
        messages={messagesAt(issues, 'releaseNoteVisibleOnPortal')}
        onChange={(releaseNoteVisibleOnPortal) =>
          change({ releaseNoteVisibleOnPortal }, under('releaseNoteVisibleOnPortal'))
        }
      />
      <FieldRow
        path="releaseStatus"
        label="Ticket status after release"
        helper="Moves each linked ticket to this status once, when the release is announced. Leave empty to keep the ticket's status."
        messages={messagesAt(issues, 'releaseStatus')}
      >
        {(control) => (
          <Picker
            inputId={control.id}
            options={textOptions(options?.ticket?.statuses ?? [])}
            value={draft.releaseStatus}
            onChange={(releaseStatus) => change({ releaseStatus }, under('releaseStatus'))}
            isClearable
            isInvalid={control.isInvalid}
            describedBy={control.describedBy}
            placeholder="Keep the ticket's status"
          />
        )}
      </FieldRow>
    </Section>
  );
}
