// The JobQueues port: the Forge queues the consumers read, with a method per family of jobs (adapter:
// entry/job-queues.ts, the one module that pushes, and the one that decides each job's queue and which jobs it waits
// for).
import type { BrevoAccountJob } from '../jobs/brevo-account';
import type { InboundJob } from '../jobs/inbound';
import type { OutboundJob } from '../jobs/outbound';
import type { RetryJob } from '../jobs/queue';
import type { LinksRepairJob } from '../jobs/links-repair';
import type { MilestoneJob } from '../jobs/milestone';

export interface JobQueues {
  /** the jobs of one Jira event (its linked tickets', each Brevo account's), in one push; none pushes nothing */
  pushOutbound(...jobs: OutboundJob[]): Promise<void>;
  /** work for a whole Brevo account: a day's team capacity, a backfill's next page */
  pushAccountJob(job: BrevoAccountJob): Promise<void>;
  /** a milestone's pages: for the linked tickets of a release, for each Brevo account */
  pushMilestoneJobs(...jobs: MilestoneJob[]): Promise<void>;
  /** the links-property repair's next page */
  pushRepairJob(job: LinksRepairJob): Promise<void>;
  /** `delaySeconds` (0–900) holds the job back, e.g. the first retry of a ticket set aside by a pull */
  pushInbound(job: InboundJob, options?: { delaySeconds?: number }): Promise<void>;
  /** hands the rest of an instance's pull to the inbound queue, from its cursor */
  continuePull(instanceId: string): Promise<void>;
  /** a failed item's job back on the queue its sync-log entry names: the admin's or the issue panel's "Retry" */
  pushRetry(retry: RetryJob): Promise<void>;
}
