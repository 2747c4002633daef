// Connection: where TeamSupport is and how to sign in. The token is write-only: the page only learns whether one is
// stored, and a new one replaces it.
import { Inline, Stack, Text } from '@atlaskit/primitives';
import Lozenge from '@atlaskit/lozenge';
import Textfield from '@atlaskit/textfield';
import { tokenNeededBecause } from './draft';
import { FieldRow } from './FieldRow';
import { messagesAt, under } from './issues';
import { Picker, textOptions } from './Picker';
import { Section, type SectionProps } from './section';

function timeZones(): string[] {
  const known = typeof Intl.supportedValuesOf === 'function' ? Intl.supportedValuesOf('timeZone') : [];
  return ['UTC', ...known.filter((zone) => zone !== 'UTC')];
}

const TIME_ZONES = textOptions(timeZones());

export function ConnectionSection({ draft, change, issues }: SectionProps) {
  const tokenAgain = tokenNeededBecause(draft);
  const tokenField = (
    <FieldRow
      path="apiToken"
      label={draft.id === undefined ? 'API token' : 'Replace token'}
      helper={
        tokenAgain !== undefined
          ? `Required: ${tokenAgain}, so enter the API token again (the stored one is only used where it was entered).`
          : draft.hasToken
            ? 'Leave empty to keep the stored token. Tokens are write-only: they are stored encrypted and never shown again.'
            : 'TeamSupport Admin → Integration → TeamSupport API. Stored encrypted and never shown again.'
      }
      messages={messagesAt(issues, 'apiToken')}
    >
      {(control) => (
        <Textfield
          id={control.id}
          type="password"
          autoComplete="new-password"
          value={draft.apiToken}
          onChange={(event) => change({ apiToken: event.currentTarget.value }, under('apiToken'))}
          isRequired={draft.id === undefined || !draft.hasToken || tokenAgain !== undefined}
          isInvalid={control.isInvalid}
          aria-describedby={control.describedBy}
          isCompact
        />
      )}
    </FieldRow>
  );
  return (
    <Section
      id="section-connection"
      title="Connection"
      description="Where your TeamSupport organization is and how the app signs in to its API."
    >
      <FieldRow
        path="name"
        label="Name"
        helper="Shown in the issue panel and the sync log."
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
      <FieldRow
        path="baseUrl"
        label="Server address"
        helper="Your TeamSupport address including https://, e.g. https://app.na2.teamsupport.com. The app may only call addresses that end in .teamsupport.com."
        messages={messagesAt(issues, 'baseUrl')}
      >
        {(control) => (
          <Textfield
            id={control.id}
            value={draft.baseUrl}
            onChange={(event) => change({ baseUrl: event.currentTarget.value }, under('baseUrl'))}
            isInvalid={control.isInvalid}
            aria-describedby={control.describedBy}
            placeholder="https://app.teamsupport.com"
            type="url"
            isCompact
          />
        )}
      </FieldRow>
      <FieldRow
        path="organizationId"
        label="Organization ID"
        helper="TeamSupport Admin → My Company. The API uses it as the user name."
        messages={messagesAt(issues, 'organizationId')}
      >
        {(control) => (
          <Textfield
            id={control.id}
            value={draft.organizationId}
            onChange={(event) =>
              change({ organizationId: event.currentTarget.value }, under('organizationId'))
            }
            isInvalid={control.isInvalid}
            aria-describedby={control.describedBy}
            inputMode="numeric"
            isCompact
          />
        )}
      </FieldRow>
      {draft.id === undefined ? (
        tokenField
      ) : (
        <Stack space="space.075">
          <Inline space="space.100" alignBlock="center">
            <Text weight="semibold" size="small" color="color.text.subtle">
              API token
            </Text>
            <Lozenge appearance={draft.hasToken ? 'success' : 'moved'}>
              {draft.hasToken ? 'Set' : 'Not set'}
            </Lozenge>
          </Inline>
          {tokenField}
        </Stack>
      )}
      <FieldRow
        path="timeZone"
        label="Time zone"
        helper="The time zone set for your TeamSupport organization: TeamSupport sends dates without one. Empty means UTC."
        messages={messagesAt(issues, 'timeZone')}
      >
        {(control) => (
          <Picker
            inputId={control.id}
            options={TIME_ZONES}
            value={draft.timeZone}
            onChange={(timeZone) => change({ timeZone }, under('timeZone'))}
            isInvalid={control.isInvalid}
            describedBy={control.describedBy}
            placeholder="UTC"
            isClearable
          />
        )}
      </FieldRow>
      <FieldRow
        path="dailyRequestLimit"
        label="TeamSupport requests a day (your organization's limit)"
        helper="TeamSupport's 24-hour API limit for your organization; empty means 5,000. The app counts its own requests and pulls less often from 90 % of it (every 15 minutes, hourly from 98 %), keeping the rest for changes from Jira."
        messages={messagesAt(issues, 'dailyRequestLimit')}
      >
        {(control) => (
          <Textfield
            id={control.id}
            value={draft.dailyRequestLimit}
            onChange={(event) =>
              change({ dailyRequestLimit: event.currentTarget.value }, under('dailyRequestLimit'))
            }
            isInvalid={control.isInvalid}
            aria-describedby={control.describedBy}
            placeholder="5,000"
            inputMode="numeric"
            width="small"
            isCompact
          />
        )}
      </FieldRow>
    </Section>
  );
}
