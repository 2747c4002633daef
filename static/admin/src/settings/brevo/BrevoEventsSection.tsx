// Events: which Jira activity becomes a Brevo event on the contact's timeline (event names: docs/product.md, "Brevo
// events"). Issue activity is on for a new account; milestones and capacity feed campaigns an admin sets up on purpose.
import { Checkbox } from '@atlaskit/checkbox';
import { Fieldset } from '@atlaskit/form';
import { Stack } from '@atlaskit/primitives';
import type { EventKey } from '../../brevo-view';
import { FieldMessages } from '../editor/FieldRow';
import { controlId, messagesUnder, messageId, under } from '../editor/issues';
import { Section } from '../editor/section';
import type { BrevoSectionProps } from './section';

const ISSUE_EVENTS: ReadonlyArray<{ key: EventKey; label: string }> = [
  { key: 'issueCreated', label: 'Issue created (jira_issue_created)' },
  { key: 'issueUpdated', label: 'Issue updated: mapped fields changed (jira_issue_updated)' },
  { key: 'issueResolved', label: 'Issue resolved (jira_issue_resolved)' },
  { key: 'statusChanged', label: 'Status changed (jira_issue_status_changed)' },
  { key: 'commentAdded', label: 'Customer-facing comment added (jira_comment_added)' },
];

const TEAM_EVENTS: ReadonlyArray<{ key: EventKey; label: string }> = [
  { key: 'versionReleased', label: 'Version released (jira_version_released)' },
  { key: 'sprintClosed', label: 'Sprint closed (jira_sprint_closed)' },
  { key: 'teamCapacity', label: 'Team capacity, daily (jira_team_capacity)' },
];

export function BrevoEventsSection({ draft, change, issues }: BrevoSectionProps) {
  const boxes = (events: typeof ISSUE_EVENTS) =>
    events.map(({ key, label }) => (
      <Checkbox
        key={key}
        id={controlId(`events.${key}`)}
        label={label}
        isChecked={draft.events[key]}
        onChange={(event) =>
          change({ events: { ...draft.events, [key]: event.currentTarget.checked } }, under(`events.${key}`))
        }
        aria-describedby={messageId('events')}
      />
    ));
  return (
    <Section
      id="section-brevo-events"
      title="Events"
      description="What reaches the contact's timeline in Brevo. Restricted and internal comments never leave Jira."
    >
      <Fieldset legend="Issue activity">
        <Stack space="space.050">{boxes(ISSUE_EVENTS)}</Stack>
      </Fieldset>
      <Fieldset legend="Milestones and capacity">
        <Stack space="space.050">{boxes(TEAM_EVENTS)}</Stack>
      </Fieldset>
      <FieldMessages path="events" messages={messagesUnder(issues, 'events')} />
    </Section>
  );
}
