// An instance's TeamSupport requests per hour over the last day, which the app meters itself because TeamSupport
// limits requests per 24 hours and reports nothing about what is left (docs/teamsupport-api.md §12). Pure arithmetic on
// the record: adding an invocation's requests, the window's sum, and what one copy of the record lacks compared with
// another (store/teamsupport-usage.ts adds it back, so that two invocations adding at once lose nothing).
import { SLOW_PACES, type SlowPace } from './request-budget';

export const HOUR_MS = 60 * 60 * 1000;
/**
 * Hourly buckets kept: the current hour and the 24 before it. Their sum covers the whole last 24 hours and at most one
 * hour more, so the figure errs on the high side, where the slow-down is safe.
 */
export const WINDOW_HOURS = 25;

/** Requests per hour, keyed by the hour's number since the epoch (UTC), as text. */
export type HourlyCounts = Readonly<Record<string, number>>;

/** The record of one instance; a change to it has the same shape (the requests to add and the facts to keep). */
export interface RequestUsage {
  hours: HourlyCounts;
  /** when the scheduled pull of the instance last ran (ISO-8601 UTC) */
  pulledAt?: string;
  /** when the pull last warned in the sync log that it slowed down to each pace (ISO-8601 UTC) */
  warned?: Partial<Record<SlowPace, string>>;
}

export const EMPTY_USAGE: RequestUsage = { hours: {} };

export function hourOf(at: Date): number {
  return Math.floor(at.getTime() / HOUR_MS);
}

/** The change one invocation makes: `requests` in the hour of `at`, plus the facts it notes. */
export function requestsAt(
  requests: number,
  at: Date,
  facts: Omit<RequestUsage, 'hours'> = {},
): RequestUsage {
  return { ...facts, hours: requests === 0 ? {} : { [String(hourOf(at))]: requests } };
}

function inWindow(hour: string, at: Date): boolean {
  return Number(hour) > hourOf(at) - WINDOW_HOURS;
}

/** The requests of the last 24 hours (never below 0, though a bucket may be for a moment: see lostBetween). */
export function requestsInWindow(usage: RequestUsage | undefined, at: Date): number {
  if (usage === undefined) return 0;
  const total = Object.entries(usage.hours)
    .filter(([hour]) => inWindow(hour, at))
    .reduce((sum, [, count]) => sum + count, 0);
  return Math.max(0, total);
}

function later(a: string | undefined, b: string | undefined): string | undefined {
  if (a === undefined) return b;
  if (b === undefined) return a;
  return Date.parse(b) > Date.parse(a) ? b : a;
}

/** The warnings `pick` keeps, pace by pace; undefined when none. */
function warnings(pick: (pace: SlowPace) => string | undefined): RequestUsage['warned'] {
  const kept: Partial<Record<SlowPace, string>> = {};
  for (const pace of SLOW_PACES) {
    const at = pick(pace);
    if (at !== undefined) kept[pace] = at;
  }
  return Object.keys(kept).length === 0 ? undefined : kept;
}

function withFacts(hours: HourlyCounts, pulledAt: string | undefined, warned: RequestUsage['warned']) {
  return {
    hours,
    ...(pulledAt === undefined ? {} : { pulledAt }),
    ...(warned === undefined ? {} : { warned }),
  };
}

/**
 * `base` with `change` added: counts summed hour by hour, hours older than the window dropped, and of each fact the
 * later one kept.
 */
export function addUsage(base: RequestUsage, change: RequestUsage, at: Date): RequestUsage {
  const hours: Record<string, number> = {};
  for (const counts of [base.hours, change.hours]) {
    for (const [hour, count] of Object.entries(counts)) {
      if (inWindow(hour, at)) hours[hour] = (hours[hour] ?? 0) + count;
    }
  }
  const kept = Object.fromEntries(Object.entries(hours).filter(([, count]) => count !== 0));
  return withFacts(
    kept,
    later(base.pulledAt, change.pulledAt),
    warnings((pace) => later(base.warned?.[pace], change.warned?.[pace])),
  );
}

/**
 * What writing `written` over `found` lost, when `written` was built on `base`: the counts others added to `found`
 * since `base` was read (`found - base`, hour by hour; it can be negative in an hour where another writer's own
 * correction is still on its way), and the facts of `found` newer than those written. Empty when nothing was lost.
 */
export function lostBetween(base: RequestUsage, found: RequestUsage, written: RequestUsage): RequestUsage {
  const hours: Record<string, number> = {};
  for (const hour of new Set([...Object.keys(base.hours), ...Object.keys(found.hours)])) {
    const difference = (found.hours[hour] ?? 0) - (base.hours[hour] ?? 0);
    if (difference !== 0) hours[hour] = difference;
  }
  const newer = (mine: string | undefined, theirs: string | undefined) =>
    theirs !== undefined && (mine === undefined || Date.parse(theirs) > Date.parse(mine))
      ? theirs
      : undefined;
  return withFacts(
    hours,
    newer(written.pulledAt, found.pulledAt),
    warnings((pace) => newer(written.warned?.[pace], found.warned?.[pace])),
  );
}

export function isEmptyUsage(usage: RequestUsage): boolean {
  return Object.keys(usage.hours).length === 0 && usage.pulledAt === undefined && usage.warned === undefined;
}
