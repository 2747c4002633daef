// Product-event trigger for milestones (manifest.yml, `milestone-events`): a released version or a closed sprint
// becomes queue jobs, and nothing more happens here (a trigger gets 25 s and few retries, docs/forge-platform.md §1.5).
// A release queues one job for the linked tickets (its pages follow one another, one at a time per version) when an
// instance announces releases; every active Brevo account whose switch is on gets a job of its own, one at a time
// per account (entry/job-queues.ts). A version unreleased needs no subscription: exactly-once is keyed by the version id, so releasing it
// again writes nothing new.
import { InvocationError, InvocationErrorCode } from '@forge/events';
import type { ConfigDocument } from '../domain/config';
import { logger } from '../lib/logger';
import type { MilestoneJob } from '../sync/jobs/milestone';
import { platform } from './compose';
import { milestoneEventSchema, milestoneOf, milestoneTime } from './milestone-events';

/** The jobs of one milestone event under the current configuration. */
export function milestoneJobsFor(
  milestone: ReturnType<typeof milestoneOf>,
  document: Pick<ConfigDocument, 'instances' | 'brevoAccounts'>,
  now: Date,
): MilestoneJob[] {
  const eventDate = milestoneTime(milestone, now);
  const tickets: MilestoneJob[] =
    milestone.type === 'version' &&
    document.instances.some((instance) => instance.active && instance.announceReleases)
      ? [{ kind: 'release-tickets', version: milestone, releasedAt: now.toISOString(), page: 0, skip: 0 }]
      : [];
  const brevo: MilestoneJob[] = document.brevoAccounts
    .filter(
      (account) =>
        account.active &&
        (milestone.type === 'version' ? account.events.versionReleased : account.events.sprintClosed),
    )
    .map((account) => ({
      kind: 'milestone-brevo',
      accountId: account.id,
      milestone,
      eventDate,
      step: { phase: 'collect', page: 0 },
    }));
  return [...tickets, ...brevo];
}

export async function onMilestoneEvent(rawEvent: unknown): Promise<InvocationError | undefined> {
  const parsed = milestoneEventSchema.safeParse(rawEvent);
  if (!parsed.success) {
    // Retrying cannot fix a payload we do not understand; record it and move on.
    logger.warn('Ignored a milestone event the app cannot read', { issues: parsed.error.issues.slice(0, 3) });
    return undefined;
  }
  const milestone = milestoneOf(parsed.data);
  try {
    const p = platform();
    const config = await p.store.config.read();
    if (!config.ok) throw new Error(`the configuration cannot be read: ${config.error.message}`);
    await p.queues.pushMilestoneJobs(...milestoneJobsFor(milestone, config.document, new Date()));
    return undefined;
  } catch (error) {
    logger.warn('Could not queue the jobs of a milestone event; asking the platform to retry the event', {
      milestone: `${milestone.type}-${milestone.id}`,
      error: error instanceof Error ? error.message : 'unknown',
    });
    // At most four retries a minute apart (docs/forge-platform.md §1.5): they outlast a burst that filled the queue.
    return new InvocationError({ retryAfter: 60, retryReason: InvocationErrorCode.FUNCTION_RETRY_REQUEST });
  }
}
