// The panel's "Sync now" and "Retry" ports, beside the panel's own (src/sync/panel/sync-deps.ts): the inbound and
// outbound flows' ports over the same invocation, and the queues a retried item goes back on.
import type { PanelDeps } from '../sync/panel/deps';
import type { PanelSyncDeps } from '../sync/panel/sync-deps';
import { inboundDeps, outboundDeps, platform } from './compose';

export function withSyncNow(deps: PanelDeps): PanelSyncDeps {
  const p = platform();
  return {
    ...deps,
    inbound: inboundDeps(p),
    outbound: outboundDeps(p),
    queues: p.queues,
    budget: p.budget,
  };
}
