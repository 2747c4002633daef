// The words beside a TeamSupport instance for its daily request budget ("TeamSupport requests in the last 24 h: 1,234
// of 5,000"). TeamSupport reports nothing about what is left of its 24-hour limit, so the figure is what the app metered
// (docs/resolver-contract.md, "Admin page resolver"); the pull slows down from 90 % and pulls hourly from 98 %
// (src/domain/request-budget.ts; the backend decides, these thresholds only choose the wording's tone).
import type { InstanceView } from '../api';

/** The backend's default when an instance has no limit set (src/domain/config/teamsupport-settings.ts). */
export const DEFAULT_DAILY_REQUEST_LIMIT = 5_000;
const SLOW_PERCENT = 90;
const HOURLY_PERCENT = 98;

const numbers = new Intl.NumberFormat('en');

export interface RequestUsageText {
  text: string;
  /** 'slowed': the pull runs every 15 minutes; 'hourly': once an hour */
  tone: 'normal' | 'slowed' | 'hourly';
}

/** Undefined when the page has no figure (it comes with getSettings only, not with a saved instance). */
export function requestUsageText(
  view: Pick<InstanceView, 'requestsLast24h' | 'dailyRequestLimit'>,
): RequestUsageText | undefined {
  if (view.requestsLast24h === undefined) return undefined;
  const used = view.requestsLast24h;
  const limit = view.dailyRequestLimit ?? DEFAULT_DAILY_REQUEST_LIMIT;
  const text = `TeamSupport requests in the last 24 h: ${numbers.format(used)} of ${numbers.format(limit)}`;
  if (used * 100 >= limit * HOURLY_PERCENT) return { text: `${text}; pulling once an hour`, tone: 'hourly' };
  if (used * 100 >= limit * SLOW_PERCENT)
    return { text: `${text}; pulling every 15 minutes`, tone: 'slowed' };
  return { text, tone: 'normal' };
}
