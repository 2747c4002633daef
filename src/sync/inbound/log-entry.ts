// Sync-log entries of the inbound flow (ticket → Jira), each about one ticket of one instance and its issue once it is
// linked (sync/log-entry.ts), so every skip or failure of a pull shows on the admin page and the issue panel.
import { linkEntry, type EntryPlace, type EntryWords } from '../log-entry';
import type { InboundDeps, InstanceContext } from './deps';

export async function logTicket(
  deps: InboundDeps,
  context: InstanceContext,
  entry: EntryWords & Omit<EntryPlace, 'instanceId'>,
): Promise<void> {
  await deps.log.append(linkEntry({ instanceId: context.instance.id, ...entry }, entry));
}
