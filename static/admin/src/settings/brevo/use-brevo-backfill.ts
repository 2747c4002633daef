// A Brevo account's backfill run on the admin page: read when the panel opens, read again every few seconds while it
// is `running` (the queue works through the issues meanwhile), started with a number of days, resumed after a
// failure. A start refused because a run is going already (ALREADY_RUNNING) shows that run instead of an error.
import { useEffect, useRef, useState } from 'react';
import type { ResolverError } from '../../../../shared/envelope';
import { getBrevoBackfill, resumeBrevoBackfill, startBrevoBackfill } from '../../brevo-api';
import { BackfillRunSchema, type BackfillRun } from '../../brevo-view';

/** How often a running run is read again: often enough to see it move, rare enough to cost little. */
export const BACKFILL_POLL_MS = 3_000;

export interface BrevoBackfill {
  /** undefined while the first read is on its way; null when the account has never run one */
  run: BackfillRun | null | undefined;
  /** the last call's failure (reading, starting or resuming) */
  failure: ResolverError | undefined;
  busy: boolean;
  start(days: number): Promise<void>;
  resume(): Promise<void>;
  /** after a run finishes, so the status beside it can be read again */
  finishedRuns: number;
}

function runOfAlreadyRunning(error: ResolverError): BackfillRun | undefined {
  if (error.code !== 'ALREADY_RUNNING') return undefined;
  const details = BackfillRunSchema.safeParse(
    typeof error.details === 'object' && error.details !== null && 'run' in error.details
      ? error.details.run
      : undefined,
  );
  return details.success ? details.data : undefined;
}

export function useBrevoBackfill(accountId: string): BrevoBackfill {
  const [run, setRun] = useState<BackfillRun | null | undefined>();
  const [failure, setFailure] = useState<ResolverError | undefined>();
  const [busy, setBusy] = useState(false);
  const [finishedRuns, setFinishedRuns] = useState(0);
  const previousState = useRef<BackfillRun['state'] | undefined>(undefined);

  useEffect(() => {
    let current = true;
    void getBrevoBackfill(accountId).then((answer) => {
      if (!current) return;
      if (answer.ok) setRun(answer.data.run);
      else setFailure(answer.error);
    });
    return () => {
      current = false;
    };
  }, [accountId]);

  const state = run?.state;
  useEffect(() => {
    if (previousState.current === 'running' && state !== undefined && state !== 'running') {
      setFinishedRuns((count) => count + 1);
    }
    previousState.current = state;
  }, [state]);

  const running = state === 'running';
  useEffect(() => {
    if (!running) return undefined;
    let current = true;
    const timer = window.setInterval(() => {
      void getBrevoBackfill(accountId).then((answer) => {
        if (!current) return;
        // A failed read while polling keeps the last progress on screen and says why it stands still.
        if (answer.ok) {
          setRun(answer.data.run);
          setFailure(undefined);
        } else setFailure(answer.error);
      });
    }, BACKFILL_POLL_MS);
    return () => {
      current = false;
      window.clearInterval(timer);
    };
  }, [accountId, running]);

  async function act(call: () => ReturnType<typeof startBrevoBackfill>) {
    setBusy(true);
    setFailure(undefined);
    const answer = await call();
    setBusy(false);
    if (answer.ok) {
      setRun(answer.data.run);
      return;
    }
    const going = runOfAlreadyRunning(answer.error);
    if (going) setRun(going);
    else setFailure(answer.error);
  }

  return {
    run,
    failure,
    busy,
    finishedRuns,
    start: (days) => act(() => startBrevoBackfill(accountId, days)),
    resume: () => act(() => resumeBrevoBackfill(accountId)),
  };
}
