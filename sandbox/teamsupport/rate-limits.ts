// Per-org request counters, counted like the server's API log: every authenticated request is logged (refused ones
// included), and a request is refused with 403 when the requests already logged in the window reach the limit.
// The 24-hour window is rolling; the minute window is the current clock minute.
import { textReply, type HttpReply } from './http-reply';
import type { OrgRecord } from './model';

const MINUTE_MS = 60 * 1000;
const DAY_MS = 24 * 60 * MINUTE_MS;

export interface RequestCounters {
  /** requests logged in the current clock minute */
  readonly minute: number;
  /** requests logged in the last 24 hours */
  readonly day: number;
  /** requests logged since start */
  readonly total: number;
}

export function limitExceededBody(kind: 'minute' | '24 hour', limit: number): string {
  return `{ "Error": "You have exceeded your ${kind} API request limit of ${limit}."}`;
}

/** First index of a sorted array whose value is greater than `value` (or not less, with `inclusive`). */
function boundary(sorted: readonly number[], value: number, inclusive: boolean): number {
  let low = 0;
  let high = sorted.length;
  while (low < high) {
    const middle = (low + high) >>> 1;
    const at = sorted[middle] ?? Number.NaN;
    if (at < value || (!inclusive && at === value)) low = middle + 1;
    else high = middle;
  }
  return low;
}

export class RateLimiter {
  // Request times per org kept sorted (the clock can be set back), so each count is a binary search rather than
  // a pass over a day of requests.
  private readonly hits = new Map<number, number[]>();
  private readonly totals = new Map<number, number>();

  /** Log a request and say whether the org was already over a limit (the reply to send instead). */
  admit(org: OrgRecord, now: Date): HttpReply | null {
    const before = this.counters(org.id, now);
    this.record(org.id, now);
    // No Retry-After and no rate-limit headers (docs/teamsupport-api.md §12).
    if (before.day >= org.dailyLimit) return textReply(403, limitExceededBody('24 hour', org.dailyLimit));
    if (before.minute >= org.minuteLimit) return textReply(403, limitExceededBody('minute', org.minuteLimit));
    return null;
  }

  counters(orgId: number, now: Date): RequestCounters {
    const nowMs = now.getTime();
    const minuteStart = Math.floor(nowMs / MINUTE_MS) * MINUTE_MS;
    const hits = this.prune(orgId, nowMs);
    const upToNow = boundary(hits, nowMs, false);
    return {
      minute: upToNow - boundary(hits, minuteStart, true),
      day: upToNow,
      total: this.totals.get(orgId) ?? 0,
    };
  }

  reset(orgId?: number): void {
    if (orgId === undefined) {
      this.hits.clear();
      this.totals.clear();
    } else {
      this.hits.delete(orgId);
      this.totals.delete(orgId);
    }
  }

  private record(orgId: number, now: Date): void {
    const at = now.getTime();
    const hits = this.hits.get(orgId) ?? [];
    const last = hits[hits.length - 1];
    if (last === undefined || last <= at) hits.push(at);
    else hits.splice(boundary(hits, at, false), 0, at);
    this.hits.set(orgId, hits);
    this.totals.set(orgId, (this.totals.get(orgId) ?? 0) + 1);
  }

  /** Forget the requests older than the rolling day. */
  private prune(orgId: number, nowMs: number): number[] {
    const hits = this.hits.get(orgId) ?? [];
    const expired = boundary(hits, nowMs - DAY_MS, false);
    if (expired > 0) hits.splice(0, expired);
    this.hits.set(orgId, hits);
    return hits;
  }
}
