// Injected trouble for resilience tests, as in the other emulators (sandbox/teamsupport/faults.ts): the next N API
// requests (optionally only those with a method and a path fragment) fail with a chosen answer or lose their
// connection, and every API request can be delayed.
// Phase 'before' (default): the fault answers instead of the API; nothing is applied or counted against the limits.
// Phase 'after': the request runs first (authenticated, counted, applied), then its answer is replaced or cut off: the
// write happened and the client cannot tell.
export type FaultPhase = 'before' | 'after';

export interface FaultSpec {
  /** the status the client gets; required unless `dropConnection` (or `successOnly`, which keeps the status) */
  readonly status?: number;
  /** default '' */
  readonly body?: string;
  /** default application/json; charset=utf-8 */
  readonly contentType?: string;
  readonly headers?: Readonly<Record<string, string>>;
  /** only requests with this HTTP method */
  readonly method?: string;
  /** only requests whose path contains this text (case-insensitive) */
  readonly pathIncludes?: string;
  readonly phase?: FaultPhase;
  /** destroy the connection instead of answering (status, body and headers are then unused) */
  readonly dropConnection?: boolean;
  /**
   * phase 'after' only: replace the answer only when the operation succeeded, keeping its status (a 204, which has no
   * body to spoil, becomes 200): "applied, and the success could not be read"
   */
  readonly successOnly?: boolean;
}

interface PendingFault {
  readonly spec: FaultSpec;
  remaining: number;
}

export class FaultInjector {
  private pending: PendingFault[] = [];
  private latency = 0;

  failNext(count: number, spec: FaultSpec): void {
    if (spec.status === undefined && spec.dropConnection !== true && spec.successOnly !== true) {
      throw new Error('failNext: a fault needs a status unless it drops the connection or keeps a success');
    }
    if (spec.successOnly === true && spec.phase !== 'after') {
      throw new Error(
        "failNext: successOnly needs phase 'after' (only an applied request has a success to spoil)",
      );
    }
    if (count > 0) this.pending.push({ spec, remaining: count });
  }

  /** Delay every API request by `ms` (0 turns it off). */
  setLatency(ms: number): void {
    this.latency = Math.max(0, ms);
  }

  get latencyMs(): number {
    return this.latency;
  }

  pendingCount(): number {
    return this.pending.reduce((sum, fault) => sum + fault.remaining, 0);
  }

  clear(): void {
    this.pending = [];
    this.latency = 0;
  }

  /** The fault to apply to this request, if any (consumes one occurrence). */
  take(method: string, path: string): FaultSpec | null {
    const fault = this.pending.find(
      ({ spec }) =>
        (spec.method === undefined || spec.method.toUpperCase() === method.toUpperCase()) &&
        (spec.pathIncludes === undefined || path.toLowerCase().includes(spec.pathIncludes.toLowerCase())),
    );
    if (!fault) return null;
    fault.remaining -= 1;
    if (fault.remaining <= 0) this.pending = this.pending.filter((candidate) => candidate !== fault);
    return fault.spec;
  }
}
