// Contacts: whose Brevo contact an issue's events go to. The reporter by default; each person's e-mail address comes
// from Jira, and a person who hides it is skipped with a sync-log entry.
import { Checkbox } from '@atlaskit/checkbox';
import { Fieldset } from '@atlaskit/form';
import { Stack } from '@atlaskit/primitives';
import { CONTACT_ROLES, type ContactRole } from '../../brevo-view';
import { FieldMessages } from '../editor/FieldRow';
import { controlId, messageId, messagesUnder, under } from '../editor/issues';
import { Section } from '../editor/section';
import { withRole } from './brevo-draft';
import type { BrevoSectionProps } from './section';

const ROLE_LABELS: Record<ContactRole, string> = {
  reporter: 'Reporter',
  assignee: 'Assignee',
  requestParticipants: 'Request participants (Jira Service Management)',
};

export function BrevoContactsSection({ draft, change, issues }: BrevoSectionProps) {
  return (
    <Section
      id="section-brevo-contacts"
      title="Contacts"
      description="The people whose Brevo contacts receive an issue's events, found by their Jira e-mail address."
    >
      <Fieldset legend="Contact roles">
        <Stack space="space.050">
          {CONTACT_ROLES.map((role, index) => (
            <Checkbox
              key={role}
              id={index === 0 ? controlId('contactRoles') : controlId(`contactRoles-${role}`)}
              label={ROLE_LABELS[role]}
              isChecked={draft.contactRoles.includes(role)}
              onChange={(event) =>
                change(
                  {
                    contactRoles: withRole(
                      draft.contactRoles,
                      role,
                      event.currentTarget.checked,
                      CONTACT_ROLES,
                    ),
                  },
                  under('contactRoles'),
                )
              }
              aria-describedby={messageId('contactRoles')}
            />
          ))}
        </Stack>
      </Fieldset>
      <FieldMessages
        path="contactRoles"
        helper="People who hide their e-mail address from apps are skipped, with a sync-log entry."
        messages={messagesUnder(issues, 'contactRoles')}
      />
    </Section>
  );
}
