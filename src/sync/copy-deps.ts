// The ports every flow that writes across the two sides works with — the outbound and inbound flows and the issue
// panel: Jira as the app, the configuration, the links, the mirror ledger that keeps each copy to once, the sync log,
// and a ticket-system client per instance. Each flow's own deps add what only it needs (entry/compose.ts builds them).
import type { StoredInstance } from '../domain/config';
import type { CopyOnceOptions } from './copy-once';
import type { ConfigRepository } from './ports/config-repository';
import type { JiraPort } from './ports/jira';
import type { LinkRepository } from './ports/link-repository';
import type { MirrorLedger } from './ports/mirror-ledger';
import type { SyncLog } from './ports/sync-log';
import type { TicketSystem } from './ports/ticket-system';

export interface CopyDeps {
  jira: JiraPort;
  config: ConfigRepository;
  links: LinkRepository;
  ledger: MirrorLedger;
  log: SyncLog;
  /** how the copy-once step holds claims (sync/copy-once) */
  copy: CopyOnceOptions;
  /** undefined when the instance has no API token */
  openTicketSystem(instance: StoredInstance): Promise<TicketSystem | undefined>;
}
