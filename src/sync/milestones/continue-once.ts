// Queues the next part of a milestone's walk once per part. A page job may be delivered again (the queue is at least
// once): it repeats its own page harmlessly (every write goes through copy-once), but if it also queued its successor
// again, every redelivered page would start a second walk of the rest, and a burst of redeliveries would multiply the
// work. So the continuation itself goes through the copy-once step, keyed by the walk and the part it leads to. What
// cannot be looked for (a queued job) is queued again only when an earlier attempt stopped without knowing: at worst a
// part runs twice, never a part lost.
import { copyOnce, type CopyOnceOptions } from '../copy-once';
import type { JobQueues } from '../ports/job-queues';
import type { MirrorLedger } from '../ports/mirror-ledger';
import type { MilestoneJob } from '../jobs/milestone';

/** The ledger's "instance" for continuations: not an instance id (those never hold this name's form). */
const CONTINUATIONS = 'milestone-walks';

/** The key of a part: the walk (what started it, and when) and where the part begins. */
export function continuationKey(job: MilestoneJob): string {
  if (job.kind === 'release-tickets') {
    return `release:${job.version.id}:${job.releasedAt}:${String(job.page)}:${String(job.skip)}`;
  }
  const { milestone, step } = job;
  const part =
    step.phase === 'collect'
      ? `collect:${String(step.page)}`
      : `send:${String(step.page)}:${String(step.index)}`;
  return `brevo:${job.accountId}:${milestone.type}-${milestone.id}:${job.eventDate}:${part}`;
}

export async function continueOnce(
  deps: { ledger: MirrorLedger; copy: CopyOnceOptions; queues: Pick<JobQueues, 'pushMilestoneJobs'> },
  next: MilestoneJob,
): Promise<void> {
  await copyOnce(
    deps.ledger,
    {
      item: { kind: 'event', instanceId: CONTINUATIONS, eventId: continuationKey(next) },
      context: {},
      describe: 'the next part of a release or sprint',
      find: () => Promise.resolve(undefined),
      write: async () => {
        await deps.queues.pushMilestoneJobs(next);
        return 'queued';
      },
    },
    deps.copy,
  );
  // 'busy': another delivery of this job is queueing the same part right now.
}
