// The local Forge environment: hosts the app's handlers exactly as manifest.yml declares them and delivers product
// events, queue events, scheduled runs, resolver calls and web-trigger requests to them, with the platform's delivery
// semantics (at-least-once, retries, ignoreSelf, time budgets). Tests drive delivery with `drain()` on a virtual clock;
// `npm start` runs it in real time.
import { EventEmitter } from 'node:events';
import { randomUUID } from 'node:crypto';
import path from 'node:path';
import { z } from 'zod';
import { Accounting, type InvocationRecord } from './accounting';
import { advanceSandboxClock, installForgeGlobals } from './globals';
import type { AppLogLevel, AppLogLine } from './console-capture';
import { FunctionHost, type InvocationResult } from './host';
import { KvsEmulator, entitiesFromManifest } from './kvs/emulator';
import { loadManifest, type AppManifest } from './manifest';
import { ForgePlatformRouter } from './platform-router';
import { QueueEmulator, type QueuedEvent } from './queue';

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

/** A console line an invocation printed, with the invocation it belongs to. */
export interface AppLogData {
  level: AppLogLevel;
  message: string;
  /** the other keys of a JSON record line; empty for plain text */
  fields: Record<string, unknown>;
  functionKey: string;
  moduleKey: string;
  invocationId: string;
}

export type PlatformLogKind = 'product-event' | 'trigger' | 'queue' | 'scheduled' | 'resolver' | 'webtrigger';

type LogEvent =
  | { kind: PlatformLogKind; message: string; data?: unknown }
  | { kind: 'app'; message: string; data: AppLogData };

/** What the sandbox did (platform kinds) and what the app printed while it ran ('app'). */
export type SandboxLogEntry = LogEvent & { seq: number; time: string };
export type AppLogEntry = Extract<SandboxLogEntry, { kind: 'app' }>;

interface TriggerDelivery {
  id: string;
  triggerKey: string;
  functionKey: string;
  event: ProductEvent;
  availableAt: number;
  retries: number;
}

const productEventSchema = z.looseObject({
  eventType: z.string(),
  selfGenerated: z.boolean().optional(),
  atlassianId: z.string().optional(),
});
export type ProductEvent = z.infer<typeof productEventSchema>;

// What a consumer or trigger returns when it asks for a retry: an InvocationError serialised by @forge/events.
const retryRequestSchema = z.object({
  _retry: z.literal(true),
  retryOptions: z
    .object({ retryAfter: z.number().optional(), retryReason: z.string().optional(), retryData: z.unknown() })
    .partial()
    .optional(),
});

const webTriggerResponseSchema = z.object({
  statusCode: z.number().int(),
  statusText: z.string().optional(),
  headers: z.record(z.string(), z.array(z.string())).optional(),
  body: z.string().optional(),
});
export type WebTriggerResponse = z.infer<typeof webTriggerResponseSchema>;

export interface WebTriggerRequest {
  method: string;
  headers?: Record<string, string[]>;
  body?: string;
  path?: string;
  queryParameters?: Record<string, string[]>;
}

const PRODUCT_EVENT_MAX_RETRIES = 4;
const MAX_LOG = 2_000;

export class Sandbox extends EventEmitter {
  readonly manifest: AppManifest;
  readonly accounting = new Accounting();
  readonly kvs: KvsEmulator;
  readonly queue: QueueEmulator;
  readonly cloudId: string;
  readonly installContext: string;
  private readonly host: FunctionHost;
  private readonly router: ForgePlatformRouter;
  private readonly mode: 'manual' | 'realtime';
  private readonly maxQueueAttempts: number;
  private jiraBaseUrl: string | undefined;
  private webTriggerBaseUrl: string;
  private triggerDeliveries: TriggerDelivery[] = [];
  private running = new Map<string, number>();
  private inFlight = new Set<Promise<void>>();
  private ticker: NodeJS.Timeout | undefined;
  private logSeq = 0;
  readonly logEntries: SandboxLogEntry[] = [];

  constructor(options: SandboxOptions = {}) {
    super();
    const appDir = options.appDir ?? path.resolve(__dirname, '..', '..');
    this.manifest = loadManifest(appDir);
    this.mode = options.mode ?? 'manual';
    this.maxQueueAttempts = options.maxQueueAttempts ?? 8;
    this.jiraBaseUrl = options.jiraBaseUrl;
    this.cloudId = options.cloudId ?? 'sandbox-cloud-0001';
    this.installContext = `ari:cloud:jira::site/${this.cloudId}`;
    this.webTriggerBaseUrl = options.webTriggerBaseUrl ?? 'http://127.0.0.1/x/webtrigger';
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
      onLine: (line, record) => this.logAppLine(line, record),
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

  private log(kind: PlatformLogKind, message: string, data?: unknown): void {
    this.append({ kind, message, data });
  }

  private logAppLine(line: AppLogLine, record: InvocationRecord): void {
    const { functionKey, moduleKey, invocationId } = record;
    this.append({
      kind: 'app',
      message: line.message,
      data: {
        level: line.level,
        message: line.message,
        fields: line.fields ?? {},
        functionKey,
        moduleKey,
        invocationId,
      },
    });
  }

  private append(event: LogEvent): void {
    const entry: SandboxLogEntry = { ...event, seq: ++this.logSeq, time: new Date(this.now()).toISOString() };
    this.logEntries.push(entry);
    if (this.logEntries.length > MAX_LOG) this.logEntries.shift();
    this.emit('log', entry);
  }

  /** What handlers printed to the console, oldest first, from the retained log (see InvocationRecord.logs too). */
  appLogs(
    filter: Partial<Pick<AppLogData, 'functionKey' | 'moduleKey' | 'invocationId' | 'level'>> = {},
  ): AppLogEntry[] {
    return this.logEntries.flatMap((entry) =>
      entry.kind === 'app' &&
      (filter.functionKey === undefined || entry.data.functionKey === filter.functionKey) &&
      (filter.moduleKey === undefined || entry.data.moduleKey === filter.moduleKey) &&
      (filter.invocationId === undefined || entry.data.invocationId === filter.invocationId) &&
      (filter.level === undefined || entry.data.level === filter.level)
        ? [entry]
        : [],
    );
  }

  // ---------------------------------------------------------------- product events

  /** Delivers a Jira product event to every trigger subscribed to it, as the platform would. */
  emitProductEvent(rawEvent: unknown): void {
    const event = productEventSchema.parse(rawEvent);
    for (const trigger of this.manifest.triggers) {
      if (!trigger.events.includes(event.eventType)) continue;
      if (trigger.filter?.ignoreSelf && event.selfGenerated) {
        this.log(
          'product-event',
          `${event.eventType} dropped for ${trigger.key}: caused by the app (ignoreSelf)`,
        );
        continue;
      }
      this.triggerDeliveries.push({
        id: randomUUID(),
        triggerKey: trigger.key,
        functionKey: trigger.function,
        event,
        availableAt: this.now(),
        retries: 0,
      });
      this.log('product-event', `${event.eventType} → ${trigger.key}`);
    }
    if (this.mode === 'realtime') this.deliverDue();
  }

  private async deliverTrigger(delivery: TriggerDelivery): Promise<void> {
    const result = await this.host.invoke({
      functionKey: delivery.functionKey,
      moduleKey: delivery.triggerKey,
      kind: 'trigger',
      args: [
        delivery.event,
        {
          principal: delivery.event.atlassianId ? { accountId: delivery.event.atlassianId } : undefined,
          installContext: this.installContext,
        },
      ],
    });
    const retry = this.retryRequested(result);
    // The platform retries product events that ask for it (at most 4 times) and invocations that time out.
    if ((retry || result.status === 'timeout') && delivery.retries < PRODUCT_EVENT_MAX_RETRIES) {
      const afterMs = (retry?.retryOptions?.retryAfter ?? 2 ** delivery.retries * 5) * 1000;
      this.triggerDeliveries.push({
        ...delivery,
        retries: delivery.retries + 1,
        availableAt: this.now() + afterMs,
      });
      this.log('trigger', `${delivery.triggerKey} will retry ${delivery.event.eventType}`, {
        retries: delivery.retries + 1,
      });
      return;
    }
    this.log(
      'trigger',
      `${delivery.triggerKey} handled ${delivery.event.eventType}: ${this.describe(result)}`,
    );
  }

  // ---------------------------------------------------------------- queue consumers

  private async deliverQueueEvent(event: QueuedEvent): Promise<void> {
    const consumer = this.manifest.consumers.find((c) => c.queue === event.queueName);
    if (!consumer) return;
    event.deliveries += 1;
    const key = event.concurrency?.key;
    if (key) this.running.set(key, (this.running.get(key) ?? 0) + 1);
    try {
      const result = await this.host.invoke({
        functionKey: consumer.function,
        moduleKey: consumer.key,
        kind: 'consumer',
        args: [
          {
            body: event.body,
            queueName: event.queueName,
            jobId: event.jobId,
            eventId: event.eventId,
            ...(event.delayInSeconds !== undefined ? { delayInSeconds: event.delayInSeconds } : {}),
            ...(event.concurrency ? { concurrency: event.concurrency } : {}),
            ...(event.retryContext ? { retryContext: event.retryContext } : {}),
          },
          { installContext: this.installContext },
        ],
      });
      this.settleQueueEvent(event, result);
    } finally {
      if (key) this.running.set(key, (this.running.get(key) ?? 1) - 1);
    }
  }

  private settleQueueEvent(event: QueuedEvent, result: InvocationResult): void {
    const retry = this.retryRequested(result);
    if (result.status === 'ok' && !retry) {
      this.queue.succeeded(event);
      this.log('queue', `${event.queueName} event ${event.eventId} handled`);
      return;
    }
    const retryCount = (event.retryContext?.retryCount ?? 0) + 1;
    if (retryCount >= this.maxQueueAttempts) {
      this.queue.giveUp(event);
      this.log(
        'queue',
        `${event.queueName} event ${event.eventId} failed ${retryCount} times and was dead-lettered`,
        {
          reason: this.describe(result),
        },
      );
      return;
    }
    const reason =
      retry?.retryOptions?.retryReason ??
      (result.status === 'timeout' ? 'FUNCTION_TIME_OUT' : 'FUNCTION_PLATFORM_UNKNOWN_ERROR');
    // InvocationError sets the delay; other failures back off exponentially, up to the platform's ~15 minutes.
    const afterSeconds = retry?.retryOptions?.retryAfter ?? Math.min(900, 2 ** retryCount * 5);
    this.queue.retry(event, this.now() + afterSeconds * 1000, {
      retryCount,
      retryReason: reason,
      retryData: retry?.retryOptions?.retryData,
    });
    this.log(
      'queue',
      `${event.queueName} event ${event.eventId} will retry in ${afterSeconds}s (${reason})`,
      {
        reason: this.describe(result),
      },
    );
  }

  /** Hands already-handled queue events to the consumer again, as at-least-once delivery may. */
  redeliverCompleted(predicate: (event: QueuedEvent) => boolean = () => true): number {
    const events = this.queue.completed.filter(predicate);
    for (const event of events) this.queue.redeliver(event, this.now());
    return events.length;
  }

  private retryRequested(result: InvocationResult): z.infer<typeof retryRequestSchema> | undefined {
    if (result.status !== 'ok') return undefined;
    const parsed = retryRequestSchema.safeParse(result.value);
    if (parsed.success) result.record.outcome = 'retry';
    return parsed.success ? parsed.data : undefined;
  }

  private describe(result: InvocationResult): string {
    if (result.status === 'timeout') return `timed out after ${result.record.budgetMs} ms`;
    if (result.status === 'error') return `failed: ${result.record.error ?? 'unknown error'}`;
    return result.record.outcome === 'retry' ? 'asked for a retry' : 'ok';
  }

  // ---------------------------------------------------------------- delivery loop

  private takeDue(): Array<() => Promise<void>> {
    const now = this.now();
    const dueTriggers = this.triggerDeliveries.filter((d) => d.availableAt <= now);
    this.triggerDeliveries = this.triggerDeliveries.filter((d) => d.availableAt > now);
    const dueEvents = this.queue.takeDue(now, this.running);
    return [
      ...dueTriggers.map((d) => () => this.deliverTrigger(d)),
      ...dueEvents.map((e) => () => this.deliverQueueEvent(e)),
    ];
  }

  private nextDueAt(): number | undefined {
    const times = [...this.triggerDeliveries.map((d) => d.availableAt), this.queue.nextAvailableAt()].filter(
      (t): t is number => t !== undefined,
    );
    return times.length === 0 ? undefined : Math.min(...times);
  }

  private deliverDue(): void {
    for (const deliver of this.takeDue()) {
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

  // ---------------------------------------------------------------- scheduled triggers

  async runScheduledTrigger(key: string): Promise<InvocationResult> {
    const trigger = this.manifest.scheduledTriggers.find((t) => t.key === key);
    if (!trigger) throw new Error(`manifest.yml declares no scheduledTrigger "${key}"`);
    const result = await this.host.invoke({
      functionKey: trigger.function,
      moduleKey: trigger.key,
      kind: 'scheduledTrigger',
      args: [
        { context: { cloudId: this.cloudId, moduleKey: trigger.key }, contextToken: 'sandbox-context-token' },
      ],
    });
    // Scheduled-trigger failures are not retried by the platform: the next run is the next interval.
    this.log('scheduled', `${key}: ${this.describe(result)}`);
    return result;
  }

  // ---------------------------------------------------------------- resolvers and web triggers

  /**
   * Calls a Custom UI resolver the way `invoke()` from @forge/bridge does: `moduleKey` is the UI module (issue panel,
   * admin page), `functionKey` the resolver definition, and the principal comes from the platform, never the payload.
   */
  async invokeResolver(request: {
    moduleKey: string;
    functionKey: string;
    payload?: unknown;
    accountId: string;
    extension?: Record<string, unknown>;
  }): Promise<unknown> {
    const ui = this.manifest.uiResolvers.get(request.moduleKey);
    if (!ui) throw new Error(`manifest.yml declares no UI module "${request.moduleKey}" with a resolver`);
    const result = await this.host.invoke({
      functionKey: ui.functionKey,
      moduleKey: request.moduleKey,
      kind: 'resolver',
      principal: { accountId: request.accountId },
      args: [
        {
          call: { functionKey: request.functionKey, payload: request.payload ?? {} },
          context: {
            cloudId: this.cloudId,
            moduleKey: request.moduleKey,
            localId: `${request.moduleKey}-sandbox`,
            environmentType: 'DEVELOPMENT',
            locale: 'en-US',
            timezone: 'UTC',
            extension: { type: ui.kind, ...request.extension },
          },
        },
        { principal: { accountId: request.accountId }, installContext: this.installContext },
      ],
    });
    this.log('resolver', `${request.moduleKey}/${request.functionKey}: ${this.describe(result)}`);
    if (result.status === 'ok') return result.value;
    throw result.status === 'error' ? result.error : new Error(`resolver ${request.functionKey} timed out`);
  }

  async invokeWebTrigger(key: string, request: WebTriggerRequest): Promise<WebTriggerResponse> {
    const trigger = this.manifest.webtriggers.find((t) => t.key === key);
    if (!trigger) throw new Error(`manifest.yml declares no webtrigger "${key}"`);
    const result = await this.host.invoke({
      functionKey: trigger.function,
      moduleKey: trigger.key,
      kind: 'webtrigger',
      args: [
        {
          method: request.method,
          headers: request.headers ?? {},
          body: request.body ?? '',
          path: request.path ?? '/',
          queryParameters: request.queryParameters ?? {},
        },
        { installContext: this.installContext },
      ],
    });
    this.log('webtrigger', `${key}: ${this.describe(result)}`);
    if (result.status !== 'ok') return { statusCode: 500, body: 'The web trigger function failed' };
    // A result that is not a valid web-trigger response is a 500 on the platform too.
    const parsed = webTriggerResponseSchema.safeParse(result.value);
    return parsed.success ? parsed.data : { statusCode: 500, body: 'Invalid web trigger response' };
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
