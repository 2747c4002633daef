// The five-minute pull (sync/inbound/scheduled-pull). Scheduled runs are not retried by the platform, so nothing here
// throws.
import { logger } from '../lib/logger';
import { pullEveryInstance } from '../sync/inbound/scheduled-pull';
import { flushUsage, inboundDeps } from './compose';

export async function pullTickets(): Promise<{ statusCode: number }> {
  try {
    if ((await pullEveryInstance(inboundDeps())) === 'no-configuration') {
      logger.error('Scheduled pull skipped: the configuration cannot be read');
    }
  } finally {
    // The cycle's TeamSupport requests, one record write per instance (docs/teamsupport-api.md §12).
    await flushUsage();
  }
  return { statusCode: 204 };
}
