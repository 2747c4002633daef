// Sync-log entries of the outbound flow (Jira → ticket), one per link, so every skip or failure shows on the admin
// page.
import type { SyncLevel } from '../ports';
import type { OutboundDeps, OutboundTarget } from './deps';

/** A sync-log entry about one link. */
export async function logForTarget(
  deps: OutboundDeps,
  target: OutboundTarget,
  operation: string,
  level: SyncLevel,
  message: string,
): Promise<void> {
  await deps.log.append({
    level,
    instanceId: target.instance.id,
    issueId: target.link.issueId,
    issueKey: target.link.issueKey,
    ticketId: target.link.ticketId,
    ticketNumber: target.link.ticketNumber,
    operation,
    message,
  });
}
