// When a read of a ticket is known to include its latest change. TeamSupport dates have minute precision
// (docs/teamsupport-api.md §7), so a change made after a read carries the read's minute or a later one; the margin
// covers TeamSupport's clock running behind ours (NTP-synchronised servers differ by far less).
const MINUTE = 60_000;
export const CLOCK_SKEW_MS = 20_000;

const minuteOf = (time: number): number => Math.floor(time / MINUTE) * MINUTE;

/** Whether a ticket last modified at `modified` (as TeamSupport lists it) was read in full by a read at `readAt`. */
export function readIncludesChange(modified: Date, readAt: Date): boolean {
  return modified.getTime() < minuteOf(readAt.getTime() - CLOCK_SKEW_MS);
}

/** The start of the minute `time` falls in. */
export function startOfMinute(time: number): number {
  return minuteOf(time);
}
