// Meters an invocation's TeamSupport requests per instance: every connector the invocation opens is tracked, and
// flush() records what they sent since the last flush, one record write per instance (store/teamsupport-usage.ts),
// never one per request. TeamSupport limits requests per 24 hours and reports nothing about what is left
// (docs/teamsupport-api.md §12), so this count is the only figure the pull's slow-down (domain/request-budget.ts) and
// the admin page have. Entry points flush in a `finally` (entry/compose.ts `flushUsage`); a flush never throws, and a
// count that could not be stored is logged and dropped: metering never fails a sync.
import { EMPTY_USAGE, requestsAt, type RequestUsage } from '../domain/request-usage';
import type { Logger } from '../lib/logger';
import type { RequestUsageStore } from './ports/request-usage-store';
import type { TicketSystem } from './ports/ticket-system';
import type { UsageMeter } from './ports/usage-meter';

type Facts = Omit<RequestUsage, 'hours'>;

/** What the meter reads of a connector. */
type Counted = Pick<TicketSystem, 'requestsSent'>;

interface Tracked {
  instanceId: string;
  system: Counted;
  /** what system.requestsSent() said when it was tracked */
  from: number;
}

/** What one invocation has opened, noted and read. */
interface InvocationUsage {
  tracked: Tracked[];
  facts: Map<string, Facts>;
  /** records read in this invocation: the flush writes over them without reading them again */
  known: Map<string, RequestUsage>;
}

export interface RequestMeterOptions {
  /** where the records are (a store is built per invocation; the meter outlives them) */
  store: () => RequestUsageStore;
  now: () => Date;
  logger: Logger;
  /**
   * The id of the running invocation. The meter is shared by everything one invocation builds (entry points build
   * their ports in several places), and a process may run invocations one after another or, in the sandbox, side by
   * side: each flush takes its own invocation's connectors only.
   */
  invocation: () => string;
}

export class RequestMeter implements UsageMeter {
  private readonly invocations = new Map<string, InvocationUsage>();

  constructor(private readonly options: RequestMeterOptions) {}

  private current(): InvocationUsage {
    const id = this.options.invocation();
    const existing = this.invocations.get(id);
    if (existing) return existing;
    const created: InvocationUsage = { tracked: [], facts: new Map(), known: new Map() };
    this.invocations.set(id, created);
    return created;
  }

  /** Counts `system`'s requests towards `instanceId` from now on; returns it, for use in place. */
  track<T extends Counted>(instanceId: string, system: T): T {
    if (system.requestsSent) this.current().tracked.push({ instanceId, system, from: system.requestsSent() });
    return system;
  }

  async read(instanceId: string): Promise<RequestUsage | undefined> {
    try {
      const usage = await this.options.store().read(instanceId);
      // No record yet is a record known to be empty: the flush need not read it again either.
      this.current().known.set(instanceId, usage ?? EMPTY_USAGE);
      return usage;
    } catch (error) {
      this.options.logger.warn('Could not read TeamSupport request usage', { instanceId, error });
      return undefined;
    }
  }

  note(instanceId: string, facts: Facts): void {
    const all = this.current().facts;
    const earlier = all.get(instanceId) ?? {};
    all.set(instanceId, {
      ...earlier,
      ...facts,
      ...(earlier.warned || facts.warned ? { warned: { ...earlier.warned, ...facts.warned } } : {}),
    });
  }

  /** Records the invocation's requests and noted facts, one write per instance; call it once, as the invocation ends. */
  async flush(): Promise<void> {
    const id = this.options.invocation();
    const usage = this.invocations.get(id);
    if (usage === undefined) return;
    this.invocations.delete(id);
    const requests = new Map<string, number>();
    for (const { instanceId, system, from } of usage.tracked) {
      const sent = (system.requestsSent?.() ?? from) - from;
      requests.set(instanceId, (requests.get(instanceId) ?? 0) + sent);
    }
    const at = this.options.now();
    const store = this.options.store();
    const instanceIds = new Set([...requests.keys(), ...usage.facts.keys()]);
    await Promise.all(
      [...instanceIds].map(async (instanceId) => {
        const change = requestsAt(requests.get(instanceId) ?? 0, at, usage.facts.get(instanceId));
        try {
          await store.add(instanceId, change, usage.known.get(instanceId));
        } catch (error) {
          this.options.logger.warn('Could not record TeamSupport request usage', { instanceId, error });
        }
      }),
    );
  }
}
