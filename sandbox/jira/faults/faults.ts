// Faults the Jira emulator can inject into the next matching requests: 429s, 5xx, lost answers (applied, answer
// gone), unreadable success bodies and empty pages; what the app's fault tests drive.
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

/** How an answer is lost: a gateway error in place of the real answer, or the connection cut before any answer. */
export type AnswerLoss = 502 | 503 | 504 | 'reset';

export interface LoseAnswerOptions {
  /** default 504 */
  as?: AnswerLoss;
  match?: RequestMatcher;
}

export interface UnreadableSuccessOptions {
  /** what the client gets instead of the JSON body; default `<html>gateway</html>` */
  body?: string;
  /** default `text/html; charset=utf-8` */
  contentType?: string;
  match?: RequestMatcher;
}

export interface EmptyPageOptions {
  match?: RequestMatcher;
}

export type InjectedFault =
  | { kind: 'rate-limit'; retryAfterSeconds: number; reason: string }
  | { kind: 'server-error'; status: number }
  | { kind: 'answer-lost'; as: AnswerLoss }
  | { kind: 'unreadable-body'; body: string; contentType: string }
  | { kind: 'empty-page' };

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

/**
 * Faults tests switch on: latency, 429s (next N or persistent per path), 5xx (next N), and answers lost or garbled
 * after the request was applied (next N). A request suffers at most one fault.
 */
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

  /**
   * The next `count` matching requests are applied as usual (state changes, product events fire), then the client
   * gets a JSON gateway error (`as: 502 | 503 | 504`, default 504) instead of the answer, or the connection is cut
   * with no answer at all (`as: 'reset'`).
   */
  loseAnswerNext(count: number, options: LoseAnswerOptions = {}): void {
    const as = options.as ?? 504;
    if (as !== 'reset' && as !== 502 && as !== 503 && as !== 504) {
      throw new Error(`loseAnswerNext: 'as' must be 502, 503, 504 or 'reset', not ${String(as)}`);
    }
    this.counted.push({
      remaining: count,
      fault: { kind: 'answer-lost', as },
      ...(options.match ? { match: options.match } : {}),
    });
  }

  /**
   * The next `count` matching requests are applied as usual; a 2xx answer keeps its status but its body becomes
   * text that is not JSON (default `<html>gateway</html>`). A matching request that does not succeed with a body
   * (an error, a 204) uses up the fault and keeps its answer.
   */
  unreadableSuccessNext(count: number, options: UnreadableSuccessOptions = {}): void {
    this.counted.push({
      remaining: count,
      fault: {
        kind: 'unreadable-body',
        body: options.body ?? '<html>gateway</html>',
        contentType: options.contentType ?? 'text/html; charset=utf-8',
      },
      ...(options.match ? { match: options.match } : {}),
    });
  }

  /**
   * The next `count` matching requests answer their 2xx page with every list in it emptied and everything else kept
   * (`total`, `isLast`, `startAt`): a page that is empty yet still says there are more. Other answers pass unchanged.
   */
  emptyPageNext(count: number, options: EmptyPageOptions = {}): void {
    this.counted.push({
      remaining: count,
      fault: { kind: 'empty-page' },
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

/** A page answer with its lists (issueTypes, fields, values, comments…) emptied and its other members kept. */
export function emptiedPage(body: unknown): unknown {
  if (typeof body !== 'object' || body === null || Array.isArray(body)) return body;
  return Object.fromEntries(
    Object.entries(body).map(([key, value]) => [key, Array.isArray(value) ? [] : value]),
  );
}
