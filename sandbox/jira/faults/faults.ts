export interface RequestMatcher {
  method?: string;
  /** a RegExp, or a string the path must start with */
  path?: RegExp | string;
}

export type RateLimitReason =
  'jira-quota-global-based' | 'jira-burst-based' | 'jira-per-issue-on-write' | (string & {});

export interface RateLimitOptions {
  retryAfterSeconds?: number;
  reason?: RateLimitReason;
  match?: RequestMatcher;
}

export interface ServerErrorOptions {
  status?: 500 | 502 | 503 | 504;
  match?: RequestMatcher;
}

export type InjectedFault =
  | { kind: 'rate-limit'; retryAfterSeconds: number; reason: string }
  | { kind: 'server-error'; status: number };

interface CountedFault {
  remaining: number;
  fault: InjectedFault;
  match?: RequestMatcher;
}

function matches(matcher: RequestMatcher | undefined, method: string, path: string): boolean {
  if (!matcher) return true;
  if (matcher.method && matcher.method.toUpperCase() !== method.toUpperCase()) return false;
  if (matcher.path === undefined) return true;
  return typeof matcher.path === 'string' ? path.startsWith(matcher.path) : matcher.path.test(path);
}

/** Faults tests switch on: latency, 429s (next N or persistent per path), 5xx (next N). */
export class FaultPlan {
  private latency: { ms: number; match?: RequestMatcher }[] = [];
  private counted: CountedFault[] = [];
  private persistent: { fault: InjectedFault; match: RequestMatcher }[] = [];

  /** Adds `ms` of delay to every matching request; `setLatency(0)` removes all latency rules. */
  setLatency(ms: number, match?: RequestMatcher): void {
    if (ms <= 0) this.latency = [];
    else this.latency.push({ ms, ...(match ? { match } : {}) });
  }

  rateLimitNext(count: number, options: RateLimitOptions = {}): void {
    this.counted.push({
      remaining: count,
      fault: rateLimit(options),
      ...(options.match ? { match: options.match } : {}),
    });
  }

  /** Every matching request gets 429 until `clear()`. */
  rateLimitMatching(match: RequestMatcher, options: Omit<RateLimitOptions, 'match'> = {}): void {
    this.persistent.push({ fault: rateLimit(options), match });
  }

  failNext(count: number, options: ServerErrorOptions = {}): void {
    this.counted.push({
      remaining: count,
      fault: { kind: 'server-error', status: options.status ?? 503 },
      ...(options.match ? { match: options.match } : {}),
    });
  }

  clear(): void {
    this.latency = [];
    this.counted = [];
    this.persistent = [];
  }

  latencyFor(method: string, path: string): number {
    return this.latency
      .filter((rule) => matches(rule.match, method, path))
      .reduce((sum, rule) => sum + rule.ms, 0);
  }

  /** The fault this request suffers, if any; counted faults are used up in the order they were added. */
  take(method: string, path: string): InjectedFault | undefined {
    const counted = this.counted.find((entry) => entry.remaining > 0 && matches(entry.match, method, path));
    if (counted) {
      counted.remaining -= 1;
      this.counted = this.counted.filter((entry) => entry.remaining > 0);
      return counted.fault;
    }
    return this.persistent.find((entry) => matches(entry.match, method, path))?.fault;
  }
}

function rateLimit(options: RateLimitOptions): InjectedFault {
  return {
    kind: 'rate-limit',
    retryAfterSeconds: options.retryAfterSeconds ?? 1,
    reason: options.reason ?? 'jira-burst-based',
  };
}
