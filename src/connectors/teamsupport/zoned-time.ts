// Local wall time in an IANA zone → the UTC instant, with nothing but Intl. TeamSupport prints dates in the
// organization's zone without an offset (docs/teamsupport-api.md §11), so the offset has to be recovered from the zone
// rules for that very wall time, including the hours that do not exist (spring forward) or happen twice (fall back).

export interface WallTime {
  year: number;
  /** 1–12 */
  month: number;
  day: number;
  hour: number;
  minute: number;
  second?: number;
}

const DAY_MS = 24 * 60 * 60 * 1000;

const formatters = new Map<string, Intl.DateTimeFormat>();

function formatterFor(timeZone: string): Intl.DateTimeFormat {
  let formatter = formatters.get(timeZone);
  if (!formatter) {
    formatter = new Intl.DateTimeFormat('en-US', {
      timeZone,
      hourCycle: 'h23',
      year: 'numeric',
      month: 'numeric',
      day: 'numeric',
      hour: 'numeric',
      minute: 'numeric',
      second: 'numeric',
    });
    formatters.set(timeZone, formatter);
  }
  return formatter;
}

/** The wall time read as if it were UTC, in epoch ms (years below 100 are kept, unlike Date.UTC). */
export function wallTimeAsUtcMs(wall: WallTime): number {
  const date = new Date(0);
  date.setUTCFullYear(wall.year, wall.month - 1, wall.day);
  date.setUTCHours(wall.hour, wall.minute, wall.second ?? 0, 0);
  return date.getTime();
}

/** The wall time in `timeZone` at an instant. */
export function wallTimeAt(instantMs: number, timeZone: string): WallTime {
  const wall: WallTime = { year: 0, month: 0, day: 0, hour: 0, minute: 0, second: 0 };
  for (const part of formatterFor(timeZone).formatToParts(new Date(instantMs))) {
    const value = Number(part.value);
    if (part.type === 'year') wall.year = value;
    else if (part.type === 'month') wall.month = value;
    else if (part.type === 'day') wall.day = value;
    else if (part.type === 'hour') wall.hour = value % 24;
    else if (part.type === 'minute') wall.minute = value;
    else if (part.type === 'second') wall.second = value;
  }
  return wall;
}

/** Offset of `timeZone` from UTC at an instant, in ms (positive east of Greenwich). */
export function zoneOffsetMs(instantMs: number, timeZone: string): number {
  const wholeSecond = Math.floor(instantMs / 1000) * 1000;
  return wallTimeAsUtcMs(wallTimeAt(wholeSecond, timeZone)) - wholeSecond;
}

/**
 * The instant a wall time in `timeZone` denotes, disambiguated like Temporal's 'compatible' option: a time that
 * happens twice (clocks going back) is read as the earlier instant, a time that never happens (clocks going
 * forward) is moved forward by the length of the gap (2:30 in a 2:00→3:00 gap becomes 3:30 in the new offset).
 * Throws RangeError for an unknown zone.
 */
export function wallTimeToUtc(wall: WallTime, timeZone: string): Date {
  const local = wallTimeAsUtcMs(wall);
  // Offsets in use change at most once around any given day, so a day either side brackets every candidate.
  const offsetBefore = zoneOffsetMs(local - DAY_MS, timeZone);
  const offsetAfter = zoneOffsetMs(local + DAY_MS, timeZone);
  const candidates = [...new Set([offsetBefore, offsetAfter])]
    .map((offset) => local - offset)
    .filter((instant) => zoneOffsetMs(instant, timeZone) === local - instant)
    .sort((a, b) => a - b);
  const earliest = candidates[0];
  if (earliest !== undefined) return new Date(earliest);
  return new Date(local - offsetBefore);
}
