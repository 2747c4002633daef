// What the inbound use cases need, all behind ports.
import type { StoredInstance } from '../../domain/config';
import type { Budget } from '../../lib/budget';
import type {
  ConfigRepository,
  CursorStore,
  JobQueues,
  JiraPort,
  LinkRepository,
  MirrorLedger,
  SyncLog,
  TicketSystem,
  UsageMeter,
} from '../ports';
import type { CopyOnceOptions } from '../copy-once';
import type { Pacer } from '../../lib/pacer';

export interface InboundDeps {
  jira: JiraPort;
  config: ConfigRepository;
  links: LinkRepository;
  ledger: MirrorLedger;
  log: SyncLog;
  cursors: CursorStore;
  /** where a ticket set aside by a pull is queued for its own retry, and a long pull continues */
  queues: Pick<JobQueues, 'pushInbound' | 'continuePull'>;
  openTicketSystem(instance: StoredInstance): Promise<TicketSystem | undefined>;
  /** each instance's TeamSupport requests of the last day: the scheduled pull slows down near the daily limit */
  usage: UsageMeter;
  budget: Budget;
  now(): Date;
  /** how the copy-once step holds claims (sync/copy-once) */
  copy: CopyOnceOptions;
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
  /** paces the copies into Jira (sync/inbound/copy-action) */
  pacer: Pacer;
}

export type ItemOutcome = 'ok' | 'transient';
