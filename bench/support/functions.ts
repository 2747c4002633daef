// Which manifest functions do the work being measured, read from manifest.yml as the sandbox loaded it (function
// keys are the manifest's business; the scheduled trigger key and the queue names are the app's contract).
import { INBOUND_QUEUE, OUTBOUND_QUEUE } from '../../src/sync/jobs/queue';
import type { World } from '../../test/integration/world';

export const PULL_TRIGGER = 'pull-tickets';
/** the product-event trigger for Jira issue events (comments among them) */
export const ISSUE_EVENTS_TRIGGER = 'issue-events';

export interface SyncFunctions {
  /** the function behind the scheduled pull */
  scheduledPull: string;
  /** the consumer of the inbound queue (pull continuations) */
  inboundConsumer: string;
  /** the consumer of the outbound queue (Jira events) */
  outboundConsumer: string;
  /** the function behind the issue-event trigger, which decides whether a Jira event becomes queue jobs */
  issueEvents: string;
}

export function syncFunctions(world: World): SyncFunctions {
  const { manifest } = world.sandbox;
  const consumerOf = (queue: string): string => {
    const consumer = manifest.consumers.find((c) => c.queue === queue);
    if (!consumer) throw new Error(`manifest.yml declares no consumer for the queue "${queue}"`);
    return consumer.function;
  };
  const trigger = manifest.scheduledTriggers.find((t) => t.key === PULL_TRIGGER);
  if (!trigger) throw new Error(`manifest.yml declares no scheduled trigger "${PULL_TRIGGER}"`);
  const events = manifest.triggers.find((t) => t.key === ISSUE_EVENTS_TRIGGER);
  if (!events) throw new Error(`manifest.yml declares no trigger "${ISSUE_EVENTS_TRIGGER}"`);
  return {
    scheduledPull: trigger.function,
    inboundConsumer: consumerOf(INBOUND_QUEUE),
    outboundConsumer: consumerOf(OUTBOUND_QUEUE),
    issueEvents: events.function,
  };
}
