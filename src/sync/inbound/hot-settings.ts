// An instance's "Faster sync" settings with their defaults applied (README, "Latency"): how long a ticket stays hot
// after activity, how often a hot ticket is checked, and how many of the instance's tickets may be hot at a time.
import type { StoredInstance } from '../../domain/config';

export const DEFAULT_HOT_WINDOW_MINUTES = 10;
export const DEFAULT_HOT_CHECK_SECONDS = 45;
export const DEFAULT_HOT_TICKET_CAP = 20;

export interface HotSettings {
  windowMs: number;
  checkSeconds: number;
  /** 0: no ticket is ever hot */
  cap: number;
}

export function hotSettings(
  instance: Pick<StoredInstance, 'hotWindowMinutes' | 'hotCheckSeconds' | 'hotTicketCap'>,
): HotSettings {
  return {
    windowMs: (instance.hotWindowMinutes ?? DEFAULT_HOT_WINDOW_MINUTES) * 60_000,
    checkSeconds: instance.hotCheckSeconds ?? DEFAULT_HOT_CHECK_SECONDS,
    cap: instance.hotTicketCap ?? DEFAULT_HOT_TICKET_CAP,
  };
}
