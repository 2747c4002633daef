// Runs the TeamSupport connector against the TeamSupport emulator over loopback HTTP, inside a sandboxed Forge
// invocation (real @forge/api fetch held to the manifest's egress, https://sandbox.teamsupport.com routed to the
// emulator, time budget from getAppContext). Retry waits do not pass in real time: they
// advance the emulator's clock instead, so the minute rate limit resets exactly as it would after a real wait.
import { getAppContext } from '@forge/api';
import { createTeamSupport, type TeamSupportOptions } from '../../../src/connectors/teamsupport';
import type { Budget } from '../../../src/lib/budget';
import type { TicketSystem } from '../../../src/sync/ports/ticket-system';
import { createSandbox, type Sandbox } from '../../../sandbox/runtime/sandbox';
import {
  startTeamSupportEmulator,
  type OrgAdmin,
  type RequestLogEntry,
  type TeamSupportEmulator,
  type TeamSupportEmulatorOptions,
} from '../../../sandbox/teamsupport';

export const invocationBudget: Budget = {
  remainingMs: () => getAppContext().invocationRemainingTimeInMillis(),
};

export interface RunOptions {
  budgetMs?: number;
  token?: string;
  baseUrl?: string;
  organizationId?: string;
  timeZone?: string;
  options?: TeamSupportOptions;
}

export interface Harness {
  ts: TeamSupportEmulator;
  sandbox: Sandbox;
  /** the seeded organization (organization 1100001) */
  readonly org: OrgAdmin;
  /** every retry wait the connector asked for, in ms */
  waits: number[];
  /** every log line the connector wrote */
  logs: string[];
  /** runs `body` with a fresh connector (one per invocation, as in production) */
  run<T>(body: (system: TicketSystem) => Promise<T>, options?: RunOptions): Promise<T>;
  /** API requests the emulator received since the last clearRequests() */
  apiRequests(): RequestLogEntry[];
  /** fresh seed data, counters, faults and request log; the clock runs again; waits and logs are emptied */
  reset(): void;
  close(): Promise<void>;
}

export async function startHarness(emulatorOptions: TeamSupportEmulatorOptions = {}): Promise<Harness> {
  const ts = await startTeamSupportEmulator({ seed: 'default', ...emulatorOptions });
  const sandbox = createSandbox({ egressRoutes: { [ts.appUrl]: ts.baseUrl } });
  const waits: number[] = [];
  const logs: string[] = [];
  const defaults: TeamSupportOptions = {
    sleep: (ms) => {
      waits.push(ms);
      ts.clock.advance(ms);
      return Promise.resolve();
    },
    now: () => ts.clock.now().getTime(),
    random: () => 0.5,
    log: (line) => logs.push(line),
  };
  const harness: Harness = {
    ts,
    sandbox,
    get org() {
      return ts.org();
    },
    waits,
    logs,
    run: (body, options = {}) =>
      sandbox.asInvocation(
        () =>
          body(
            createTeamSupport(
              {
                baseUrl: options.baseUrl ?? ts.appUrl,
                organizationId: options.organizationId ?? harness.org.organizationId,
                timeZone: options.timeZone ?? harness.org.settings().timeZone,
              },
              options.token ?? harness.org.apiToken,
              invocationBudget,
              { ...defaults, ...options.options },
            ),
          ),
        { budgetMs: options.budgetMs ?? 25_000 },
      ),
    apiRequests: () => ts.requests().filter((entry) => entry.url.toLowerCase().includes('/api/')),
    reset: () => {
      ts.clock.set(null);
      ts.reset('default');
      waits.length = 0;
      logs.length = 0;
    },
    close: async () => {
      await sandbox.close();
      await ts.close();
    },
  };
  return harness;
}

/** Everything a thrown value could show: message, stack, details, own properties. */
export function everythingAbout(error: unknown): string {
  if (!(error instanceof Error)) return JSON.stringify(error);
  return [
    error.message,
    error.stack ?? '',
    JSON.stringify(error),
    JSON.stringify(Object.entries(error)),
  ].join('\n');
}

/** The thrown value of a promise that must fail. */
export async function rejection(promise: Promise<unknown>): Promise<unknown> {
  try {
    await promise;
  } catch (error) {
    return error;
  }
  throw new Error('expected the call to fail');
}
