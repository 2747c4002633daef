// Request accounting: what each invocation cost, per target. Benchmarks print these figures and tests assert on them,
// so every platform call the sandbox routes is counted here, attributed to the invocation that made it.
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
  /** keyed by target: 'jira', 'kvs', 'queue', 'platform' or an external host such as '127.0.0.1:4567' */
  requests: Record<string, RequestStat>;
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

export class Accounting {
  private records: InvocationRecord[] = [];
  private totalsByTarget: Record<string, RequestStat> = {};

  begin(record: Omit<InvocationRecord, 'requests'>): InvocationRecord {
    const full: InvocationRecord = { ...record, requests: {} };
    this.records.push(full);
    if (this.records.length > MAX_RECORDS) this.records.splice(0, this.records.length - MAX_RECORDS);
    return full;
  }

  count(record: InvocationRecord | undefined, target: string, bytesOut: number, bytesIn: number): void {
    add(this.totalsByTarget, target, bytesOut, bytesIn);
    if (record) add(record.requests, target, bytesOut, bytesIn);
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
