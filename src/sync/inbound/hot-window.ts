// Hot tickets (issue 19): a ticket with activity on its link (a Jira comment sent to it, an action pulled from it, the
// issue panel opened on it) is re-checked every 30–60 s for a few minutes instead of waiting for the 5-minute pull.
// Each hot ticket has one window record and one chain of delayed `check-ticket` jobs on the inbound queue: activity
// on a hot ticket only moves the window's end (written when it moves by a check interval or more, not on every
// activity), and a check whose chain is no longer the record's stops, so a ticket never keeps two chains going
// (sync/inbound/hot-check.ts). Marking is an optimisation: it never fails the flow that calls it, and the scheduled
// pull still covers every ticket.
import type { StoredInstance } from '../../domain/config';
import type { Logger } from '../../lib/logger';
import type { JobQueues } from '../ports/job-queues';
import { hotSettings } from './hot-settings';

/** A hot ticket's window: until when it is checked, and the chain of checks that does it. */
export interface HotWindow {
  /** ISO-8601 UTC */
  until: string;
  chain: string;
}

/** The window records, one per hot ticket (adapter: store/hot-ticket-store.ts). */
export interface HotTicketStore {
  get(instanceId: string, ticketId: string): Promise<HotWindow | undefined>;
  put(instanceId: string, ticketId: string, window: HotWindow): Promise<void>;
  /** how many of the instance's tickets are hot at `now`, counted up to `max` */
  countHot(instanceId: string, now: Date, max: number): Promise<number>;
}

export interface HotDeps {
  windows: HotTicketStore;
  queues: Pick<JobQueues, 'pushInbound'>;
  now(): Date;
  /** a new chain id */
  newChain(): string;
  /**
   * whether TeamSupport's daily request budget has slowed the instance's pull: hot checks are extra requests, so
   * none start or go on then
   */
  pullSlowed(instance: StoredInstance): Promise<boolean>;
  logger: Logger;
}

/** Present on the deps the composition root builds (entry/compose.ts); flows built without it mark nothing. */
export interface HotActivity {
  hot: HotDeps;
}

export type HotMark = 'off' | 'hot' | 'extended' | 'started' | 'capped' | 'slowed' | 'failed';

/** Starts the ticket's hot window, or moves its end; never throws. */
export async function markHot(
  deps: Partial<HotActivity>,
  instance: StoredInstance,
  ticketId: string,
): Promise<HotMark> {
  const hot = deps.hot;
  const settings = hotSettings(instance);
  if (hot === undefined || settings.cap === 0 || !instance.active) return 'off';
  try {
    const now = hot.now().getTime();
    const until = new Date(now + settings.windowMs).toISOString();
    const current = await hot.windows.get(instance.id, ticketId);
    if (current !== undefined && Date.parse(current.until) > now) {
      // A live chain reads the record at each check: moving the end is enough, and only worth a write when it moves
      // by a check interval or more.
      if (Date.parse(until) - Date.parse(current.until) < settings.checkSeconds * 1000) return 'hot';
      await hot.windows.put(instance.id, ticketId, { ...current, until });
      return 'extended';
    }
    if (await hot.pullSlowed(instance)) return 'slowed';
    if ((await hot.windows.countHot(instance.id, hot.now(), settings.cap)) >= settings.cap) return 'capped';
    const chain = hot.newChain();
    // The job first: if the record cannot be written, the check finds no window of its chain and stops, whereas a
    // record without a job would keep the ticket "hot" and unchecked until the window ends.
    await hot.queues.pushInbound(
      { kind: 'check-ticket', instanceId: instance.id, ticketId, chain },
      { delaySeconds: settings.checkSeconds },
    );
    await hot.windows.put(instance.id, ticketId, { until, chain });
    return 'started';
  } catch (error) {
    hot.logger.warn('Could not mark a ticket hot; the scheduled pull still covers it', {
      instanceId: instance.id,
      ticketId,
      error,
    });
    return 'failed';
  }
}
