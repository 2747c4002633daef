// What the admin page's use cases need from the outside world, all behind ports, and who is calling.
import type { StoredBrevoAccount, StoredInstance } from '../../domain/config';
import type { Budget } from '../../lib/budget';
import type { ConnectionCheck } from '../../domain/ticket';
import type { Logger } from '../../lib/logger';
import type { RepairScope } from '../links-repair/run';
import type { BrevoStatsStore } from '../ports/brevo-stats-store';
import type { ConfigRepository } from '../ports/config-repository';
import type { EventSink } from '../ports/event-sink';
import type { JiraPort } from '../ports/jira';
import type { JiraUserPort } from '../ports/jira-user';
import type { JobQueues } from '../ports/job-queues';
import type { RequestUsageStore } from '../ports/request-usage-store';
import type { SyncLog } from '../ports/sync-log';
import type { TicketSystem } from '../ports/ticket-system';

export interface AdminDeps {
  /** as the app: the lists the mapping pickers offer */
  jira: JiraPort;
  /** as the caller: whether they administer Jira */
  caller: JiraUserPort;
  config: ConfigRepository;
  log: SyncLog;
  /** the figures the Brevo flows record for each account's status */
  brevoStats: BrevoStatsStore;
  /** each TeamSupport instance's metered requests of the last day, shown beside it */
  requestUsage: Pick<RequestUsageStore, 'read'>;
  queues: JobQueues;
  /** undefined when the instance has no API token */
  openTicketSystem(instance: StoredInstance): Promise<TicketSystem | undefined>;
  /**
   * The ticket system's checklist for an address the app may not call: one failed line, the others not checked
   * (nothing is sent to such an address)
   */
  addressNotCallableChecks(): ConnectionCheck[];
  /** undefined when the Brevo account has no API key */
  openEventSink(account: StoredBrevoAccount): Promise<EventSink | undefined>;
  /** the invocation's remaining time, for work that may not finish in one call (deleting many links) */
  budget: Budget;
  /** queues a run of the links-property repair (sync/links-repair), e.g. for the issues of a deleted instance */
  repairLinks(scope: RepairScope): Promise<void>;
  now(): Date;
  logger: Logger;
}

/** One resolver call from the admin page: the caller comes from the platform, the payload from the UI. */
export interface AdminCall {
  accountId: string;
  payload: unknown;
}
