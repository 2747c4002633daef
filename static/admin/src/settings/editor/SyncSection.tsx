// Sync behaviour: whether the instance syncs, and how comments, actions and statuses cross over.
import { Anchor, Text } from '@atlaskit/primitives';
import SectionMessage from '@atlaskit/section-message';
import { FieldRow } from './FieldRow';
import { messagesAt, messagesUnder, under } from './issues';
import { NameChoiceField } from './NameChoiceField';
import { Picker, textOptions } from './Picker';
import { Section, type SectionProps } from './section';
import { ToggleRow } from './ToggleRow';

// Forge delivers product events only from projects the default user group can browse (README.md, Troubleshooting).
const RESTRICTED_PROJECTS_DOC =
  'https://developer.atlassian.com/platform/forge/events-reference/product_events/';

/** Why comments in some projects never reach a ticket: the app is not told about them, so it cannot log them. */
function RestrictedProjectsNote() {
  return (
    <SectionMessage appearance="information" title="Restricted Jira projects do not send changes">
      <Text as="p">
        Jira tells apps about comments, status changes and field changes only in projects that its default
        user group can browse. On issues in a project whose Browse projects permission leaves that group out,
        nothing reaches the linked tickets and the sync log stays empty, because the app never hears of the
        change.{' '}
        <Anchor
          href={RESTRICTED_PROJECTS_DOC}
          target="_blank"
          rel="noopener noreferrer"
          newWindowLabel="(opens in a new tab)"
        >
          Forge product events
        </Anchor>
      </Text>
    </SectionMessage>
  );
}

export function SyncSection({ draft, change, issues, options }: SectionProps) {
  const actionTypes = options?.ticket?.actionTypes ?? [];
  return (
    <Section
      id="section-sync"
      title="Sync behaviour"
      description="What crosses between Jira issues and their linked tickets once synchronization is on."
    >
      <ToggleRow
        path="active"
        label="Synchronization active"
        helper="Turn on after a successful connection test. While off, nothing syncs and no ticket can be linked."
        checked={draft.active}
        messages={messagesAt(issues, 'active')}
        onChange={(active) => change({ active }, under('active'))}
      />
      <ToggleRow
        path="updateTicketStatus"
        label="Update TeamSupport ticket status"
        helper="When an issue changes status, set the linked ticket's status of the same name (or the one mapped below). Off: an action on the ticket notes the change instead."
        checked={draft.updateTicketStatus}
        messages={messagesAt(issues, 'updateTicketStatus')}
        onChange={(updateTicketStatus) => change({ updateTicketStatus }, under('updateTicketStatus'))}
      />
      <FieldRow
        path="commentActionType"
        label="Action type for Jira comments"
        helper="Comments made in Jira become TeamSupport actions of this type."
        messages={messagesAt(issues, 'commentActionType')}
      >
        {(control) => (
          <Picker
            inputId={control.id}
            options={textOptions(actionTypes)}
            value={draft.commentActionType}
            onChange={(commentActionType) => change({ commentActionType }, under('commentActionType'))}
            isInvalid={control.isInvalid}
            describedBy={control.describedBy}
          />
        )}
      </FieldRow>
      <ToggleRow
        path="actionsVisibleOnPortal"
        label="Show those actions on the customer portal"
        helper="Off keeps comments from Jira internal to your support team."
        checked={draft.actionsVisibleOnPortal}
        messages={messagesAt(issues, 'actionsVisibleOnPortal')}
        onChange={(actionsVisibleOnPortal) =>
          change({ actionsVisibleOnPortal }, under('actionsVisibleOnPortal'))
        }
      />
      <NameChoiceField
        path="pullActionTypes"
        label="Action types copied to Jira as comments"
        allLabel="All action types"
        helper="Ticket actions of these types appear as comments on the linked issue."
        choice={draft.pullActionTypes}
        options={actionTypes}
        messages={messagesUnder(issues, 'pullActionTypes')}
        onChange={(pullActionTypes) => change({ pullActionTypes }, under('pullActionTypes'))}
      />
      <ToggleRow
        path="includeNonRequiredFields"
        label="Include non-required fields on issue creation"
        helper="When a ticket asks for a new issue, also send mapped fields that Jira does not require. Off: only the required ones."
        checked={draft.includeNonRequiredFields}
        messages={messagesAt(issues, 'includeNonRequiredFields')}
        onChange={(includeNonRequiredFields) =>
          change({ includeNonRequiredFields }, under('includeNonRequiredFields'))
        }
      />
      <ToggleRow
        path="copyEarlierActions.onEscalation"
        label="Copy a ticket's earlier actions to a new issue"
        helper="When a ticket asks for a new issue, its actions so far become comments on the issue too, oldest first. Off: only what happens after."
        checked={draft.copyEarlierActions.onEscalation}
        messages={messagesAt(issues, 'copyEarlierActions.onEscalation')}
        onChange={(onEscalation) =>
          change(
            { copyEarlierActions: { ...draft.copyEarlierActions, onEscalation } },
            under('copyEarlierActions'),
          )
        }
      />
      <ToggleRow
        path="copyEarlierActions.onLink"
        label="Copy a ticket's earlier actions when it is linked to an existing issue"
        helper="From the issue panel or the correlation field. Off: the issue gets only what happens after the link."
        checked={draft.copyEarlierActions.onLink}
        messages={messagesAt(issues, 'copyEarlierActions.onLink')}
        onChange={(onLink) =>
          change({ copyEarlierActions: { ...draft.copyEarlierActions, onLink } }, under('copyEarlierActions'))
        }
      />
      <RestrictedProjectsNote />
    </Section>
  );
}
