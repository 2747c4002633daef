// Sync-log entries of the inbound flow (ticket → Jira), each about one ticket of one instance, so every skip or
// failure of a pull shows on the admin page.
import type { SyncLevel, SyncRetry } from '../ports';
import type { InboundDeps, InstanceContext } from './deps';

export async function logTicket(
  deps: InboundDeps,
  context: InstanceContext,
  entry: {
    level: SyncLevel;
    operation: string;
    message: string;
    ticketId: string;
    ticketNumber?: string;
    issueId?: string;
    issueKey?: string;
    retry?: SyncRetry;
  },
): Promise<void> {
  await deps.log.append({ instanceId: context.instance.id, ...entry });
}
