// A failed item can be retried once, while its entry is open; afterwards the cell says what became of it.
import Button from '@atlaskit/button/default/button';
import Lozenge from '@atlaskit/lozenge';
import { showFlag } from '@forge/bridge';
import { useState } from 'react';
import type { Envelope } from '../../../shared/envelope';
import type { SyncEvent } from '../api';

interface RetryCellProps {
  entry: SyncEvent;
  onRetry: (entry: SyncEvent) => Promise<Envelope<unknown>>;
}

export function RetryCell({ entry, onRetry }: RetryCellProps) {
  const [busy, setBusy] = useState(false);
  if (entry.status === 'retried') return <Lozenge appearance="inprogress">Retried</Lozenge>;
  if (entry.status === 'resolved') return <Lozenge appearance="success">Resolved</Lozenge>;
  if (!entry.retry) return null;

  async function retry() {
    setBusy(true);
    const result = await onRetry(entry);
    setBusy(false);
    const id = `retry-${entry.id}`;
    if (result.ok) {
      void showFlag({
        id,
        type: 'success',
        title: 'Retry queued',
        description: 'The item syncs again within a few minutes.',
        isAutoDismiss: true,
      });
    } else if (result.error.code === 'ALREADY_RETRIED') {
      void showFlag({
        id,
        type: 'info',
        title: 'Already retried',
        description: result.error.message,
        isAutoDismiss: true,
      });
    } else {
      void showFlag({ id, type: 'error', title: 'Retry failed', description: result.error.message });
    }
  }

  const subject = entry.issueKey ?? (entry.ticketNumber ? `ticket #${entry.ticketNumber}` : entry.operation);
  return (
    <Button
      spacing="compact"
      onClick={() => void retry()}
      isLoading={busy}
      aria-label={`Retry ${entry.operation} for ${subject}`}
    >
      Retry
    </Button>
  );
}
