// Loads a Brevo account's status (getBrevoStatus) when the panel opens and whenever `reloads` changes. The previous
// figures stay on screen while new ones load, so "Refresh" does not blank the panel.
import { useEffect, useState } from 'react';
import type { Envelope } from '../../../../shared/envelope';
import { getBrevoStatus } from '../../brevo-api';
import type { BrevoStatus } from '../../brevo-view';

export interface BrevoStatusState {
  result: Envelope<BrevoStatus> | undefined;
  loading: boolean;
}

export function useBrevoStatus(accountId: string, reloads: number): BrevoStatusState {
  const [result, setResult] = useState<Envelope<BrevoStatus> | undefined>();
  const [loading, setLoading] = useState(true);
  useEffect(() => {
    let current = true;
    setLoading(true);
    void getBrevoStatus(accountId).then((answer) => {
      if (!current) return;
      setResult(answer);
      setLoading(false);
    });
    return () => {
      current = false;
    };
  }, [accountId, reloads]);
  return { result, loading };
}
