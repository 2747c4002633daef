// The five-minute pull (sync/inbound/scheduled-pull). Scheduled runs are not retried by the platform, so nothing here
// throws.
import { logger } from '../lib/logger';
import { pullEveryInstance } from '../sync/inbound/scheduled-pull';
import { inboundDeps } from './compose';

export async function pullTickets(): Promise<{ statusCode: number }> {
  if ((await pullEveryInstance(inboundDeps())) === 'no-configuration') {
    logger.error('Scheduled pull skipped: the configuration cannot be read');
  }
  return { statusCode: 204 };
}
