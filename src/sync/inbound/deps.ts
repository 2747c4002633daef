// What the inbound use cases need from the outside world, all behind ports: the shared ones (sync/copy-deps.ts), the
// pull's cursors and pacing, and the queues a set-aside ticket and a long pull go on.
import type { StoredInstance } from '../../domain/config';
import type { Budget } from '../../lib/budget';
import { Pacer } from '../../lib/pacer';
import type { CopyDeps } from '../copy-deps';
import type { CursorStore } from '../ports/cursor-store';
import type { JobQueues } from '../ports/job-queues';
import type { TicketSystem } from '../ports/ticket-system';
import type { UsageMeter } from '../ports/usage-meter';

export interface InboundDeps extends CopyDeps {
  cursors: CursorStore;
  /** where a ticket set aside by a pull is queued for its own retry, and a long pull continues */
  queues: Pick<JobQueues, 'pushInbound' | 'continuePull'>;
  /** each instance's TeamSupport requests of the last day: the scheduled pull slows down near the daily limit */
  usage: UsageMeter;
  budget: Budget;
  now(): Date;
  /** tickets per list page */
  pageSize: number;
  /** how many tickets of a page are processed at once */
  ticketConcurrency: number;
  /**
   * copies into Jira per minute at most: each costs two storage writes (claim, completion), so this keeps a backlog
   * under Forge storage's 4,000 writes a minute per installation (docs/forge-platform.md) with room for the rest
   */
  copiesPerMinute: number;
  /** how far each window reaches back before the watermark: minute-precision dates, clock skew, late commits */
  overlapMs: number;
  /** below this much remaining time a pull checkpoints and hands over instead of starting another page */
  handoverMarginMs: number;
}

/** An instance being pulled, with its ticket-system client (one per invocation: lookups are cached in it). */
export interface InstanceContext {
  instance: StoredInstance;
  tickets: TicketSystem;
  /** paces the copies into Jira (sync/inbound/action-to-comment) */
  pacer: Pacer;
}

/**
 * The context of an instance the invocation works on, its copies into Jira paced: every inbound path builds it here
 * (the scheduled pull, a handed-over pull or a retried item, a hot ticket's check, the panel's "Sync now").
 */
export function contextOf(
  deps: Pick<InboundDeps, 'copiesPerMinute' | 'now'>,
  instance: StoredInstance,
  tickets: TicketSystem,
): InstanceContext {
  return {
    instance,
    tickets,
    pacer: new Pacer({ perMinute: deps.copiesPerMinute, now: () => deps.now().getTime() }),
  };
}
