// "Send the last N days": sends the events of the account's issues changed in that window, once each (events sent
// before, by the live flow or an earlier run, are skipped). The run goes on in the app's queue; the page reads its
// progress every few seconds while it runs, offers "Resume" when it failed (or went quiet), and says the last error.
import Button from '@atlaskit/button/default/button';
import { Label } from '@atlaskit/form';
import Lozenge from '@atlaskit/lozenge';
import { Box, Inline, Stack, Text, xcss } from '@atlaskit/primitives';
import SectionMessage from '@atlaskit/section-message';
import Spinner from '@atlaskit/spinner';
import Textfield from '@atlaskit/textfield';
import { useEffect, useState, type FormEvent } from 'react';
import { Announcer } from '../../../../shared/Announcer';
import { ErrorPanel } from '../../../../shared/ErrorPanel';
import type { BackfillRun, BrevoAccountView } from '../../brevo-view';
import { FieldMessages } from '../editor/FieldRow';
import { controlId, messageId } from '../editor/issues';
import { Section } from '../editor/section';
import {
  BACKFILL_DEFAULT_DAYS,
  BACKFILL_MAX_DAYS,
  BACKFILL_MIN_DAYS,
  backfillErrorText,
  backfillProgressText,
  backfillWindowText,
  canResume,
  parseBackfillDays,
} from './brevo-status-text';
import { useBrevoBackfill } from './use-brevo-backfill';

const daysFieldStyles = xcss({ width: '120px' });
const DAYS_PATH = 'backfillDays';

const STATE_LOZENGE = {
  running: { appearance: 'inprogress', label: 'Running' },
  done: { appearance: 'success', label: 'Done' },
  failed: { appearance: 'removed', label: 'Failed' },
} as const;

function RunProgress({
  run,
  now,
  busy,
  onResume,
}: {
  run: BackfillRun;
  now: Date;
  busy: boolean;
  onResume: () => void;
}) {
  const error = backfillErrorText(run);
  const state = STATE_LOZENGE[run.state];
  return (
    <Stack space="space.100" testId="brevo-backfill-run">
      <Inline space="space.100" alignBlock="center">
        <Lozenge appearance={state.appearance}>{state.label}</Lozenge>
        {run.state === 'running' ? <Spinner size="small" label="Sending" /> : null}
        <Text weight="semibold">{backfillProgressText(run)}</Text>
      </Inline>
      <Text size="small" color="color.text.subtle">
        {backfillWindowText(run, now)}
      </Text>
      {error ? (
        <SectionMessage appearance={run.state === 'failed' ? 'error' : 'warning'}>
          <Text as="p">{error}</Text>
        </SectionMessage>
      ) : null}
      {canResume(run, now) ? (
        <Box>
          <Button appearance="primary" onClick={onResume} isLoading={busy}>
            Resume
          </Button>
        </Box>
      ) : null}
    </Stack>
  );
}

/** Why the account cannot send now, if it cannot: the backend would refuse the run with the same reason. */
function blocker(account: BrevoAccountView): string | undefined {
  if (!account.hasApiKey) return 'Enter an API key in the account’s settings first.';
  if (!account.active) return 'Turn synchronization on in the account’s settings first.';
  return undefined;
}

export function BrevoBackfillSection({
  account,
  now,
  onFinished,
}: {
  account: BrevoAccountView;
  now: Date;
  /** a run the page watched has finished: the status beside it has new figures */
  onFinished: () => void;
}) {
  const backfill = useBrevoBackfill(account.id);
  const [daysText, setDaysText] = useState(String(BACKFILL_DEFAULT_DAYS));
  const [daysIssue, setDaysIssue] = useState<string | undefined>();
  const { run, failure, busy, finishedRuns } = backfill;
  const running = run?.state === 'running';
  const blocked = blocker(account);

  useEffect(() => {
    if (finishedRuns > 0) onFinished();
    // Only a newly finished run reloads the status; onFinished is a callback of the page.
  }, [finishedRuns]);

  function submit(event: FormEvent<HTMLFormElement>) {
    event.preventDefault();
    const days = parseBackfillDays(daysText);
    if (!days.ok) {
      setDaysIssue(days.message);
      return;
    }
    setDaysIssue(undefined);
    void backfill.start(days.days);
  }

  return (
    <Section
      id="section-brevo-backfill"
      title="Send the last N days"
      description="Sends the events of this account's issues changed in the last days, as if they had just happened. Each event reaches a contact once: events sent before are skipped."
    >
      <form onSubmit={submit} noValidate aria-label="Send the last N days">
        <Stack space="space.050">
          <Label htmlFor={controlId(DAYS_PATH)}>Number of days</Label>
          <Inline space="space.100" alignBlock="center">
            <Box xcss={daysFieldStyles}>
              <Textfield
                id={controlId(DAYS_PATH)}
                type="number"
                min={BACKFILL_MIN_DAYS}
                max={BACKFILL_MAX_DAYS}
                step={1}
                value={daysText}
                onChange={(change) => setDaysText(change.currentTarget.value)}
                isInvalid={daysIssue !== undefined}
                aria-describedby={messageId(DAYS_PATH)}
                isCompact
              />
            </Box>
            <Button
              type="submit"
              appearance={run?.state === 'failed' ? 'default' : 'primary'}
              isDisabled={running || blocked !== undefined}
              isLoading={busy && !running}
            >
              Send events
            </Button>
          </Inline>
          <FieldMessages
            path={DAYS_PATH}
            helper={`From ${BACKFILL_MIN_DAYS} to ${BACKFILL_MAX_DAYS} days back from now.`}
            messages={daysIssue === undefined ? [] : [daysIssue]}
          />
        </Stack>
      </form>
      {blocked ? <Text color="color.text.subtle">{blocked}</Text> : null}
      {running ? (
        <Text size="small" color="color.text.subtle">
          A run is going: a new one can start once it is done.
        </Text>
      ) : null}
      {run === undefined && failure === undefined ? (
        <Spinner size="small" label="Loading the last run" />
      ) : null}
      {run === null ? <Text color="color.text.subtle">No run yet for this account.</Text> : null}
      {run ? <RunProgress run={run} now={now} busy={busy} onResume={() => void backfill.resume()} /> : null}
      {failure ? <ErrorPanel title="The run could not be started or read" error={failure} /> : null}
      <Announcer message={run ? backfillProgressText(run) : ''} />
    </Section>
  );
}
