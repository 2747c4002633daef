// A milestone's Brevo events for one account (docs/product.md, "Releases and sprints"): checks that the account still
// wants them, then runs the job's step (collect a page of issues, or send to collected contacts) and turns every
// failure into a retry or, on the last attempt, a sync-log entry (invariant 4, docs/architecture.md).
import type { StoredBrevoAccount } from '../../domain/config';
import { milestoneRef } from '../../domain/milestone';
import { describeError } from '../../lib/errors';
import { withSink } from '../brevo/with-sink';
import { collectMilestonePage } from './brevo-collect';
import { logForAccount } from './brevo-log';
import { sendMilestoneEvents } from './brevo-send';
import type { JobResult } from '../job-result';
import type { MilestoneBrevoDeps } from './deps';
import type { MilestoneBrevoJob } from '../jobs/milestone';

function wants(account: StoredBrevoAccount, job: MilestoneBrevoJob): boolean {
  return job.milestone.type === 'version' ? account.events.versionReleased : account.events.sprintClosed;
}

function milestoneName(job: MilestoneBrevoJob): string {
  return job.milestone.type === 'version' ? `release ${job.milestone.name}` : `sprint ${job.milestone.name}`;
}

export async function runMilestoneBrevo(
  deps: MilestoneBrevoDeps,
  job: MilestoneBrevoJob,
  options: { finalAttempt: boolean },
): Promise<JobResult> {
  const config = await deps.config.read();
  if (!config.ok)
    return { status: 'retry', reason: `the configuration cannot be read: ${config.error.message}` };
  const account = config.document.brevoAccounts.find((candidate) => candidate.id === job.accountId);
  // A removed or paused account, or one whose switch was turned off since, sends nothing: the admin turned it off.
  if (!account?.active || !wants(account, job)) return { status: 'done' };
  return withSink(deps, account, options.finalAttempt, {
    work: async (sink) => {
      if (await deps.contacts.isDone(account.id, milestoneRef(job.milestone)))
        return { status: 'done' as const };
      if (job.step.phase === 'collect') await collectMilestonePage(deps, account, job, job.step);
      else await sendMilestoneEvents(deps, account, sink, job, job.step);
      return { status: 'done' as const };
    },
    noKey: () =>
      logForAccount(
        deps,
        account,
        'error',
        `The events of ${milestoneName(job)} were not sent: Brevo account "${account.name}" has no API key. ` +
          "Enter it on the app's settings page.",
        { outcome: 'failed' },
      ),
    // The mark is not set, so the milestone can be sent again: what went out already is not sent twice.
    failed: (error, gaveUp) =>
      logForAccount(
        deps,
        account,
        'error',
        `The events of ${milestoneName(job)} stopped${gaveUp ? ' after repeated failures' : ''}: ` +
          `${describeError(error)} Contacts reached so far keep their event; to reach the others, ` +
          (job.milestone.type === 'version'
            ? 'unrelease the version in Jira and release it again.'
            : 'reopen the sprint in Jira and close it again.'),
        { outcome: 'failed' },
      ),
  });
}
