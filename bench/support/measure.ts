// What a stretch of sandbox activity cost: the invocations it ran, their requests per target (sandbox accounting),
// TeamSupport traffic split by kind (the emulator's request log), Jira reads and writes (the emulator's request log),
// and KVS operations by kind and subject (a tap on the KVS emulator, attributed to the invocation that made them).
import { setTimeout as delay } from 'node:timers/promises';
import { z } from 'zod';
import type { Accounting, InvocationRecord } from '../../sandbox/runtime/accounting';
import { currentInvocation } from '../../sandbox/runtime/invocation';
import type { RequestLogEntry as TeamSupportLogEntry } from '../../sandbox/teamsupport';

/** The invocations that started after it was made. */
export class InvocationWindow {
  private readonly before: ReadonlySet<InvocationRecord>;

  constructor(private readonly accounting: Accounting) {
    this.before = new Set(accounting.invocations());
  }

  records(filter?: { functionKey?: string }): InvocationRecord[] {
    return this.accounting.invocations(filter).filter((record) => !this.before.has(record));
  }
}

export function requestsTo(records: readonly InvocationRecord[], target: string): number {
  return records.reduce((sum, record) => sum + (record.requests[target]?.count ?? 0), 0);
}

export function allRequests(records: readonly InvocationRecord[]): number {
  return records.reduce(
    (sum, record) => sum + Object.values(record.requests).reduce((inner, stat) => inner + stat.count, 0),
    0,
  );
}

/** The accounting label of the host the app calls, e.g. 'sandbox.teamsupport.com' for the TeamSupport emulator. */
export function hostOf(baseUrl: string): string {
  return new URL(baseUrl).host;
}

export interface TeamSupportTraffic {
  total: number;
  reads: number;
  writes: number;
  /** GET /tickets?… (the pull's window pages and field searches) */
  listPages: number;
  /** GET /tickets/{id}/actions */
  actionLists: number;
  /** GET /properties/…, /users, /products: name → id lookups */
  lookups: number;
  /** GET /tickets/{id} */
  ticketReads: number;
  /** 403 answers: TeamSupport's rate limits */
  rateLimited: number;
}

export function teamSupportTraffic(entries: readonly TeamSupportLogEntry[]): TeamSupportTraffic {
  const traffic: TeamSupportTraffic = {
    total: 0,
    reads: 0,
    writes: 0,
    listPages: 0,
    actionLists: 0,
    lookups: 0,
    ticketReads: 0,
    rateLimited: 0,
  };
  for (const entry of entries) {
    const path = new URL(entry.url, 'http://emulator.invalid').pathname
      .toLowerCase()
      .replace(/^\/api\/json/, '');
    traffic.total += 1;
    if (entry.status === 403) traffic.rateLimited += 1;
    if (entry.method !== 'GET') {
      traffic.writes += 1;
      continue;
    }
    traffic.reads += 1;
    if (path === '/tickets') traffic.listPages += 1;
    else if (/^\/tickets\/\d+\/actions$/.test(path)) traffic.actionLists += 1;
    else if (/^\/tickets\/\d+$/.test(path)) traffic.ticketReads += 1;
    else traffic.lookups += 1;
  }
  return traffic;
}

export interface JiraTraffic {
  reads: number;
  writes: number;
  /** operationId → count */
  byOperation: Map<string, number>;
}

/** Jira operations that read although they are POSTs (a JQL search, a count, a Jira expression): they change nothing. */
const READS_BY_POST = new Set([
  'searchAndReconsileIssuesUsingJqlPost',
  'countIssues',
  'evaluateJSISJiraExpression',
  'evaluateJiraExpression',
]);

export function jiraTraffic(
  entries: ReadonlyArray<{ method: string; operationId: string | null }>,
): JiraTraffic {
  const traffic: JiraTraffic = { reads: 0, writes: 0, byOperation: new Map() };
  for (const entry of entries) {
    if (entry.method === 'GET' || READS_BY_POST.has(entry.operationId ?? '')) traffic.reads += 1;
    else traffic.writes += 1;
    const operation = entry.operationId ?? `${entry.method} (unmatched)`;
    traffic.byOperation.set(operation, (traffic.byOperation.get(operation) ?? 0) + 1);
  }
  return traffic;
}

interface KvsService {
  handle(path: string, body: unknown): { status: number; body?: unknown };
}

const kvsOperand = z.looseObject({ key: z.string().optional(), entityName: z.string().optional() });
const kvsBody = z.looseObject({
  key: z.string().optional(),
  entityName: z.string().optional(),
  set: z.array(kvsOperand).optional(),
  delete: z.array(kvsOperand).optional(),
  check: z.array(kvsOperand).optional(),
});

/** What a KVS call touched: the entity, or for plain keys and secrets the key's prefix ('config', 'cursor', …). */
function subjectOf(body: unknown): string {
  const parsed = kvsBody.safeParse(body);
  if (!parsed.success) return '?';
  const data = parsed.data;
  const operand =
    data.entityName !== undefined || data.key !== undefined
      ? data
      : (data.set?.[0] ?? data.delete?.[0] ?? data.check?.[0]);
  if (operand?.entityName !== undefined) return operand.entityName;
  return operand?.key?.split(':')[0] ?? '?';
}

/**
 * Counts every KVS call by "operation subject" (e.g. 'entity/set mirror', 'transaction link', 'get config'), per
 * invocation. It wraps the emulator's entry point, as the integration tests do to inject storage failures.
 */
export class KvsTap {
  private readonly byInvocation = new Map<string, Map<string, number>>();

  constructor(kvs: KvsService) {
    const handle = kvs.handle.bind(kvs);
    kvs.handle = (path, body) => {
      const invocationId = currentInvocation()?.record.invocationId ?? 'outside-invocation';
      const label = `${path.replace(/^\/api\/v1\//, '')} ${subjectOf(body)}`;
      const counts = this.byInvocation.get(invocationId) ?? new Map<string, number>();
      counts.set(label, (counts.get(label) ?? 0) + 1);
      this.byInvocation.set(invocationId, counts);
      return handle(path, body);
    };
  }

  /** KVS calls of these invocations, by label. */
  countsFor(records: readonly InvocationRecord[]): Map<string, number> {
    const total = new Map<string, number>();
    for (const record of records) {
      for (const [label, n] of this.byInvocation.get(record.invocationId) ?? []) {
        total.set(label, (total.get(label) ?? 0) + n);
      }
    }
    return total;
  }
}

export function sum(counts: ReadonlyMap<string, number>): number {
  return [...counts.values()].reduce((a, b) => a + b, 0);
}

/**
 * The emulators' latency waits, counted: how many requests a server is holding at once. The peak is the
 * concurrency the app actually used against that server.
 */
export class ConcurrencyGauge {
  private inFlight = 0;
  peak = 0;

  readonly sleep = async (ms: number): Promise<void> => {
    this.inFlight += 1;
    this.peak = Math.max(this.peak, this.inFlight);
    try {
      await delay(ms);
    } finally {
      this.inFlight -= 1;
    }
  };

  resetPeak(): void {
    this.peak = this.inFlight;
  }
}

/** Collects what the app writes to the console while a benchmark runs, so the tables stay readable. */
export class ConsoleCapture {
  readonly counts = { debug: 0, info: 0, warn: 0, error: 0, log: 0 };
  readonly samples: string[] = [];
  private readonly originals = {
    debug: console.debug,
    info: console.info,
    warn: console.warn,
    error: console.error,
    log: console.log,
  };

  start(): void {
    for (const level of ['debug', 'info', 'warn', 'error', 'log'] as const) {
      console[level] = (...args: unknown[]) => {
        this.counts[level] += 1;
        if ((level === 'warn' || level === 'error') && this.samples.length < 5) {
          this.samples.push(`${level}: ${args.map(String).join(' ').slice(0, 300)}`);
        }
      };
    }
  }

  stop(): void {
    Object.assign(console, this.originals);
  }
}

/** Storage calls that write: Forge counts each (a transaction or a batch as one) against 4,000 writes a minute. */
const WRITE_PATH = /\/(set|delete|transaction|batch\/set|batch\/delete|entity\/set|entity\/delete)$/;

/**
 * When each KVS write request was made (sandbox time), for the busiest 60-second window: the figure Forge storage's
 * per-installation write limit applies to (docs/forge-platform.md).
 */
export class KvsWriteClock {
  private readonly times: number[] = [];

  constructor(kvs: KvsService) {
    const handle = kvs.handle.bind(kvs);
    kvs.handle = (path, body) => {
      if (WRITE_PATH.test(path)) this.times.push(Date.now());
      return handle(path, body);
    };
  }

  get writes(): number {
    return this.times.length;
  }

  /** the most writes in any 60-second window */
  peakPerMinute(): number {
    let peak = 0;
    let first = 0;
    for (let last = 0; last < this.times.length; last++) {
      const end = this.times[last] ?? 0;
      while ((this.times[first] ?? 0) <= end - 60_000) first++;
      peak = Math.max(peak, last - first + 1);
    }
    return peak;
  }
}
