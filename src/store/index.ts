// The store port over @forge/kvs (the only layer that imports it). Entry points build one Store per invocation and
// hand its parts to the use cases as the ports declared in sync/ports/.
import { logger as appLogger, registerSecret, type Logger, type SecretRegistry } from '../lib/logger';
import type { BackfillStore } from '../sync/brevo/backfill-run';
import type { BrevoStatsStore } from '../sync/ports/brevo-stats-store';
import type { ConfigRepository } from '../sync/ports/config-repository';
import type { CredentialStore } from '../sync/ports/credential-store';
import type { CursorStore } from '../sync/ports/cursor-store';
import type { LinkRepository } from '../sync/ports/link-repository';
import type { MilestoneContactStore } from '../sync/ports/milestone-contact-store';
import type { MirrorLedger } from '../sync/ports/mirror-ledger';
import type { RequestUsageStore } from '../sync/ports/request-usage-store';
import type { ShortCache } from '../sync/ports/short-cache';
import type { SyncLog } from '../sync/ports/sync-log';
import { KvsBackfillStore } from './brevo-backfill';
import { KvsBrevoStatsStore } from './brevo-stats';
import { ConfigDocumentStore } from './config-document-store';
import { KvsConfigRepository } from './config-repository';
import { KvsCredentialStore } from './credential-store';
import { KvsCursorStore } from './cursor-store';
import { KvsLinkRepository } from './link-store';
import { KvsMilestoneContactStore } from './milestone-contacts';
import { KvsMirrorLedger } from './mirror-ledger';
import { KvsShortCache } from './short-cache';
import { KvsSyncLog } from './sync-log';
import { KvsRequestUsageStore } from './teamsupport-usage';
import { systemClock, type Clock } from './time';

export {
  actionMirrorKey,
  commentMirrorKey,
  cacheKey,
  cursorKey,
  linkKey,
  mirrorKey,
  noteMirrorKey,
  secretKey,
  CONFIG_KEY,
} from './keys';
export { DEFAULT_KEEP_PER_INSTANCE, RETENTION_DAYS } from './sync-log';
export { MAX_MESSAGE_LENGTH, MAX_RETRY_PAYLOAD_BYTES } from './sync-event-record';
export { STORAGE_SYSTEM } from './storage-errors';
export type { Clock } from './time';

export interface Store {
  config: ConfigRepository;
  credentials: CredentialStore;
  links: LinkRepository;
  ledger: MirrorLedger;
  cursors: CursorStore;
  syncLog: SyncLog;
  cache: ShortCache;
  milestoneContacts: MilestoneContactStore;
  brevoStats: BrevoStatsStore;
  /** each Brevo account's latest backfill run */
  backfills: BackfillStore;
  /** each TeamSupport instance's metered requests of the last day */
  teamSupportUsage: RequestUsageStore;
}

export interface StoreOptions {
  logger?: Logger;
  clock?: Clock;
  /** where tokens are registered for masking; defaults to the process-wide registry of the app's logger */
  secrets?: Pick<SecretRegistry, 'register'>;
  /** ids of new instances (tests) */
  newInstanceId?: () => string;
}

export function createStore(options: StoreOptions = {}): Store {
  const logger = options.logger ?? appLogger;
  const clock = options.clock ?? systemClock;
  const credentials = new KvsCredentialStore(logger, options.secrets ?? { register: registerSecret });
  const links = new KvsLinkRepository(logger, clock);
  const cursors = new KvsCursorStore(logger, clock);
  const config = new KvsConfigRepository({
    documents: new ConfigDocumentStore(logger),
    credentials,
    links,
    cursors,
    logger,
    clock,
    ...(options.newInstanceId === undefined ? {} : { newId: options.newInstanceId }),
  });
  return {
    config,
    credentials,
    links,
    ledger: new KvsMirrorLedger(logger, clock),
    cursors,
    syncLog: new KvsSyncLog(logger, clock),
    cache: new KvsShortCache(logger, clock),
    milestoneContacts: new KvsMilestoneContactStore(logger),
    brevoStats: new KvsBrevoStatsStore(logger, clock),
    backfills: new KvsBackfillStore(logger),
    teamSupportUsage: new KvsRequestUsageStore(logger, clock),
  };
}
