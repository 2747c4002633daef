// Sync-log entries of the outbound flow (Jira → ticket), one per link (sync/log-entry.ts), so every skip or failure
// shows on the admin page and the issue panel.
import { linkEntry } from '../log-entry';
import type { PreparedWrite } from '../records/prepared-write';
import type { SyncLevel } from '../records/sync-event';
import type { OutboundDeps, OutboundTarget } from './deps';

/** A sync-log entry about one link. */
export async function logForTarget(
  deps: OutboundDeps,
  target: OutboundTarget,
  operation: string,
  level: SyncLevel,
  message: string,
): Promise<void> {
  await deps.log.append(linkEntry(target.link, { level, operation, message }));
}

/**
 * What a successful copy to one link leaves behind, as writes stored with the copy's ledger completion (one storage
 * request): the link's last sync and its sync-log entry.
 */
export function copiedToTarget(
  deps: OutboundDeps,
  target: OutboundTarget,
  operation: string,
  message: string,
): PreparedWrite[] {
  const entry = deps.log.prepare(linkEntry(target.link, { level: 'info', operation, message }));
  return [deps.links.prepareSync(target.link, { at: new Date() }), ...(entry ? [entry] : [])];
}
