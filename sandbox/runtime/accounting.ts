// Request accounting: what each invocation cost, per target. Benchmarks print these figures and tests assert on them,
// so every platform call the sandbox routes is counted here, attributed to the invocation that made it. Each record
// also keeps what its invocation printed, as `forge logs` shows it per invocation.
import type { AppLogLine } from './app-log';

export interface RequestStat {
  count: number;
  bytesOut: number;
  bytesIn: number;
}

export type InvocationOutcome = 'ok' | 'error' | 'retry' | 'timeout';

export interface InvocationRecord {
  invocationId: string;
  functionKey: string;
  moduleKey: string;
  kind: string;
  startedAt: number;
  budgetMs: number;
  durationMs?: number;
  outcome?: InvocationOutcome;
  error?: string;
  /** keyed by target: 'jira', 'kvs', 'queue', 'platform' or an external host such as 'sandbox.teamsupport.com' */
  requests: Record<string, RequestStat>;
  /** the last console lines the invocation printed (at most MAX_LOGS_PER_INVOCATION) */
  logs: AppLogLine[];
  /** how many earlier lines were dropped to keep `logs` bounded */
  logsDropped?: number;
}

const emptyStat = (): RequestStat => ({ count: 0, bytesOut: 0, bytesIn: 0 });

function add(into: Record<string, RequestStat>, target: string, bytesOut: number, bytesIn: number): void {
  const stat = (into[target] ??= emptyStat());
  stat.count += 1;
  stat.bytesOut += bytesOut;
  stat.bytesIn += bytesIn;
}

// Long sandbox sessions must not grow without bound; old invocation records are dropped first.
const MAX_RECORDS = 20_000;
// A chatty or looping handler must not hold unbounded output either; its latest lines say most about how it ended.
export const MAX_LOGS_PER_INVOCATION = 200;

export class Accounting {
  private records: InvocationRecord[] = [];
  private totalsByTarget: Record<string, RequestStat> = {};

  begin(record: Omit<InvocationRecord, 'requests' | 'logs' | 'logsDropped'>): InvocationRecord {
    const full: InvocationRecord = { ...record, requests: {}, logs: [] };
    this.records.push(full);
    if (this.records.length > MAX_RECORDS) this.records.splice(0, this.records.length - MAX_RECORDS);
    return full;
  }

  count(record: InvocationRecord | undefined, target: string, bytesOut: number, bytesIn: number): void {
    add(this.totalsByTarget, target, bytesOut, bytesIn);
    if (record) add(record.requests, target, bytesOut, bytesIn);
  }

  keepLog(record: InvocationRecord, line: AppLogLine): void {
    record.logs.push(line);
    if (record.logs.length <= MAX_LOGS_PER_INVOCATION) return;
    record.logs.shift();
    record.logsDropped = (record.logsDropped ?? 0) + 1;
  }

  invocations(filter?: { functionKey?: string; kind?: string }): InvocationRecord[] {
    return this.records.filter(
      (r) =>
        (filter?.functionKey === undefined || r.functionKey === filter.functionKey) &&
        (filter?.kind === undefined || r.kind === filter.kind),
    );
  }

  totals(): Record<string, RequestStat> {
    return structuredClone(this.totalsByTarget);
  }

  /** Sum of one target's requests over the given invocations (all when omitted). */
  requestsTo(target: string, records: InvocationRecord[] = this.records): number {
    return records.reduce((sum, r) => sum + (r.requests[target]?.count ?? 0), 0);
  }

  reset(): void {
    this.records = [];
    this.totalsByTarget = {};
  }
}
