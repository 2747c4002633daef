// One Brevo account's status, opened from its row in the instances list: when it last synced, what it covers, how many
// contacts it keeps, what became of its events in the last 24 hours and the rate-limit quota Brevo reported, in words
// (brevo-status-text.ts); and below, "Send the last N days".
import Button from '@atlaskit/button/default/button';
import Heading from '@atlaskit/heading';
import ArrowLeftIcon from '@atlaskit/icon/core/arrow-left';
import { Box, Inline, Stack, Text } from '@atlaskit/primitives';
import SectionMessage from '@atlaskit/section-message';
import Spinner from '@atlaskit/spinner';
import { useState, type ReactNode } from 'react';
import { ErrorPanel } from '../../../../shared/ErrorPanel';
import { formatDateTime } from '../../../../shared/relative-time';
import { useNow } from '../../../../shared/use-now';
import type { BrevoAccountView, BrevoStatus } from '../../brevo-view';
import { Section } from '../editor/section';
import { BrevoBackfillSection } from './BrevoBackfillSection';
import {
  contactsText,
  eventsText,
  lastSuccessText,
  rateLimitDetail,
  rateLimitText,
  scopeText,
} from './brevo-status-text';
import { useBrevoStatus } from './use-brevo-status';

function Fact({ children, detail }: { children: ReactNode; detail?: string | undefined }) {
  return (
    <Box as="li">
      <Stack space="space.025">
        <Text>{children}</Text>
        {detail ? (
          <Text size="small" color="color.text.subtle">
            {detail}
          </Text>
        ) : null}
      </Stack>
    </Box>
  );
}

function StatusFacts({ status, now, name }: { status: BrevoStatus; now: Date; name: string }) {
  const failed = status.events24h.failed;
  return (
    <Stack as="ul" space="space.150" testId="brevo-status" aria-label={`Status of ${name}`}>
      <Fact detail={status.lastSuccessAt === null ? undefined : formatDateTime(status.lastSuccessAt)}>
        {lastSuccessText(status.lastSuccessAt, now)}
      </Fact>
      <Fact detail={status.issuesTrackedError}>{scopeText(status)}</Fact>
      <Fact detail="Contacts the app created or updated in Brevo for this account.">
        {contactsText(status)}
      </Fact>
      <Fact detail={failed > 0 ? 'The Sync errors tab lists the failures, with Retry.' : undefined}>
        {eventsText(status)}
      </Fact>
      <Fact detail={rateLimitDetail(status.rateLimit, now)}>{rateLimitText(status.rateLimit)}</Fact>
    </Stack>
  );
}

export function BrevoStatusPanel({ account, onClose }: { account: BrevoAccountView; onClose: () => void }) {
  const now = useNow(15_000);
  const [reloads, setReloads] = useState(0);
  const { result, loading } = useBrevoStatus(account.id, reloads);
  const reload = () => setReloads((count) => count + 1);

  return (
    <Stack space="space.200">
      <Box>
        <Button appearance="subtle" spacing="compact" iconBefore={ArrowLeftIcon} onClick={onClose}>
          All instances
        </Button>
      </Box>
      <Inline spread="space-between" alignBlock="center">
        <Stack space="space.050">
          <Heading size="large" as="h2">
            {account.name}
          </Heading>
          <Text color="color.text.subtle">
            How this Brevo account is doing, and past events to send again.
          </Text>
        </Stack>
        <Button onClick={reload} isLoading={loading && result !== undefined}>
          Refresh
        </Button>
      </Inline>
      {account.active ? null : (
        <SectionMessage appearance="warning" title="Synchronization is off">
          <Text as="p">
            No Jira events reach this account until synchronization is turned on in its settings.
          </Text>
        </SectionMessage>
      )}
      <Section
        id="section-brevo-status"
        title="Status"
        description="Read when this page opened; Refresh reads it again."
      >
        {result === undefined ? <Spinner label="Loading the status" /> : null}
        {result?.ok ? <StatusFacts status={result.data} now={now} name={account.name} /> : null}
        {result && !result.ok ? (
          <ErrorPanel title="The status could not be loaded" error={result.error} onRetry={reload} />
        ) : null}
      </Section>
      <BrevoBackfillSection account={account} now={now} onFinished={reload} />
    </Stack>
  );
}
