// Push hints (issue 19; README, "How soon a ticket's new action reaches Jira"): the URL a TeamSupport workflow or a
// middleware calls when a ticket changes, the instance's signing secret — shown once, right after "Create secret" or
// "Rotate secret", and afterwards only as "a secret is set, created <date>" — and a copyable curl example that signs a
// hint as src/domain/push-hint.ts checks it. Self-contained: it needs only the saved instance's id.
import Button from '@atlaskit/button/default/button';
import { Label } from '@atlaskit/form';
import { Box, Inline, Stack, Text, xcss } from '@atlaskit/primitives';
import SectionMessage, { SectionMessageAction } from '@atlaskit/section-message';
import Spinner from '@atlaskit/spinner';
import Textfield from '@atlaskit/textfield';
import { useState } from 'react';
import { Announcer } from '../../../../shared/Announcer';
import { ErrorPanel } from '../../../../shared/ErrorPanel';
import { formatDateTime } from '../../../../shared/relative-time';
import { CopyButton } from './CopyButton';
import { pushHintCurlExample } from './push-hint-example';
import { Section, SubHeading } from './section';
import { usePushHints, type PushHints } from './use-push-hints';

const exampleStyles = xcss({
  font: 'font.code',
  whiteSpace: 'pre',
  overflowX: 'auto',
  padding: 'space.150',
  borderRadius: 'radius.small',
  backgroundColor: 'color.background.neutral',
  margin: 'space.0',
});
const valueStyles = xcss({ flexGrow: 1, minWidth: '0' });

const URL_ID = 'push-hint-url';
const SECRET_ID = 'push-hint-secret';

/** A read-only value with a Copy button; selecting it on focus makes copying by hand one key press. */
function CopyableValue({ id, label, value }: { id: string; label: string; value: string }) {
  return (
    <Stack space="space.050">
      <Label htmlFor={id}>{label}</Label>
      <Inline space="space.100" alignBlock="center">
        <Box xcss={valueStyles}>
          <Textfield
            id={id}
            value={value}
            isReadOnly
            isCompact
            isMonospaced
            onFocus={(event) => event.currentTarget.select()}
          />
        </Box>
        <CopyButton text={value} label={label} />
      </Inline>
    </Stack>
  );
}

function SecretState({ hints }: { hints: PushHints }) {
  const [confirming, setConfirming] = useState(false);
  const { state, created, busy } = hints;
  if (state === undefined) return null;
  if (created) {
    return (
      <SectionMessage
        appearance="warning"
        title="Copy the secret now: it is shown only this once"
        actions={[
          <SectionMessageAction key="hide" onClick={hints.hideSecret}>
            I have stored it, hide it
          </SectionMessageAction>,
        ]}
      >
        <Stack space="space.100">
          <Text as="p">
            Store it where the system that sends hints keeps its secrets. After you hide it or leave this
            page, only its creation date is shown; if it is lost, rotate it.
          </Text>
          <CopyableValue id={SECRET_ID} label="Push-hint secret" value={created.secret} />
        </Stack>
      </SectionMessage>
    );
  }
  const rotate = () => {
    setConfirming(false);
    void hints.rotate();
  };
  return (
    <Stack space="space.100">
      <Text testId="push-hint-secret-state">
        {state.hasSecret && state.secretCreatedAt !== null
          ? `A secret is set, created ${formatDateTime(state.secretCreatedAt)}.`
          : 'No secret yet: every hint is refused until you create one.'}
      </Text>
      {confirming ? (
        <SectionMessage
          appearance="warning"
          title="Rotate the secret?"
          actions={[
            <SectionMessageAction key="rotate" onClick={rotate}>
              Rotate now
            </SectionMessageAction>,
            <SectionMessageAction key="cancel" onClick={() => setConfirming(false)}>
              Cancel
            </SectionMessageAction>,
          ]}
        >
          <Text as="p">
            Hints signed with the current secret are refused from the moment the new one is created: give the
            new secret to whatever sends hints right away.
          </Text>
        </SectionMessage>
      ) : (
        <Box>
          <Button
            isLoading={busy}
            appearance={state.hasSecret ? 'default' : 'primary'}
            onClick={() => (state.hasSecret ? setConfirming(true) : void hints.rotate())}
          >
            {state.hasSecret ? 'Rotate secret' : 'Create secret'}
          </Button>
        </Box>
      )}
    </Stack>
  );
}

function PushHintDetails({ instanceId }: { instanceId: string }) {
  const hints = usePushHints(instanceId);
  const { state, failure, created } = hints;
  const example =
    state === undefined ? '' : pushHintCurlExample({ url: state.url, instanceId, secret: created?.secret });
  return (
    <Stack space="space.200">
      {failure ? (
        <ErrorPanel
          title="Push hints could not be read or changed"
          error={failure}
          onRetry={state === undefined ? hints.reload : undefined}
        />
      ) : null}
      {state === undefined && failure === undefined ? (
        <Spinner size="small" label="Loading push hints" />
      ) : null}
      {state ? (
        <>
          <Text as="p">
            In TeamSupport, have a custom action or workflow — or the middleware that already hears about
            ticket changes — call this URL whenever a ticket changes, with this instance's ID and the ticket
            number, signed with the secret. The hint carries no ticket data: it only makes the app read that
            ticket at once.
          </Text>
          <CopyableValue id={URL_ID} label="Web trigger URL" value={state.url} />
          <SubHeading>Secret</SubHeading>
          <SecretState hints={hints} />
          <SubHeading>Example</SubHeading>
          <Text as="p" color="color.text.subtle">
            Signs <code>{'<timestamp>.<body>'}</code> with HMAC-SHA256 and sends it with curl. Replace 1234
            with the changed ticket's number. Hints older than 5 minutes, sent twice or wrongly signed are
            refused and noted in the sync log.
          </Text>
          <Box as="pre" xcss={exampleStyles} testId="push-hint-example">
            {example}
          </Box>
          <Box>
            <CopyButton text={example} label="curl example" />
          </Box>
        </>
      ) : null}
      <Announcer message={created ? 'A new push-hint secret was created. Copy it now.' : ''} />
    </Stack>
  );
}

export function PushHintSection({ instanceId }: { instanceId: string | undefined }) {
  return (
    <Section
      id="section-push-hints"
      title="Push hints"
      description="Let TeamSupport tell the app that a ticket changed: its new actions then reach Jira within seconds instead of at the next pull."
    >
      {instanceId === undefined ? (
        <Text color="color.text.subtle">Save the instance first: a hint names the instance by its ID.</Text>
      ) : (
        <PushHintDetails instanceId={instanceId} />
      )}
    </Section>
  );
}
