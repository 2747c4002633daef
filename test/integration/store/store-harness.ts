// Runs the store against the sandbox's KVS emulator through the real @forge/kvs, with console output captured (the
// app's logger writes one JSON line per call) and a clock the test moves by hand.
import { z } from 'zod';
import { createSandbox, type Sandbox } from '../../../sandbox/runtime/sandbox';
import { createStore, type Store, type StoreOptions } from '../../../src/store';

export class ManualClock {
  private current: number;

  constructor(iso = '2025-03-01T09:00:00.000Z') {
    this.current = Date.parse(iso);
  }

  readonly now = (): Date => new Date(this.current);

  advance(ms: number): void {
    this.current += ms;
  }
}

const LogLineSchema = z.looseObject({ level: z.string(), message: z.string() });
export type LogLine = z.infer<typeof LogLineSchema>;

export interface StoreContext {
  sandbox: Sandbox;
  store: Store;
  clock: ManualClock;
  /** runs `body` as one Forge invocation */
  run<T>(body: () => Promise<T>): Promise<T>;
  /** every console line written since the test started */
  consoleText(): string;
  /** the console lines that are the logger's JSON records */
  logLines(): LogLine[];
}

/** Registers hooks that give each test a fresh sandbox, store, clock and console capture. */
/** Instances created in a test get the ids inst-1, inst-2, … in order. */
export function useStore(options: Omit<StoreOptions, 'clock' | 'newInstanceId'> = {}): StoreContext {
  let state:
    { sandbox: Sandbox; store: Store; clock: ManualClock; lines: string[]; restore: () => void } | undefined;

  beforeEach(() => {
    const lines: string[] = [];
    const spies = (['debug', 'info', 'warn', 'error', 'log'] as const).map((level) =>
      jest.spyOn(console, level).mockImplementation((...args: unknown[]) => {
        lines.push(args.map((arg) => (typeof arg === 'string' ? arg : JSON.stringify(arg))).join(' '));
      }),
    );
    const clock = new ManualClock();
    let instances = 0;
    state = {
      sandbox: createSandbox(),
      store: createStore({ ...options, clock: clock.now, newInstanceId: () => `inst-${++instances}` }),
      clock,
      lines,
      restore: () => spies.forEach((spy) => spy.mockRestore()),
    };
  });

  afterEach(async () => {
    state?.restore();
    await state?.sandbox.close();
    state = undefined;
  });

  const current = () => {
    if (!state) throw new Error('useStore() context used outside a test');
    return state;
  };

  return {
    get sandbox() {
      return current().sandbox;
    },
    get store() {
      return current().store;
    },
    get clock() {
      return current().clock;
    },
    run: (body) => current().sandbox.asInvocation(body),
    consoleText: () => current().lines.join('\n'),
    logLines: () =>
      current().lines.flatMap((line) => {
        try {
          const parsed = LogLineSchema.safeParse(JSON.parse(line));
          return parsed.success ? [parsed.data] : [];
        } catch {
          return [];
        }
      }),
  };
}

/** A valid TeamSupport instance as the admin page sends it. */
export function instanceInput(overrides: Record<string, unknown> = {}): Record<string, unknown> {
  return {
    kind: 'teamsupport',
    name: 'Support EU',
    baseUrl: 'https://app.na2.teamsupport.com',
    organizationId: '1234567',
    apiToken: '8f2c0d3e-1111-2222-3333-444455556666',
    ...overrides,
  };
}

/** Every string anywhere inside a value (keys included), for "the secret is nowhere" assertions. */
export function allStrings(value: unknown): string[] {
  if (typeof value === 'string') return [value];
  if (value instanceof Error) return [value.message, ...(value.stack === undefined ? [] : [value.stack])];
  if (Array.isArray(value)) return value.flatMap(allStrings);
  if (typeof value === 'object' && value !== null) {
    return Object.entries(value).flatMap(([key, item]) => [key, ...allStrings(item)]);
  }
  return [];
}
