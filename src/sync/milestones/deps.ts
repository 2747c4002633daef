// What the milestone use cases need from the outside world, all behind ports: the outbound flow's for the ticket side,
// the Brevo flow's for contacts and events, plus the time left and a way to continue on the queue.
import type { Budget } from '../../lib/budget';
import type { BrevoDeps } from '../brevo/deps';
import type { OutboundDeps } from '../outbound/deps';
import type { ConfigRepository } from '../ports/config-repository';
import type { JobQueues } from '../ports/job-queues';
import type { MilestoneContactStore } from '../ports/milestone-contact-store';

export interface ReleaseDeps extends OutboundDeps {
  budget: Budget;
  /** where the next page goes (sync/milestones/continue-once.ts) */
  queues: Pick<JobQueues, 'pushMilestoneJobs'>;
  /** issues per search page (one page per invocation) */
  pageSize: number;
  /** the time an issue's work may take; less left than this, and the page is handed over */
  handoverMarginMs: number;
}

export interface MilestoneBrevoDeps extends BrevoDeps {
  budget: Budget;
  queues: Pick<JobQueues, 'pushMilestoneJobs'>;
  /** the `config` document: the milestone switches are read from the stored account itself */
  config: Pick<ConfigRepository, 'read'>;
  contacts: MilestoneContactStore;
  pageSize: number;
  handoverMarginMs: number;
}
