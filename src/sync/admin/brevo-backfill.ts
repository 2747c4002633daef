// startBrevoBackfill, resumeBrevoBackfill and getBrevoBackfill: "Send the last N days" for a Brevo account on the admin
// page (docs/resolver-contract.md, "BackfillRun"). Starting records the run and queues its first page; the queue does
// the rest one page at a time (sync/brevo/backfill.ts), and the page reads the run's progress back while it runs.
import { z } from 'zod';
import { InstanceIdParamSchema } from '../../domain/ids';
import { fail, ok, type Envelope } from '../../lib/envelope';
import { describeError } from '../../lib/errors';
import { redactText } from '../../lib/logger';
import {
  BACKFILL_MAX_DAYS,
  BACKFILL_MIN_DAYS,
  mayResume,
  mayStart,
  newRun,
  runView,
  type BackfillProgress,
  type BackfillRun,
  type BackfillStore,
} from '../brevo/backfill-run';
import { asAdmin } from './access';
import type { AdminCall, AdminDeps } from './deps';
import { findBrevoAccount, instanceIdPayload } from './instances';

export interface BackfillAdminDeps extends AdminDeps {
  backfills: BackfillStore;
  newRunId(): string;
}

const DAYS_RANGE = `a whole number of days from ${BACKFILL_MIN_DAYS} to ${BACKFILL_MAX_DAYS}`;

export const startBackfillPayload = z.object({
  id: InstanceIdParamSchema,
  days: z
    .number({ error: `Enter ${DAYS_RANGE}.` })
    .int(`Enter ${DAYS_RANGE}.`)
    .min(BACKFILL_MIN_DAYS, `Enter ${DAYS_RANGE}.`)
    .max(
      BACKFILL_MAX_DAYS,
      `A backfill reaches back ${BACKFILL_MAX_DAYS} days at most: enter ${DAYS_RANGE}.`,
    ),
});

function runningMessage(run: BackfillRun): string {
  return (
    `A backfill of the last ${run.days} days is running (${run.processedIssues} issues done, ${run.sentEvents} ` +
    'events sent): wait for it to finish.'
  );
}

/** Saves the run and queues its next page; a run whose page could not be queued is saved as failed, to be resumed. */
async function launch(
  deps: BackfillAdminDeps,
  accountId: string,
  run: BackfillProgress,
): Promise<Envelope<{ run: BackfillRun }>> {
  await deps.backfills.save(accountId, run);
  try {
    await deps.queues.pushAccountJob({ kind: 'brevo-backfill', accountId, runId: run.runId });
  } catch (error) {
    const message = `The backfill could not be queued: ${redactText(describeError(error))}`;
    await deps.backfills.save(accountId, { ...run, state: 'failed', lastError: message });
    return fail('UPSTREAM_ERROR', `${message} Try again in a moment.`, { retryable: true });
  }
  return ok({ run: runView(run) });
}

export function startBrevoBackfill(
  deps: BackfillAdminDeps,
  call: AdminCall,
): Promise<Envelope<{ run: BackfillRun }>> {
  return asAdmin(deps, call, startBackfillPayload, async ({ id, days }) => {
    const found = await findBrevoAccount(deps.config, id);
    if (!found.ok) return found;
    const { account } = found;
    if (!account.active) {
      return fail(
        'INSTANCE_INACTIVE',
        `${account.name} is paused: turn "Synchronization active" on and save before sending past events.`,
      );
    }
    if (!(await deps.openEventSink(account))) {
      return fail('NO_CREDENTIALS', `${account.name} has no API key yet: enter one, save, and try again.`);
    }
    const now = deps.now();
    const current = await deps.backfills.load(id);
    if (current && !mayStart(current, now)) {
      return fail('ALREADY_RUNNING', runningMessage(current), { run: runView(current) });
    }
    const run = newRun(deps.newRunId(), days, now);
    const started = await launch(deps, id, run);
    if (started.ok) {
      deps.logger.info('An admin started a Brevo backfill', {
        instanceId: id,
        accountId: call.accountId,
        days,
      });
    }
    return started;
  });
}

export function resumeBrevoBackfill(
  deps: BackfillAdminDeps,
  call: AdminCall,
): Promise<Envelope<{ run: BackfillRun }>> {
  return asAdmin(deps, call, instanceIdPayload, async ({ id }) => {
    const found = await findBrevoAccount(deps.config, id);
    if (!found.ok) return found;
    const now = deps.now();
    const current = await deps.backfills.load(id);
    if (!current) return fail('NOT_FOUND', `No backfill has run for ${found.account.name} yet: start one.`);
    if (current.state === 'done') {
      return fail('NOT_RETRYABLE', 'The last backfill finished: start a new one to send more days.', {
        run: runView(current),
      });
    }
    if (!mayResume(current, now)) {
      return fail('ALREADY_RUNNING', runningMessage(current), { run: runView(current) });
    }
    // The run goes on from the last issue done, with the window it started with.
    const resumed = await launch(deps, id, { ...current, state: 'running', updatedAt: now.toISOString() });
    if (resumed.ok) {
      deps.logger.info('An admin resumed a Brevo backfill', { instanceId: id, accountId: call.accountId });
    }
    return resumed;
  });
}

export function getBrevoBackfill(
  deps: BackfillAdminDeps,
  call: AdminCall,
): Promise<Envelope<{ run: BackfillRun | null }>> {
  return asAdmin(deps, call, instanceIdPayload, async ({ id }) => {
    const found = await findBrevoAccount(deps.config, id);
    if (!found.ok) return found;
    const current = await deps.backfills.load(id);
    return ok({ run: current ? runView(current) : null });
  });
}
