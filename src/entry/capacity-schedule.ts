// The daily team-capacity run (manifest.yml scheduledTrigger `team-capacity-daily`, docs/product.md "Team capacity"):
// one job per active Brevo account whose "Team capacity" switch is on, queued for the account's consumer, which does
// the counting. Nothing here throws: scheduled runs are not retried by the platform, and the next day's run is the
// next chance; a job that could not be queued is an error in the account's sync log.
import { capacityDay } from '../domain/capacity';
import { describeError } from '../lib/errors';
import { logger } from '../lib/logger';
import { wantsCapacity } from '../sync/brevo/capacity';
import { platform } from './compose';

export async function brevoTeamCapacity(): Promise<{ statusCode: number }> {
  const p = platform();
  const config = await p.store.config.read();
  if (!config.ok) {
    logger.error('Team capacity skipped: the configuration cannot be read', { reason: config.error.message });
    return { statusCode: 204 };
  }
  // The day is fixed here, so every part of an account's run, and any redelivery, names the same day's events.
  const day = capacityDay(new Date());
  for (const account of config.document.brevoAccounts.filter(wantsCapacity)) {
    try {
      await p.queues.pushAccountJob({
        kind: 'brevo-capacity',
        accountId: account.id,
        day,
        phase: 'projects',
        next: 0,
      });
    } catch (error) {
      await p.store.syncLog.append({
        level: 'error',
        instanceId: account.id,
        operation: 'team-capacity-to-brevo',
        message: `Team capacity for ${day} could not be queued: ${describeError(error)}`,
        outcome: 'failed',
      });
    }
  }
  return { statusCode: 204 };
}
