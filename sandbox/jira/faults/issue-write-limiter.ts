// Jira's per-issue write limit, emulated: a sliding-window count of writes per issue on the emulator clock (off
// unless a test or the sandbox turns it on).
import type { Clock } from '../state/clock';

export interface WriteLimit {
  max: number;
  windowMs: number;
}

/** Reported Jira Cloud figures for writes to a single issue (unverified): 20 per 2 s and 100 per 30 s. */
export const JIRA_PER_ISSUE_WRITE_LIMITS: WriteLimit[] = [
  { max: 20, windowMs: 2_000 },
  { max: 100, windowMs: 30_000 },
];

export type WriteCharge = { allowed: true } | { allowed: false; retryAfterSeconds: number };

/** Sliding-window count of writes per issue id, on the emulator clock so tests move time instead of sleeping. */
export class IssueWriteLimiter {
  private limits: WriteLimit[] = [];
  private readonly writes = new Map<string, number[]>();

  constructor(private readonly clock: Clock) {}

  setLimits(limits: WriteLimit[]): void {
    this.limits = limits.map((limit) => ({ ...limit }));
    this.writes.clear();
  }

  charge(issueId: string): WriteCharge {
    if (this.limits.length === 0) return { allowed: true };
    const now = this.clock.now();
    const longest = Math.max(...this.limits.map((limit) => limit.windowMs));
    const recent = (this.writes.get(issueId) ?? []).filter((at) => at > now - longest);
    for (const limit of this.limits) {
      const inWindow = recent.filter((at) => at > now - limit.windowMs);
      const oldest = inWindow[0];
      if (inWindow.length >= limit.max && oldest !== undefined) {
        this.writes.set(issueId, recent);
        return {
          allowed: false,
          retryAfterSeconds: Math.max(1, Math.ceil((oldest + limit.windowMs - now) / 1000)),
        };
      }
    }
    recent.push(now);
    this.writes.set(issueId, recent);
    return { allowed: true };
  }
}
