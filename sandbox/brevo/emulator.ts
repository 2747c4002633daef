// Start a Brevo API v3 emulator on loopback:
//   const brevo = await startBrevoEmulator({ port: 0 });
//   fetch(`${brevo.apiUrl}/account`, { headers: { 'api-key': brevo.account().apiKey } });
//   expect(brevo.contractViolations()).toEqual([]);
//   await brevo.close();
// The app calls https://api.brevo.com (SANDBOX_BREVO_URL); the sandbox routes that origin here
// (`createSandbox({ egressRoutes: { [brevo.appUrl]: brevo.baseUrl } })`, sandbox/runtime/egress.ts).
import { randomBytes } from 'node:crypto';
import { AccountAdmin, BrevoAdminError, type AccountSettingsInput } from './admin/account';
import { ControllableClock } from './clock';
import { componentErrors } from './contract/validators';
import { ViolationLog, type ContractViolation } from './contract/violations';
import { FaultInjector, type FaultSpec } from './faults';
import type { ApiDependencies, EmulatorSettings } from './http/pipeline';
import { RateLimiter, TOO_MANY_REQUESTS, RATE_LIMIT_HEADERS, type RateLimitConfig } from './rate-limits';
import { RequestLog, type RequestLogEntry } from './request-log';
import { DEFAULT_ACCOUNT, seedAccount, type SeedOptions } from './seed';
import { listen } from './server';
import { exportBrevoState, restoreBrevoState } from './snapshot';
import { BrevoState } from './state';

/** The origin the app calls, as it would call Brevo; the sandbox routes it to the emulator. */
export const SANDBOX_BREVO_URL = 'https://api.brevo.com';

export interface BrevoEmulatorOptions extends SeedOptions {
  /** 0 (default) picks a free port; the server always binds 127.0.0.1 */
  port?: number;
  /** the time source; tests can also freeze or advance `brevo.clock` */
  now?: () => Date;
  /** how injected latency waits (tests may pass one that a test releases) */
  sleep?: (ms: number) => Promise<void>;
  /** replaces the limits of these groups (default BREVO_RATE_LIMITS: 10/s and 36,000/h on events and contacts) */
  rateLimits?: Partial<RateLimitConfig>;
  /** send Retry-After on 429 answers (default false: Brevo is reported not to) */
  retryAfter?: boolean;
  /** what POST /events does for an unknown email_id or ext_id: 'create' the contact (default) or 'reject' it */
  unknownEventContact?: 'create' | 'reject';
  /** data saved by `exportState()`: restored instead of seeding (the seed options are then ignored) */
  state?: Buffer;
}

export interface LoseAnswerOptions {
  /** what the client gets instead of the applied request's answer: a gateway error, or a cut connection */
  as?: 502 | 503 | 504 | 'reset';
  method?: string;
  pathIncludes?: string;
}

export interface UnreadableSuccessOptions {
  /** default `<html><body>gateway</body></html>` */
  body?: string;
  /** default text/html */
  contentType?: string;
  method?: string;
  pathIncludes?: string;
}

export interface RateLimitNextOptions {
  /** the x-sib-ratelimit-reset header, in seconds (default 1); null leaves the limit headers out */
  resetSeconds?: number | null;
  /** a Retry-After header, in seconds (default none, as Brevo usually sends none) */
  retryAfterSeconds?: number;
  method?: string;
  pathIncludes?: string;
}

const GATEWAY_TEXT = { 502: 'Bad Gateway', 503: 'Service Unavailable', 504: 'Gateway Timeout' } as const;

export class BrevoEmulator {
  /** e.g. http://127.0.0.1:4567, where the emulator listens */
  readonly baseUrl: string;
  /** the origin an app calls (SANDBOX_BREVO_URL), routed to baseUrl */
  readonly appUrl = SANDBOX_BREVO_URL;
  /** baseUrl + /v3 */
  readonly apiUrl: string;

  constructor(
    private readonly deps: ApiDependencies & { readonly clock: ControllableClock },
    port: number,
    private readonly stop: () => Promise<void>,
  ) {
    this.baseUrl = `http://127.0.0.1:${port}`;
    this.apiUrl = `${this.baseUrl}/v3`;
  }

  get clock(): ControllableClock {
    return this.deps.clock;
  }

  // ------------------------------------------------------------------ accounts

  /** A new account; its api-key is `apiKey` or a fresh one in Brevo's format. */
  createAccount(input: AccountSettingsInput = {}): AccountAdmin {
    return createAccount(this.deps, input);
  }

  /** An account by id or API key; without either, the first one (the seeded account). */
  account(idOrKey?: number | string): AccountAdmin {
    const { state } = this.deps;
    const ids = [...state.accounts.keys()];
    const id =
      idOrKey === undefined
        ? ids[0]
        : typeof idOrKey === 'number'
          ? idOrKey
          : state.accountByKey(idOrKey)?.id;
    if (id === undefined || !state.accounts.has(id)) {
      throw new BrevoAdminError(
        `No Brevo account ${idOrKey === undefined ? '(none created)' : String(idOrKey)}`,
      );
    }
    return new AccountAdmin(this.deps, id);
  }

  accounts(): AccountAdmin[] {
    return [...this.deps.state.accounts.keys()].map((id) => new AccountAdmin(this.deps, id));
  }

  /** Drops all data, counters, faults, violations and the request log, then seeds again (the clock is kept). */
  reset(seed: SeedOptions = {}): void {
    resetEmulator(this.deps, seed);
  }

  // ------------------------------------------------------------------ faults and limits

  /** The next `count` matching requests fail as `spec` says (see FaultSpec: before or after being applied). */
  failNext(count: number, spec: FaultSpec): void {
    this.deps.faults.failNext(count, spec);
  }

  /** The next `count` matching requests are applied and their answers lost: a gateway error or a cut connection. */
  loseAnswerNext(count: number, options: LoseAnswerOptions = {}): void {
    const as = options.as ?? 504;
    const match = {
      ...(options.method === undefined ? {} : { method: options.method }),
      ...(options.pathIncludes === undefined ? {} : { pathIncludes: options.pathIncludes }),
    };
    if (as === 'reset') {
      this.failNext(count, { ...match, phase: 'after', dropConnection: true });
      return;
    }
    this.failNext(count, {
      ...match,
      phase: 'after',
      status: as,
      contentType: 'text/html',
      body: `<html><head><title>${as} ${GATEWAY_TEXT[as]}</title></head></html>`,
    });
  }

  /** The next `count` matching successes are applied and answered with a body that cannot be read (204 → 200). */
  unreadableSuccessNext(count: number, options: UnreadableSuccessOptions = {}): void {
    this.failNext(count, {
      phase: 'after',
      successOnly: true,
      ...(options.body === undefined ? {} : { body: options.body }),
      ...(options.contentType === undefined ? {} : { contentType: options.contentType }),
      ...(options.method === undefined ? {} : { method: options.method }),
      ...(options.pathIncludes === undefined ? {} : { pathIncludes: options.pathIncludes }),
    });
  }

  /** The next `count` matching requests are refused with Brevo's 429, whatever the counters say. */
  rateLimitNext(count: number, options: RateLimitNextOptions = {}): void {
    const reset = options.resetSeconds === undefined ? 1 : options.resetSeconds;
    const headers: Record<string, string> = {
      ...(reset === null
        ? {}
        : {
            [RATE_LIMIT_HEADERS.limit]: '10',
            [RATE_LIMIT_HEADERS.remaining]: '0',
            [RATE_LIMIT_HEADERS.reset]: String(reset),
          }),
      ...(options.retryAfterSeconds === undefined
        ? {}
        : { 'Retry-After': String(options.retryAfterSeconds) }),
    };
    this.failNext(count, {
      status: 429,
      body: JSON.stringify(TOO_MANY_REQUESTS),
      headers,
      ...(options.method === undefined ? {} : { method: options.method }),
      ...(options.pathIncludes === undefined ? {} : { pathIncludes: options.pathIncludes }),
    });
  }

  /** Delays every API request by `ms` (through the `sleep` option); 0 turns it off. */
  setLatency(ms: number): void {
    this.deps.faults.setLatency(ms);
  }

  pendingFaults(): number {
    return this.deps.faults.pendingCount();
  }

  /** Forgets pending faults and latency. */
  clearFaults(): void {
    this.deps.faults.clear();
  }

  /** Replaces the limits of the groups given, e.g. `{ events: { perSecond: 2, perHour: null } }`. */
  setRateLimits(config: Partial<RateLimitConfig>): void {
    this.deps.limiter.configure(config);
  }

  rateLimits(): RateLimitConfig {
    return this.deps.limiter.config();
  }

  /** Whether 429 answers carry Retry-After (they always carry the x-sib-ratelimit-* headers). */
  setRetryAfter(on: boolean): void {
    this.deps.settings.retryAfter = on;
  }

  /** What POST /events does for an email_id or ext_id no contact has. */
  setUnknownEventContact(behaviour: 'create' | 'reject'): void {
    this.deps.settings.unknownEventContact = behaviour;
  }

  // ------------------------------------------------------------------ what happened

  requests(): readonly RequestLogEntry[] {
    return this.deps.log.list();
  }

  clearRequests(): void {
    this.deps.log.clear();
  }

  /** Requests and replies that broke the OpenAPI document, and calls of Brevo operations the emulator lacks. */
  contractViolations(): ContractViolation[] {
    return this.deps.violations.list();
  }

  clearContractViolations(): void {
    this.deps.violations.clear();
  }

  /** Validates any value against a component schema of the document, e.g. `('getAccount', body)`; [] when valid. */
  schemaErrors(schemaName: string, value: unknown): string[] {
    return componentErrors(schemaName, value);
  }

  /** All data (not counters, faults, the request log, violations or the clock), for `startBrevoEmulator({ state })`. */
  exportState(): Buffer {
    return exportBrevoState(this.deps.state);
  }

  close(): Promise<void> {
    return this.stop();
  }
}

/** A fresh key in Brevo's format (xkeysib-, 64 hex digits, -, 16 characters). */
function newApiKey(): string {
  return `xkeysib-${randomBytes(32).toString('hex')}-${randomBytes(8).toString('hex')}`;
}

function createAccount(deps: ApiDependencies, input: AccountSettingsInput): AccountAdmin {
  const { state } = deps;
  const apiKey = input.apiKey ?? newApiKey();
  if (state.accountByKey(apiKey)) throw new BrevoAdminError('Another account has this API key');
  const id = state.nextId('account');
  state.accounts.set(id, {
    id,
    apiKey,
    keyEnabled: true,
    email: `account${id}@brevo-sandbox.example`,
    firstName: 'Sandbox',
    lastName: `Account ${id}`,
    companyName: `Company ${id}`,
    street: '1 Sandbox Street',
    city: 'Paris',
    zipCode: '75001',
    country: 'France',
  });
  const account = new AccountAdmin(deps, id);
  // The rest through the admin's own checks (e-mail format and the like).
  account.update({ ...input, apiKey });
  return account;
}

function resetEmulator(deps: ApiDependencies, seed: SeedOptions): void {
  deps.state.clear();
  deps.limiter.reset();
  deps.faults.clear();
  deps.log.clear();
  deps.violations.clear();
  if ((seed.seed ?? 'default') === 'default') {
    seedAccount(createAccount(deps, { ...DEFAULT_ACCOUNT }), seed);
  }
}

export async function startBrevoEmulator(options: BrevoEmulatorOptions = {}): Promise<BrevoEmulator> {
  const settings: EmulatorSettings = {
    retryAfter: options.retryAfter ?? false,
    unknownEventContact: options.unknownEventContact ?? 'create',
  };
  const deps = {
    state: options.state === undefined ? new BrevoState() : restoreBrevoState(options.state),
    clock: new ControllableClock(options.now),
    limiter: new RateLimiter(options.rateLimits),
    faults: new FaultInjector(),
    log: new RequestLog(),
    violations: new ViolationLog(),
    settings,
    sleep: options.sleep ?? ((ms: number) => new Promise<void>((resolve) => setTimeout(resolve, ms))),
  };
  if (options.state === undefined) resetEmulator(deps, options);
  const running = await listen(deps, options.port ?? 0);
  return new BrevoEmulator(deps, running.port, () => running.close());
}
