// Sync-log entries of a milestone's Brevo events, under the account's id as the issue events' are
// (sync/brevo/send-events), with the outcome the admin's Brevo status counts.
import type { LoggedStatus } from '../../domain/item-outcome';
import type { SyncLevel } from '../records/sync-event';
import type { BrevoAccountSettings } from '../brevo/deps';
import type { MilestoneBrevoDeps } from './deps';

export const MILESTONE_BREVO_OPERATION = 'milestone-to-brevo';

export async function logForAccount(
  deps: Pick<MilestoneBrevoDeps, 'log'>,
  account: Pick<BrevoAccountSettings, 'id'>,
  level: SyncLevel,
  message: string,
  details: { outcome?: LoggedStatus; issue?: { id: string; key: string } } = {},
): Promise<void> {
  await deps.log.append({
    level,
    instanceId: account.id,
    operation: MILESTONE_BREVO_OPERATION,
    message,
    ...(details.issue === undefined ? {} : { issueId: details.issue.id, issueKey: details.issue.key }),
    ...(details.outcome === undefined ? {} : { outcome: details.outcome }),
  });
}
