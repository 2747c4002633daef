// A TeamSupport instance's push hints on the admin page: the web trigger's URL and whether a secret is set (read when
// the section opens), and "Create secret" / "Rotate secret". The new secret lives only in this hook's state: it is
// shown until the admin hides it or leaves the editor, and no call can read it again (src/sync/admin/push-hints.ts).
import { useEffect, useState } from 'react';
import type { ResolverError } from '../../../../shared/envelope';
import {
  getPushHints,
  rotatePushHintSecret,
  type NewPushHintSecret,
  type PushHintState,
} from '../../push-hint-api';

export interface PushHints {
  /** undefined while the first read is on its way (or after it failed) */
  state: PushHintState | undefined;
  /** the last call's failure (reading or rotating) */
  failure: ResolverError | undefined;
  /** the secret just created, until hidden */
  created: NewPushHintSecret | undefined;
  busy: boolean;
  rotate: () => Promise<void>;
  hideSecret: () => void;
  reload: () => void;
}

export function usePushHints(instanceId: string): PushHints {
  const [state, setState] = useState<PushHintState | undefined>();
  const [failure, setFailure] = useState<ResolverError | undefined>();
  const [created, setCreated] = useState<NewPushHintSecret | undefined>();
  const [busy, setBusy] = useState(false);
  const [reloads, setReloads] = useState(0);

  useEffect(() => {
    let current = true;
    setFailure(undefined);
    void getPushHints(instanceId).then((answer) => {
      if (!current) return;
      if (answer.ok) setState(answer.data);
      else setFailure(answer.error);
    });
    return () => {
      current = false;
    };
  }, [instanceId, reloads]);

  // Another instance's editor never shows this one's secret.
  useEffect(() => setCreated(undefined), [instanceId]);

  async function rotate(): Promise<void> {
    setBusy(true);
    setFailure(undefined);
    const answer = await rotatePushHintSecret(instanceId);
    setBusy(false);
    if (!answer.ok) {
      setFailure(answer.error);
      return;
    }
    const { secret: _secret, ...shown } = answer.data;
    setState(shown);
    setCreated(answer.data);
  }

  return {
    state,
    failure,
    created,
    busy,
    rotate,
    hideSecret: () => setCreated(undefined),
    reload: () => setReloads((count) => count + 1),
  };
}
