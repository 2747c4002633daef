// Injected trouble for resilience tests: the next N API requests (optionally only those matching a method and a
// path fragment) fail with a chosen status and body, and every API request can be delayed. Faults hit before
// authentication, so they are not counted against the org's rate limits.
export interface FaultSpec {
  readonly status: number;
  readonly body: string;
  readonly contentType?: string;
  readonly headers?: Readonly<Record<string, string>>;
  /** only requests with this HTTP method */
  readonly method?: string;
  /** only requests whose path contains this text (case-insensitive) */
  readonly pathIncludes?: string;
}

interface PendingFault {
  readonly spec: FaultSpec;
  remaining: number;
}

export class FaultInjector {
  private pending: PendingFault[] = [];
  private latency = 0;

  failNext(count: number, spec: FaultSpec): void {
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
