// What the issue panel's use cases need from the outside world, all behind ports, and who is calling.
import type { StoredInstance } from '../../domain/config';
import type { Logger } from '../../lib/logger';
import type {
  ConfigRepository,
  JiraPort,
  JiraUserPort,
  LinkRepository,
  MirrorLedger,
  ShortCache,
  SyncLog,
  TicketSystem,
} from '../ports';
import type { CopyOnceOptions } from '../copy-once';

export interface PanelDeps {
  /** as the app: remote links, whose events must not echo back */
  jira: JiraPort;
  /** as the caller: what they may see and do */
  caller: JiraUserPort;
  config: ConfigRepository;
  links: LinkRepository;
  ledger: MirrorLedger;
  /** how the copy-once step holds claims (sync/copy-once) */
  copy: CopyOnceOptions;
  log: SyncLog;
  cache: ShortCache;
  /** undefined when the instance has no API token */
  openTicketSystem(instance: StoredInstance): Promise<TicketSystem | undefined>;
  now(): Date;
  logger: Logger;
}

/** The issue the panel is open on, as the platform reports it (`context.extension.issue`), never from the payload. */
export interface PanelIssue {
  /** immutable: links are keyed on it */
  id: string;
  /** for display and notes only (keys change when an issue moves) */
  key: string;
}

/** One resolver call from the panel: the caller and the issue come from the platform, the payload from the UI. */
export interface PanelCall {
  accountId: string;
  issue: PanelIssue;
  /** the Jira site, when the platform says (used for the link back to the issue in ticket notes) */
  siteUrl?: string | undefined;
  payload: unknown;
}
