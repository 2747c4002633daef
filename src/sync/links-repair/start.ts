// Starts a run of the links-property repair (step.ts): the run's record first, then its first job. A newer run of the
// same walk replaces an older one, whose remaining jobs then find a different run id and stop.
import type { LinksRepairJob } from '../jobs/links-repair';
import { newRepair, walkOf, type RepairRunStore, type RepairScope } from './run';

export interface RepairStarter {
  runs: Pick<RepairRunStore, 'save'>;
  /** puts the run's first job on the queue (JobQueues.pushRepairJob) */
  queue(job: LinksRepairJob): Promise<void>;
  newRunId(): string;
  now(): Date;
}

export async function startRepair(deps: RepairStarter, scope: RepairScope): Promise<LinksRepairJob> {
  const walk = walkOf(scope);
  const job: LinksRepairJob = { kind: 'links-property-repair', walk, runId: deps.newRunId() };
  await deps.runs.save(walk, newRepair(job.runId, scope, deps.now()));
  await deps.queue(job);
  return job;
}
