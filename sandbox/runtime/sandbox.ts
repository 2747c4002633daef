// The local Forge environment: hosts the app's handlers exactly as manifest.yml declares them and delivers product
// events, queue events, scheduled runs, resolver calls and web-trigger requests to them, with the platform's delivery
// semantics (at-least-once, retries, ignoreSelf, time budgets). Tests drive delivery with `drain()` on a virtual clock;
// `npm start` runs it in real time. Each module kind's delivery lives in modules/, mirroring src/entry/; this class
// puts them together with the storage, the queue, the clock and the log.
import { EventEmitter } from 'node:events';
import path from 'node:path';
import { Accounting } from './accounting';
import { advanceSandboxClock, installForgeGlobals } from './globals';
import { FunctionHost, type InvocationResult } from './host';
import { KvsEmulator, entitiesFromManifest } from './kvs/emulator';
import { loadManifest, type AppManifest } from './manifest';
import type { ModuleContext } from './modules/context';
import { QueueConsumers } from './modules/consumers';
import { invokeResolver, type ResolverRequest } from './modules/resolvers';
import { runScheduledTrigger } from './modules/scheduled';
import { ProductEventTriggers } from './modules/triggers';
import { invokeWebTrigger, type WebTriggerRequest, type WebTriggerResponse } from './modules/web-triggers';
import { PlatformLog, type AppLogData, type AppLogEntry, type SandboxLogEntry } from './platform-log';
import { ForgePlatformRouter } from './platform-router';
import { QueueEmulator, type QueuedEvent } from './queue';

export type { AppLogData, AppLogEntry, PlatformLogKind, SandboxLogEntry } from './platform-log';
export type { ProductEvent } from './modules/triggers';
export type { WebTriggerRequest, WebTriggerResponse } from './modules/web-triggers';

export interface SandboxOptions {
  /** folder holding manifest.yml and src/; defaults to this repository */
  appDir?: string;
  jiraBaseUrl?: string;
  /** persist KVS state to this JSON file (npm start); in memory when omitted */
  kvsFile?: string;
  cloudId?: string;
  /** manual: delivery happens in drain() on a virtual clock (tests); realtime: events are delivered as they fall due */
  mode?: 'manual' | 'realtime';
  /** attempts before a queue event is dead-lettered (the platform keeps retrying for 24 h; the sandbox bounds it) */
  maxQueueAttempts?: number;
  webTriggerBaseUrl?: string;
  /**
   * Host names of the sandbox's own, routed to local emulators: public origin → local origin, e.g.
   * `{ 'https://sandbox.teamsupport.com': ts.baseUrl }`. The manifest's egress must allow the public origin; the app
   * calls it as it would call the real service (see sandbox/runtime/egress.ts). More can be added with routeEgress().
   */
  egressRoutes?: Record<string, string>;
  /**
   * Also print what handlers write to the console (always captured as 'app' log entries), prefixed with the
   * function key. Defaults to true, except under jest, where test output stays quiet.
   */
  echoAppLogs?: boolean;
}

export class Sandbox extends EventEmitter {
  readonly manifest: AppManifest;
  readonly accounting = new Accounting();
  readonly kvs: KvsEmulator;
  readonly queue: QueueEmulator;
  readonly cloudId: string;
  readonly installContext: string;
  readonly logEntries: SandboxLogEntry[];
  private readonly host: FunctionHost;
  private readonly router: ForgePlatformRouter;
  private readonly mode: 'manual' | 'realtime';
  private readonly platformLog: PlatformLog;
  private readonly modules: ModuleContext;
  private readonly triggers: ProductEventTriggers;
  private readonly consumers: QueueConsumers;
  private jiraBaseUrl: string | undefined;
  private webTriggerBaseUrl: string;
  private inFlight = new Set<Promise<void>>();
  private ticker: NodeJS.Timeout | undefined;

  constructor(options: SandboxOptions = {}) {
    super();
    const appDir = options.appDir ?? path.resolve(__dirname, '..', '..');
    this.manifest = loadManifest(appDir);
    this.mode = options.mode ?? 'manual';
    this.jiraBaseUrl = options.jiraBaseUrl;
    this.cloudId = options.cloudId ?? 'sandbox-cloud-0001';
    this.installContext = `ari:cloud:jira::site/${this.cloudId}`;
    this.webTriggerBaseUrl = options.webTriggerBaseUrl ?? 'http://127.0.0.1/x/webtrigger';
    this.platformLog = new PlatformLog(
      () => this.now(),
      (entry) => this.emit('log', entry),
    );
    this.logEntries = this.platformLog.entries;
    this.kvs = new KvsEmulator({
      entities: entitiesFromManifest(this.manifest.entities),
      ...(options.kvsFile ? { file: options.kvsFile } : {}),
    });
    const queues = new Set(this.manifest.consumers.map((c) => c.queue));
    this.queue = new QueueEmulator(
      () => queues,
      () => this.now(),
    );
    this.host = new FunctionHost(appDir, this.manifest, this.accounting, {
      echo: options.echoAppLogs ?? process.env.JEST_WORKER_ID === undefined,
      onLine: (line, record) => this.platformLog.appLine(line, record),
    });
    this.router = new ForgePlatformRouter(
      this.manifest,
      { kvs: this.kvs, queue: this.queue },
      this.accounting,
      {
        appId: this.manifest.appId.replace(/^.*\//, ''),
        cloudId: this.cloudId,
        installationId: `sandbox-installation-${this.cloudId}`,
        environmentId: 'sandbox-environment',
        jiraBaseUrl: () => this.jiraBaseUrl,
        webTriggerBaseUrl: () => this.webTriggerBaseUrl,
      },
    );
    this.modules = {
      manifest: this.manifest,
      host: this.host,
      cloudId: this.cloudId,
      installContext: this.installContext,
      now: () => this.now(),
      log: this.platformLog.platform,
    };
    this.triggers = new ProductEventTriggers(this.modules);
    this.consumers = new QueueConsumers(this.modules, this.queue, options.maxQueueAttempts ?? 8);
    for (const [origin, local] of Object.entries(options.egressRoutes ?? {})) this.routeEgress(origin, local);
    installForgeGlobals(this.router);
    if (this.mode === 'realtime') {
      this.ticker = setInterval(() => this.deliverDue(), 100);
      this.ticker.unref();
    }
  }

  connectJira(baseUrl: string): void {
    this.jiraBaseUrl = baseUrl;
  }

  /**
   * Sends the app's requests for `publicOrigin` (a host the manifest's egress allows, e.g.
   * https://sandbox.teamsupport.com) to an emulator at `localBaseUrl` (e.g. http://127.0.0.1:4022).
   */
  routeEgress(publicOrigin: string, localBaseUrl: string): void {
    this.router.egress.route(publicOrigin, localBaseUrl);
  }

  setWebTriggerBaseUrl(baseUrl: string): void {
    this.webTriggerBaseUrl = baseUrl;
  }

  /** Lets sandbox time pass (tests: leases and TTLs running out, the next pull cycle). */
  advanceClock(ms: number): void {
    advanceSandboxClock(ms);
  }

  /** Sandbox time: real time plus however far drain() has skipped ahead over delays and retry back-offs. */
  now(): number {
    return Date.now();
  }

  /** What handlers printed to the console, oldest first, from the retained log (see InvocationRecord.logs too). */
  appLogs(
    filter: Partial<Pick<AppLogData, 'functionKey' | 'moduleKey' | 'invocationId' | 'level'>> = {},
  ): AppLogEntry[] {
    return this.platformLog.appLogs(filter);
  }

  /** Delivers a Jira product event to every trigger subscribed to it, as the platform would. */
  emitProductEvent(rawEvent: unknown): void {
    this.triggers.emit(rawEvent);
    if (this.mode === 'realtime') this.deliverDue();
  }

  /** Hands already-handled queue events to the consumer again, as at-least-once delivery may. */
  redeliverCompleted(predicate: (event: QueuedEvent) => boolean = () => true): number {
    return this.consumers.redeliverCompleted(predicate);
  }

  runScheduledTrigger(key: string): Promise<InvocationResult> {
    return runScheduledTrigger(this.modules, key);
  }

  /**
   * Calls a Custom UI resolver the way `invoke()` from @forge/bridge does: `moduleKey` is the UI module (issue panel,
   * admin page), `functionKey` the resolver definition, and the principal comes from the platform, never the payload.
   */
  invokeResolver(request: ResolverRequest): Promise<unknown> {
    return invokeResolver(this.modules, request);
  }

  invokeWebTrigger(key: string, request: WebTriggerRequest): Promise<WebTriggerResponse> {
    return invokeWebTrigger(this.modules, key, request);
  }

  // ---------------------------------------------------------------- delivery loop

  private nextDueAt(): number | undefined {
    const times = [this.triggers.nextAvailableAt(), this.queue.nextAvailableAt()].filter(
      (t): t is number => t !== undefined,
    );
    return times.length === 0 ? undefined : Math.min(...times);
  }

  private deliverDue(): void {
    const now = this.now();
    for (const deliver of [...this.triggers.takeDue(now), ...this.consumers.takeDue(now)]) {
      const work = deliver().finally(() => this.inFlight.delete(work));
      this.inFlight.add(work);
    }
  }

  /** Whether any product event or queue event is still waiting or being handled. */
  idle(): boolean {
    return this.inFlight.size === 0 && this.nextDueAt() === undefined;
  }

  /**
   * When the next waiting event falls due (sandbox time), while none is being handled; undefined otherwise. Lets a
   * script holding the clock (scripts/screenshots.ts) move it straight to that moment, as drain() does in manual mode.
   */
  nextDueWhileIdle(): number | undefined {
    return this.inFlight.size === 0 ? this.nextDueAt() : undefined;
  }

  /**
   * Delivers everything pending, including what handlers enqueue while being delivered, until nothing is left.
   * Events due together run concurrently, as on the platform. In manual mode the virtual clock jumps over delays.
   * `until` (sandbox time, ms): stops once nothing is left that is due by then, so a benchmark can interleave its own
   * steps (an action written at 12:03) with the app's delayed jobs; the clock stays where the last delivery left it.
   */
  async drain(options: { maxRounds?: number; until?: number } = {}): Promise<{ rounds: number }> {
    const maxRounds = options.maxRounds ?? 10_000;
    let rounds = 0;
    for (;;) {
      this.deliverDue();
      if (this.inFlight.size > 0) {
        await Promise.all([...this.inFlight]);
      } else {
        const next = this.nextDueAt();
        if (next === undefined || (options.until !== undefined && next > options.until)) return { rounds };
        const wait = next - this.now();
        if (this.mode === 'manual') advanceSandboxClock(wait);
        else await new Promise((resolve) => setTimeout(resolve, Math.max(0, wait)));
      }
      if (++rounds > maxRounds) throw new Error(`drain() did not settle within ${maxRounds} rounds`);
    }
  }

  /**
   * Runs `body` inside an invocation of `moduleKey`, so code under test (stores, use cases) can call the real SDKs
   * directly with a time budget and accounting, as a handler would.
   */
  async asInvocation<T>(
    body: () => Promise<T>,
    options: { moduleKey?: string; accountId?: string; budgetMs?: number } = {},
  ): Promise<T> {
    let settled: { value: T } | undefined;
    const result = await this.host.run(
      {
        functionKey: 'test-invocation',
        moduleKey: options.moduleKey ?? 'test-invocation',
        kind: 'test',
        principal: options.accountId ? { accountId: options.accountId } : undefined,
        ...(options.budgetMs !== undefined ? { budgetMs: options.budgetMs } : {}),
      },
      25_000,
      async () => {
        settled = { value: await body() };
      },
    );
    if (result.status === 'error') throw result.error;
    if (result.status === 'timeout' || !settled) throw new Error('invocation timed out');
    return settled.value;
  }

  /** Waits for in-flight work, stops timers and saves persisted state. */
  async close(): Promise<void> {
    if (this.ticker) clearInterval(this.ticker);
    await Promise.all([...this.inFlight]);
    this.kvs.save();
  }
}

export function createSandbox(options: SandboxOptions = {}): Sandbox {
  return new Sandbox(options);
}
