// The five-minute pull: every active instance in turn, each handing the rest of its window to the inbound queue when
// this invocation's time runs short. Scheduled runs are not retried by the platform, so nothing here throws.
import { Queue } from '@forge/events';
import { describeError } from '../lib/errors';
import { logger } from '../lib/logger';
import { INBOUND_QUEUE, type InboundJob } from '../sync/jobs';
import { executeInbound } from '../sync/inbound/execute';
import { inboundDeps, platform } from './compose';

const inbound = new Queue({ key: INBOUND_QUEUE });
// A pull handed over less than this long ago is probably still running in the queue: leave it alone.
const CONTINUATION_GRACE_MS = 10 * 60 * 1000;

export async function continueOnQueue(job: InboundJob): Promise<void> {
  await inbound.push([{ body: job, concurrency: { key: `pull-${job.instanceId}`, limit: 1 } }]);
}

export async function pullTickets(): Promise<{ statusCode: number }> {
  const p = platform();
  const deps = inboundDeps(p);
  const config = await p.store.config.read();
  if (!config.ok) {
    logger.error('Scheduled pull skipped: the configuration cannot be read', {
      reason: config.error.message,
    });
    return { statusCode: 204 };
  }
  for (const instance of config.document.instances.filter((i) => i.active)) {
    try {
      const cursor = await p.store.cursors.load(instance.id);
      if (cursor?.window && Date.now() - Date.parse(cursor.window.until) < CONTINUATION_GRACE_MS) continue;
      const result = await executeInbound(deps, { kind: 'pull', instanceId: instance.id });
      if (result.status === 'handover') await continueOnQueue({ kind: 'pull', instanceId: instance.id });
      await p.store.syncLog.prune(instance.id, { budget: p.budget });
    } catch (error) {
      await p.store.syncLog.append({
        level: 'error',
        instanceId: instance.id,
        operation: 'pull',
        message: `The pull from TeamSupport failed: ${describeError(error)}`,
      });
    }
  }
  return { statusCode: 204 };
}
