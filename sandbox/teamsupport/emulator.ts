// Start a TeamSupport REST API emulator on loopback:
//   const ts = await startTeamSupportEmulator({ seed: 'default', port: 0 });
//   fetch(`${ts.apiUrl}/tickets`, { headers: { Authorization: ts.org().authorizationHeader() } });
//   await ts.close();
import { SandboxAdmin } from './admin/sandbox-admin';
import type { SeedName } from './admin/schemas';
import type { ApiDependencies } from './api/pipeline';
import { ControllableClock } from './clock';
import { FaultInjector } from './faults';
import { RateLimiter } from './rate-limits';
import { RequestLog } from './request-log';
import { seedEmulator } from './seed';
import { listen } from './server';
import { exportTeamSupportState, restoreTeamSupportState } from './snapshot';
import { EmulatorState } from './state';

export interface TeamSupportEmulatorOptions {
  /** 'default' (one seeded org, see seed.ts) or 'empty' (no org); default 'default' */
  seed?: SeedName;
  /** 0 (default) picks a free port */
  port?: number;
  /** the time source; tests can also freeze or advance `ts.clock` */
  now?: () => Date;
  /** how injected latency waits (tests may pass an immediate one) */
  sleep?: (ms: number) => Promise<void>;
  /** data saved by `exportState()`: restored instead of seeding (`seed` is then ignored) */
  state?: Buffer;
}

/**
 * The TeamSupport address of the sandbox's own: inside the manifest's egress (`https://*.teamsupport.com`), so the
 * app calls it like any TeamSupport server, and the sandbox runtime routes it to the emulator
 * (`createSandbox({ egressRoutes: { [SANDBOX_TEAMSUPPORT_URL]: ts.baseUrl } })`, see sandbox/runtime/egress.ts).
 */
export const SANDBOX_TEAMSUPPORT_URL = 'https://sandbox.teamsupport.com';

export class TeamSupportEmulator extends SandboxAdmin {
  /** e.g. http://127.0.0.1:4567 — where the emulator listens; tests and the console call it here directly */
  readonly baseUrl: string;
  /** the server address an app instance is configured with (SANDBOX_TEAMSUPPORT_URL), routed to baseUrl */
  readonly appUrl = SANDBOX_TEAMSUPPORT_URL;
  /** baseUrl + /api/json */
  readonly apiUrl: string;
  /** baseUrl + /_sandbox (the admin surface over HTTP) */
  readonly adminUrl: string;

  private readonly state: EmulatorState;

  constructor(
    deps: ApiDependencies & { clock: ControllableClock },
    port: number,
    private readonly stop: () => Promise<void>,
  ) {
    super(deps, seedEmulator);
    this.state = deps.state;
    this.baseUrl = `http://127.0.0.1:${port}`;
    this.apiUrl = `${this.baseUrl}/api/json`;
    this.adminUrl = `${this.baseUrl}/_sandbox`;
  }

  /** All data (not rate-limit counters, faults, the request log or the clock), for `startTeamSupportEmulator({ state })`. */
  exportState(): Buffer {
    return exportTeamSupportState(this.state);
  }

  close(): Promise<void> {
    return this.stop();
  }
}

export async function startTeamSupportEmulator(
  options: TeamSupportEmulatorOptions = {},
): Promise<TeamSupportEmulator> {
  const clock = new ControllableClock(options.now);
  const deps = {
    state: options.state === undefined ? new EmulatorState() : restoreTeamSupportState(options.state),
    clock,
    limiter: new RateLimiter(),
    faults: new FaultInjector(),
    log: new RequestLog(),
    sleep: options.sleep ?? ((ms: number) => new Promise<void>((resolve) => setTimeout(resolve, ms))),
  };
  const admin = new SandboxAdmin(deps, seedEmulator);
  if (options.state === undefined) admin.reset(options.seed ?? 'default');
  const running = await listen(admin, deps, options.port ?? 0);
  return new TeamSupportEmulator(deps, running.port, () => running.close());
}
