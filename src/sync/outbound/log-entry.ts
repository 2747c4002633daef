// Sync-log entries of the outbound flow (Jira → ticket), one per link, so every skip or failure shows on the admin
// page.
import type { NewSyncEvent, PreparedWrite, SyncLevel } from '../ports';
import type { OutboundDeps, OutboundTarget } from './deps';

function entryFor(
  target: OutboundTarget,
  operation: string,
  level: SyncLevel,
  message: string,
): NewSyncEvent {
  return {
    level,
    instanceId: target.instance.id,
    issueId: target.link.issueId,
    issueKey: target.link.issueKey,
    ticketId: target.link.ticketId,
    ticketNumber: target.link.ticketNumber,
    operation,
    message,
  };
}

/** A sync-log entry about one link. */
export async function logForTarget(
  deps: OutboundDeps,
  target: OutboundTarget,
  operation: string,
  level: SyncLevel,
  message: string,
): Promise<void> {
  await deps.log.append(entryFor(target, operation, level, message));
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
  const entry = deps.log.prepare(entryFor(target, operation, 'info', message));
  return [deps.links.prepareSync(target.link, { at: new Date() }), ...(entry ? [entry] : [])];
}
