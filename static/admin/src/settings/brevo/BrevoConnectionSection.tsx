// Connection: the account's name, its API key (write-only: the page only learns whether one is stored) and whether
// events are sent at all.
import Lozenge from '@atlaskit/lozenge';
import { Inline, Stack, Text } from '@atlaskit/primitives';
import Textfield from '@atlaskit/textfield';
import { FieldRow } from '../editor/FieldRow';
import { messagesAt, under } from '../editor/issues';
import { Section } from '../editor/section';
import { ToggleRow } from '../editor/ToggleRow';
import type { BrevoSectionProps } from './section';

export function BrevoConnectionSection({ draft, change, issues }: BrevoSectionProps) {
  const keyField = (
    <FieldRow
      path="apiKey"
      label={draft.id === undefined ? 'API key' : 'Replace API key'}
      helper={
        draft.hasApiKey
          ? 'Leave empty to keep the stored key. Keys are write-only: they are stored encrypted and never shown again.'
          : 'Brevo → SMTP & API → API keys (starts with xkeysib-). Stored encrypted and never shown again.'
      }
      messages={messagesAt(issues, 'apiKey')}
    >
      {(control) => (
        <Textfield
          id={control.id}
          type="password"
          autoComplete="new-password"
          value={draft.apiKey}
          onChange={(event) => change({ apiKey: event.currentTarget.value }, under('apiKey'))}
          isRequired={!draft.hasApiKey}
          isInvalid={control.isInvalid}
          aria-describedby={control.describedBy}
          isCompact
        />
      )}
    </FieldRow>
  );
  return (
    <Section
      id="section-brevo-connection"
      title="Connection"
      description="The Brevo account that receives Jira events, and the API key the app signs in with."
    >
      <FieldRow
        path="name"
        label="Name"
        helper="Shown in the sync log. Unique among all instances and accounts."
        messages={messagesAt(issues, 'name')}
      >
        {(control) => (
          <Textfield
            id={control.id}
            value={draft.name}
            onChange={(event) => change({ name: event.currentTarget.value }, under('name'))}
            isInvalid={control.isInvalid}
            aria-describedby={control.describedBy}
            isCompact
          />
        )}
      </FieldRow>
      {draft.id === undefined ? (
        keyField
      ) : (
        <Stack space="space.075">
          <Inline space="space.100" alignBlock="center">
            <Text weight="semibold" size="small" color="color.text.subtle">
              API key
            </Text>
            <Lozenge appearance={draft.hasApiKey ? 'success' : 'moved'}>
              {draft.hasApiKey ? 'Set' : 'Not set'}
            </Lozenge>
          </Inline>
          {keyField}
        </Stack>
      )}
      <ToggleRow
        path="active"
        label="Synchronization active"
        helper="Turn on after a successful connection test. While off, no event reaches Brevo."
        checked={draft.active}
        messages={messagesAt(issues, 'active')}
        onChange={(active) => change({ active }, under('active'))}
      />
    </Section>
  );
}
