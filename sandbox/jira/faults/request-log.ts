// Every request the Jira emulator answered (principal, operation, status, injected fault) and running counters,
// which tests and benchmarks read to count the app's Jira calls.
export type FaultMark =
  'rate-limit' | 'server-error' | 'per-issue-write-limit' | 'answer-lost' | 'unreadable-body' | 'empty-page';

export interface RequestLogEntry {
  method: string;
  path: string;
  query: string;
  operationId: string | null;
  /** `app`, `user:<accountId>`, or null when the header was missing */
  principal: string | null;
  /** what the client got; 0 when the connection was cut before any answer (`loseAnswerNext(n, {as: 'reset'})`) */
  status: number;
  /** the status the operation answered, when an injected fault replaced or cut that answer */
  appliedStatus?: number;
  timestamp: string;
  injectedLatencyMs: number;
  fault: FaultMark | null;
}

export interface RequestCounters {
  total: number;
  byStatus: Record<string, number>;
  byOperation: Record<string, number>;
  byPrincipal: Record<string, number>;
  byFault: Record<string, number>;
}

const MAX_ENTRIES = 50_000;

const bump = (counts: Record<string, number>, key: string): void => {
  counts[key] = (counts[key] ?? 0) + 1;
};

/** Every request with its outcome; counters survive the entry cap so long benchmarks still count right. */
export class RequestLog {
  private entries: RequestLogEntry[] = [];
  private counts: RequestCounters = emptyCounters();

  record(entry: RequestLogEntry): void {
    this.entries.push(entry);
    if (this.entries.length > MAX_ENTRIES) this.entries.splice(0, this.entries.length - MAX_ENTRIES);
    this.counts.total += 1;
    bump(this.counts.byStatus, String(entry.status));
    bump(this.counts.byOperation, entry.operationId ?? 'unmatched');
    bump(this.counts.byPrincipal, entry.principal ?? 'anonymous');
    if (entry.fault) bump(this.counts.byFault, entry.fault);
  }

  list(): RequestLogEntry[] {
    return this.entries.map((entry) => ({ ...entry }));
  }

  counters(): RequestCounters {
    return structuredClone(this.counts);
  }

  reset(): void {
    this.entries = [];
    this.counts = emptyCounters();
  }
}

function emptyCounters(): RequestCounters {
  return { total: 0, byStatus: {}, byOperation: {}, byPrincipal: {}, byFault: {} };
}
