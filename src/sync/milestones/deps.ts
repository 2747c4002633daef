// What the milestone use cases need from the outside world, all behind ports: the outbound flow's for the ticket side,
// the Brevo flow's for contacts and events, plus the time left and a way to continue on the queue.
import type { Budget } from '../../lib/budget';
import type { BrevoDeps } from '../brevo/deps';
import type { OutboundDeps } from '../outbound/deps';
import type { ConfigRepository, MilestoneContactStore } from '../ports';
import type { MilestoneJob } from './jobs';

/** Puts a milestone job (a continuation) on the outbound queue, under its concurrency key (milestoneConcurrencyKey). */
export interface MilestoneQueue {
  push(job: MilestoneJob): Promise<void>;
}

export interface ReleaseDeps extends OutboundDeps {
  budget: Budget;
  queue: MilestoneQueue;
  /** issues per search page (one page per invocation) */
  pageSize: number;
  /** the time an issue's work may take; less left than this, and the page is handed over */
  handoverMarginMs: number;
}

export interface MilestoneBrevoDeps extends BrevoDeps {
  budget: Budget;
  queue: MilestoneQueue;
  /** the `config` document: the milestone switches are read from the stored account itself */
  config: Pick<ConfigRepository, 'read'>;
  contacts: MilestoneContactStore;
  pageSize: number;
  handoverMarginMs: number;
}

export type MilestoneResult =
  | { status: 'done' }
  /** the queue brings the job back; `retryAfterMs` when the sink said how long to wait */
  | { status: 'retry'; reason: string; retryAfterMs?: number };
