// What the panel's "Sync now" and "Retry" need beyond the panel's own ports: the sync flows' ports (the same use cases
// the queue consumers run, so a copy made from the panel is the one the next event or pull would have made, exactly
// once through the ledger), the queues a retried item goes back on, and the invocation's time.
import type { Budget } from '../../lib/budget';
import type { InboundDeps } from '../inbound/deps';
import type { OutboundDeps } from '../outbound/deps';
import type { JobQueues } from '../ports/job-queues';
import type { PanelDeps } from './deps';

export interface PanelSyncDeps extends PanelDeps {
  inbound: InboundDeps;
  outbound: OutboundDeps;
  queues: Pick<JobQueues, 'pushRetry'>;
  /** the resolver's 25 s (docs/forge-platform.md): "Sync now" stops with a message before it runs out */
  budget: Budget;
}
