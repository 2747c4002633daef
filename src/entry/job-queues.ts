// The JobQueues port over @forge/events: where the admin's "Retry" puts a failed item's job back.
import { Queue } from '@forge/events';
import { INBOUND_QUEUE, OUTBOUND_QUEUE } from '../sync/jobs';
import type { JobQueues } from '../sync/ports';

const outbound = new Queue({ key: OUTBOUND_QUEUE });
const inbound = new Queue({ key: INBOUND_QUEUE });

export const forgeJobQueues: JobQueues = {
  async pushOutbound(job) {
    // The same concurrency key as the trigger's jobs (entry/triggers.ts): one job at a time per issue keeps writes to
    // an issue's tickets in order, retries included.
    await outbound.push([{ body: job, concurrency: { key: `issue-${job.issueId}`, limit: 1 } }]);
  },
  async continuePull(instanceId) {
    // One continuation at a time per instance: a pull's pages are done in order, from its cursor.
    await inbound.push([
      { body: { kind: 'pull', instanceId }, concurrency: { key: `pull-${instanceId}`, limit: 1 } },
    ]);
  },
  async pushInbound(job, options = {}) {
    await inbound.push([
      { body: job, ...(options.delaySeconds === undefined ? {} : { delayInSeconds: options.delaySeconds }) },
    ]);
  },
};
