// A link's newest problem in words under its ticket ("Comment of 3 Dec not sent: restricted to the role …"), with
// Retry when the failed item can be re-run; after a Retry the line says it was queued.
import Button from '@atlaskit/button/default/button';
import { Box, Inline, Text, xcss } from '@atlaskit/primitives';
import { useState } from 'react';
import type { Envelope } from '../../../shared/envelope';
import type { LinkedTicket } from '../api';

const wordsStyles = xcss({ overflowWrap: 'anywhere' });

type Problem = NonNullable<LinkedTicket['problem']>;

interface LinkHealthProps {
  ticket: LinkedTicket;
  onRetry: (problem: Problem) => Promise<Envelope<unknown>>;
}

export function LinkHealth({ ticket, onRetry }: LinkHealthProps) {
  const [state, setState] = useState<'idle' | 'busy' | 'queued' | { failed: string }>('idle');
  const problem = ticket.problem;
  if (!problem) return null;

  async function retry(item: Problem) {
    setState('busy');
    const result = await onRetry(item);
    setState(result.ok ? 'queued' : { failed: result.error.message });
  }

  return (
    <Box xcss={wordsStyles} testId={`health-${ticket.ticketNumber}`}>
      <Inline space="space.050" alignBlock="center" shouldWrap>
        <Text size="small" color={problem.level === 'error' ? 'color.text.danger' : 'color.text.warning'}>
          {problem.words}
        </Text>
        {problem.retryable && (state === 'idle' || state === 'busy') ? (
          <Button
            appearance="subtle"
            spacing="compact"
            isDisabled={state === 'busy'}
            onClick={() => void retry(problem)}
          >
            Retry
          </Button>
        ) : null}
      </Inline>
      {state === 'queued' ? (
        <Text size="small" color="color.text.subtle">
          Retry queued: it syncs again within a few minutes.
        </Text>
      ) : null}
      {typeof state === 'object' ? (
        <Text size="small" color="color.text.danger">
          {state.failed}
        </Text>
      ) : null}
    </Box>
  );
}
