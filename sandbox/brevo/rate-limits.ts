// Brevo's request limits per account and endpoint group (https://developers.brevo.com/docs/api-limits, "General"
// tier): POST /v3/events and all of /v3/contacts/** allow 10 requests/s and 36,000 requests/h each; every other
// endpoint 100 requests/h. Every answer of a limited group carries the limit headers of
// https://developers.brevo.com/docs/limit-headers (`x-sib-ratelimit-limit`, `-remaining`, `-reset` in seconds); over
// the limit the answer is 429 with the error model. `Retry-After` is optional and off by default, as Brevo is reported
// not to send it.
//
// Windows are fixed (the current clock second, the current clock hour). Only requests that were let through count:
// a refused request does not push the window further.

export const RATE_LIMIT_GROUPS = ['events', 'contacts', 'other'] as const;
export type RateLimitGroup = (typeof RATE_LIMIT_GROUPS)[number];

export interface GroupLimit {
  /** requests per clock second; null: no per-second limit */
  readonly perSecond: number | null;
  /** requests per clock hour; null: no per-hour limit */
  readonly perHour: number | null;
}

export type RateLimitConfig = Readonly<Record<RateLimitGroup, GroupLimit>>;

export const BREVO_RATE_LIMITS: RateLimitConfig = {
  events: { perSecond: 10, perHour: 36_000 },
  contacts: { perSecond: 10, perHour: 36_000 },
  other: { perSecond: null, perHour: 100 },
};

export const RATE_LIMIT_HEADERS = {
  limit: 'x-sib-ratelimit-limit',
  remaining: 'x-sib-ratelimit-remaining',
  reset: 'x-sib-ratelimit-reset',
} as const;

/** The group a path below /v3 belongs to. */
export function rateLimitGroup(path: string): RateLimitGroup {
  if (path === '/events' || path.startsWith('/events/')) return 'events';
  if (path === '/contacts' || path.startsWith('/contacts/')) return 'contacts';
  return 'other';
}

export interface Admission {
  readonly allowed: boolean;
  /** the x-sib-ratelimit-* headers (empty when the group has no limit) */
  readonly headers: Record<string, string>;
  /** seconds until the binding window resets */
  readonly resetSeconds: number;
}

export interface GroupCounters {
  /** requests let through in the current clock second */
  readonly second: number;
  /** requests let through in the current clock hour */
  readonly hour: number;
  /** requests let through since the counters were reset */
  readonly total: number;
  /** requests refused with 429 since the counters were reset */
  readonly refused: number;
}

interface Window {
  readonly size: number;
  readonly limit: number;
  readonly index: number;
  readonly count: number;
}

interface Counts {
  secondIndex: number;
  second: number;
  hourIndex: number;
  hour: number;
  total: number;
  refused: number;
}

const SECOND = 1000;
const HOUR = 3_600_000;

export class RateLimiter {
  private limits: Record<RateLimitGroup, GroupLimit>;
  private readonly counts = new Map<string, Counts>();

  constructor(config: Partial<RateLimitConfig> = {}) {
    this.limits = { ...BREVO_RATE_LIMITS, ...config };
  }

  config(): RateLimitConfig {
    return { ...this.limits };
  }

  /** Replaces the limits of the groups given; the others keep theirs. */
  configure(config: Partial<RateLimitConfig>): void {
    this.limits = { ...this.limits, ...config };
  }

  /** Counts the request if it is within the limits and says which headers its answer carries. */
  admit(accountId: number, group: RateLimitGroup, now: Date): Admission {
    const counts = this.current(accountId, group, now.getTime());
    const windows = this.windows(group, counts);
    const nowMs = now.getTime();
    const resetOf = (window: Window) =>
      Math.max(1, Math.ceil(((window.index + 1) * window.size - nowMs) / 1000));
    const exceeded = windows.filter((window) => window.count >= window.limit);
    if (exceeded.length > 0) {
      counts.refused += 1;
      // The window that keeps the request out longest is the one to wait for.
      const binding = exceeded.reduce((a, b) => (resetOf(b) > resetOf(a) ? b : a));
      return {
        allowed: false,
        headers: headersOf(binding.limit, 0, resetOf(binding)),
        resetSeconds: resetOf(binding),
      };
    }
    counts.second += 1;
    counts.hour += 1;
    counts.total += 1;
    const after = this.windows(group, counts);
    if (after.length === 0) return { allowed: true, headers: {}, resetSeconds: 0 };
    // The window closest to running out is the one the headers describe.
    const binding = after.reduce((a, b) => (b.limit - b.count < a.limit - a.count ? b : a));
    return {
      allowed: true,
      headers: headersOf(binding.limit, binding.limit - binding.count, resetOf(binding)),
      resetSeconds: resetOf(binding),
    };
  }

  counters(accountId: number, group: RateLimitGroup, now: Date): GroupCounters {
    const counts = this.current(accountId, group, now.getTime());
    return { second: counts.second, hour: counts.hour, total: counts.total, refused: counts.refused };
  }

  reset(accountId?: number): void {
    if (accountId === undefined) this.counts.clear();
    else for (const group of RATE_LIMIT_GROUPS) this.counts.delete(`${accountId}:${group}`);
  }

  private windows(group: RateLimitGroup, counts: Counts): Window[] {
    const { perSecond, perHour } = this.limits[group];
    const windows: Window[] = [];
    if (perSecond !== null) {
      windows.push({ size: SECOND, limit: perSecond, index: counts.secondIndex, count: counts.second });
    }
    if (perHour !== null)
      windows.push({ size: HOUR, limit: perHour, index: counts.hourIndex, count: counts.hour });
    return windows;
  }

  /** The counts of the windows `nowMs` falls in (a window that has passed, or a clock set back, starts afresh). */
  private current(accountId: number, group: RateLimitGroup, nowMs: number): Counts {
    const key = `${accountId}:${group}`;
    const counts = this.counts.get(key) ?? {
      secondIndex: Math.floor(nowMs / SECOND),
      second: 0,
      hourIndex: Math.floor(nowMs / HOUR),
      hour: 0,
      total: 0,
      refused: 0,
    };
    const secondIndex = Math.floor(nowMs / SECOND);
    const hourIndex = Math.floor(nowMs / HOUR);
    if (counts.secondIndex !== secondIndex) Object.assign(counts, { secondIndex, second: 0 });
    if (counts.hourIndex !== hourIndex) Object.assign(counts, { hourIndex, hour: 0 });
    this.counts.set(key, counts);
    return counts;
  }
}

function headersOf(limit: number, remaining: number, resetSeconds: number): Record<string, string> {
  return {
    [RATE_LIMIT_HEADERS.limit]: String(limit),
    [RATE_LIMIT_HEADERS.remaining]: String(remaining),
    [RATE_LIMIT_HEADERS.reset]: String(resetSeconds),
  };
}

/** The body of a 429: the error model (the exact code Brevo sends is not documented; see the README). */
export const TOO_MANY_REQUESTS = {
  code: 'too_many_requests',
  message: 'The expected rate limit is exceeded.',
} as const;
