// How fast the scheduled pull of a TeamSupport instance may run, given the requests it used in the last 24 hours.
// TeamSupport limits each organization's requests per 24 hours (docs/teamsupport-api.md §12) and tells nobody how many
// are left; an organization over its limit gets 403s for hours, which stops Jira → TeamSupport too. So the pull slows
// down before the limit, keeping what is left for the writes people are waiting for: from 90 % of the day's limit it
// pulls every 15 minutes instead of every 5, from 98 % once an hour, and back to every cycle once use drops.

export const SLOW_PERCENT = 90;
export const HOURLY_PERCENT = 98;

export const SLOW_PACES = ['every-15-minutes', 'hourly'] as const;
export type SlowPace = (typeof SLOW_PACES)[number];
export type PullPace = 'every-cycle' | SlowPace;

const MINUTE_MS = 60_000;
const INTERVAL_MS: Record<SlowPace, number> = { 'every-15-minutes': 15 * MINUTE_MS, hourly: 60 * MINUTE_MS };
/**
 * A scheduled trigger fires every 5 minutes, give or take some seconds, and the last pull's time is taken when it
 * started: without this slack a cycle that came 2 s early would make "every 15 minutes" every 20.
 */
const EARLY_START_MS = MINUTE_MS;
/** A pace is announced in the sync log at most once a day. */
const WARNING_INTERVAL_MS = 24 * 60 * MINUTE_MS;

const WORDS: Record<SlowPace, string> = {
  'every-15-minutes': 'every 15 minutes',
  hourly: 'once an hour',
};

const figures = new Intl.NumberFormat('en-US', { maximumFractionDigits: 0 });

/** The pace for `used` requests of a daily `limit` (whole-number arithmetic: exactly 90 % slows down). */
export function paceFor(used: number, limit: number): PullPace {
  if (used * 100 >= limit * HOURLY_PERCENT) return 'hourly';
  if (used * 100 >= limit * SLOW_PERCENT) return 'every-15-minutes';
  return 'every-cycle';
}

/** "TeamSupport requests in the last 24 hours: 4,620 of 5,000." */
export function usageSentence(used: number, limit: number): string {
  return `TeamSupport requests in the last 24 hours: ${figures.format(used)} of ${figures.format(limit)}.`;
}

export function slowDownMessage(pace: SlowPace, used: number, limit: number): string {
  return `${usageSentence(used, limit)} The pull now runs ${WORDS[pace]} until use drops.`;
}

export interface PullBudgetInput {
  /** requests in the last 24 hours, as metered */
  used: number;
  /** the organization's 24-hour limit (the instance's `dailyRequestLimit`) */
  limit: number;
  /** when the scheduled pull of the instance last ran; undefined when unknown */
  pulledAt: Date | undefined;
  /** when the pull last warned about each pace */
  warned: Partial<Record<SlowPace, Date>>;
  now: Date;
}

export interface PullDecision {
  pace: PullPace;
  /** whether this cycle pulls */
  run: boolean;
  /** the sync-log warning to write now, if one is due (at most one a day per pace) */
  warning?: string;
}

/** Whether this cycle pulls, and whether it says why it is slower. */
export function decidePull(input: PullBudgetInput): PullDecision {
  const pace = paceFor(input.used, input.limit);
  if (pace === 'every-cycle') return { pace, run: true };
  const now = input.now.getTime();
  const run =
    input.pulledAt === undefined || now - input.pulledAt.getTime() >= INTERVAL_MS[pace] - EARLY_START_MS;
  const warnedAt = input.warned[pace];
  const warn = warnedAt === undefined || now - warnedAt.getTime() >= WARNING_INTERVAL_MS;
  return warn ? { pace, run, warning: slowDownMessage(pace, input.used, input.limit) } : { pace, run };
}
