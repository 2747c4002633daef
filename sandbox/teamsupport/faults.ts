// Injected trouble for resilience tests: the next N API requests (optionally only those matching a method and a
// path fragment) fail with a chosen status and body, or lose their connection, and every API request can be delayed.
// By default (phase 'before') a fault hits before authentication: the request is not applied, nor counted against the
// org's rate limits. With phase 'after' the request runs first (authenticated, counted, applied) and only its reply
// is replaced: the write happened, the client cannot tell.
export type FaultPhase = 'before' | 'after';

export interface FaultSpec {
  /** the status the client gets; required unless `dropConnection` */
  readonly status?: number;
  /** default '' */
  readonly body?: string;
  /** default text/plain; charset=utf-8 */
  readonly contentType?: string;
  readonly headers?: Readonly<Record<string, string>>;
  /** only requests with this HTTP method */
  readonly method?: string;
  /** only requests whose path contains this text (case-insensitive) */
  readonly pathIncludes?: string;
  /** 'before' (default): instead of the request; 'after': the request is applied, then its reply is replaced */
  readonly phase?: FaultPhase;
  /** destroy the connection instead of answering (status, body and headers are then unused) */
  readonly dropConnection?: boolean;
}

interface PendingFault {
  readonly spec: FaultSpec;
  remaining: number;
}

export class FaultInjector {
  private pending: PendingFault[] = [];
  private latency = 0;

  failNext(count: number, spec: FaultSpec): void {
    if (spec.status === undefined && spec.dropConnection !== true) {
      throw new Error('failNext: a fault needs a status unless it drops the connection');
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
