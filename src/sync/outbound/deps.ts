// What the outbound use cases need from the outside world, all behind ports.
import type { StoredInstance } from '../../domain/config';
import type {
  ConfigRepository,
  JiraPort,
  Link,
  LinkRepository,
  MirrorLedger,
  ShortCache,
  SyncLog,
  TicketSystem,
} from '../ports';
import type { CopyOnceOptions } from '../copy-once';

export interface OutboundDeps {
  jira: JiraPort;
  config: ConfigRepository;
  links: LinkRepository;
  ledger: MirrorLedger;
  log: SyncLog;
  /** undefined when the instance has no API token */
  openTicketSystem(instance: StoredInstance): Promise<TicketSystem | undefined>;
  /** how many tickets are written at once */
  concurrency: number;
  /** how the copy-once step holds claims (sync/copy-once) */
  copy: CopyOnceOptions;
  /** the issue panel's copy of ticket details, forgotten after every write to a ticket (sync/ticket-view-cache) */
  cache: ShortCache;
}

/** One linked ticket the job must reach, with its instance and a ticket-system client for it. */
export interface OutboundTarget {
  link: Link;
  instance: StoredInstance;
  tickets: TicketSystem;
}

/** How the work for one target ended; `transient` failures make the whole job retry (the ledger keeps retries exact). */
export type TargetOutcome = 'sent' | 'skipped' | 'failed' | 'transient';
