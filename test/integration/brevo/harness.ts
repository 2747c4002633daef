// Runs the Brevo connector against the Brevo emulator over loopback HTTP, inside a sandboxed Forge invocation: the
// real @forge/api fetch, held to the manifest's egress, calls https://api.brevo.com, which the sandbox routes to the
// emulator; the time budget comes from getAppContext. Retry waits do not pass in real time: they advance the
// emulator's clock instead, so a rate-limit window resets exactly as it would after a real wait.
import { getAppContext } from '@forge/api';
import { createBrevo, type BrevoAccount, type BrevoOptions } from '../../../src/connectors/brevo';
import type { Budget } from '../../../src/lib/budget';
import { IntegrationError } from '../../../src/lib/errors';
import type { EventSink } from '../../../src/sync/ports/event-sink';
import {
  DEFAULT_ACCOUNT,
  startBrevoEmulator,
  type AccountAdmin,
  type BrevoEmulator,
  type BrevoEmulatorOptions,
  type RequestLogEntry,
  type SeedOptions,
} from '../../../sandbox/brevo';
import { createSandbox, type Sandbox } from '../../../sandbox/runtime/sandbox';

export const invocationBudget: Budget = {
  remainingMs: () => getAppContext().invocationRemainingTimeInMillis(),
};

export const ACCOUNT: BrevoAccount = { id: 'brevo-1', name: 'Marketing' };

export interface RunOptions {
  budgetMs?: number;
  apiKey?: string;
  account?: BrevoAccount;
  options?: BrevoOptions;
}

export interface Harness {
  brevo: BrevoEmulator;
  sandbox: Sandbox;
  /** the seeded Brevo account */
  readonly account: AccountAdmin;
  /** every retry wait the connector asked for, in ms */
  waits: number[];
  /** every log line the connector wrote */
  logs: string[];
  /** runs `body` with a fresh connector (one per invocation, as in production) */
  run<T>(body: (sink: EventSink) => Promise<T>, options?: RunOptions): Promise<T>;
  /** the API requests the emulator received since the last reset */
  apiRequests(): RequestLogEntry[];
  /** fresh seed data, counters, faults and request log; the clock runs again; waits and logs are emptied */
  reset(seed?: SeedOptions): void;
  close(): Promise<void>;
}

export async function startHarness(emulatorOptions: BrevoEmulatorOptions = {}): Promise<Harness> {
  const brevo = await startBrevoEmulator({ seed: 'default', ...emulatorOptions });
  const sandbox = createSandbox({ egressRoutes: { [brevo.appUrl]: brevo.baseUrl } });
  const waits: number[] = [];
  const logs: string[] = [];
  const defaults: BrevoOptions = {
    sleep: (ms) => {
      waits.push(ms);
      brevo.clock.advance(ms);
      return Promise.resolve();
    },
    now: () => brevo.clock.now().getTime(),
    random: () => 0.5,
    log: (line) => logs.push(line),
  };
  return {
    brevo,
    sandbox,
    get account() {
      return brevo.account();
    },
    waits,
    logs,
    run: (body, options = {}) =>
      sandbox.asInvocation(
        () =>
          body(
            createBrevo(
              options.account ?? ACCOUNT,
              options.apiKey ?? DEFAULT_ACCOUNT.apiKey,
              invocationBudget,
              {
                ...defaults,
                ...options.options,
              },
            ),
          ),
        { budgetMs: options.budgetMs ?? 25_000 },
      ),
    apiRequests: () => brevo.requests().filter((entry) => entry.url.startsWith('/v3/')),
    reset: (seed = {}) => {
      brevo.clock.set(null);
      brevo.reset(seed);
      waits.length = 0;
      logs.length = 0;
    },
    close: async () => {
      await sandbox.close();
      await brevo.close();
    },
  };
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

/** The IntegrationError a promise must fail with. */
export async function failure(promise: Promise<unknown>): Promise<IntegrationError> {
  try {
    await promise;
  } catch (error) {
    if (error instanceof IntegrationError) return error;
    throw error;
  }
  throw new Error('expected the call to fail');
}
