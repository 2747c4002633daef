// The wall-clock minute of an instant in an IANA time zone. Asking Intl costs tens of microseconds per value and a
// list page writes hundreds of dates, so a zone's UTC offset is learnt once per UTC hour and applied by arithmetic.
// An hour in which the offset changes (DST, or a historical change of standard time) is answered by Intl itself.
export interface LocalParts {
  readonly year: number;
  readonly month: number;
  readonly day: number;
  readonly hour: number;
  readonly minute: number;
}

const HOUR_MS = 60 * 60 * 1000;
/** Bound on the offsets remembered per zone (an hour each); past it the memory starts over. */
const MAX_REMEMBERED_HOURS = 200_000;
// Outside these instants Intl's year and calendar handling is not worth reproducing: always ask Intl.
const ARITHMETIC_FROM = Date.UTC(1900, 0, 2);
const ARITHMETIC_UNTIL = Date.UTC(9998, 0, 1);

const FIELDS = {
  year: 'numeric',
  month: 'numeric',
  day: 'numeric',
  hour: 'numeric',
  minute: 'numeric',
  hourCycle: 'h23',
} as const;

interface Fields {
  year: number;
  month: number;
  day: number;
  hour: number;
  minute: number;
  second: number;
}

function fieldsOf(format: Intl.DateTimeFormat, at: Date): Fields {
  const fields: Fields = { year: 0, month: 0, day: 0, hour: 0, minute: 0, second: 0 };
  for (const part of format.formatToParts(at)) {
    if (part.type === 'year') fields.year = Number(part.value);
    else if (part.type === 'month') fields.month = Number(part.value);
    else if (part.type === 'day') fields.day = Number(part.value);
    else if (part.type === 'hour') fields.hour = Number(part.value) % 24;
    else if (part.type === 'minute') fields.minute = Number(part.value);
    else if (part.type === 'second') fields.second = Number(part.value);
  }
  return fields;
}

/** One zone's clock; construction throws RangeError for a zone Intl does not know. */
export class ZoneClock {
  private readonly minuteFormat: Intl.DateTimeFormat;
  private readonly secondFormat: Intl.DateTimeFormat;
  /** offset in ms by UTC hour number; null when the offset changes within that hour */
  private readonly offsets = new Map<number, number | null>();

  constructor(timeZone: string) {
    this.minuteFormat = new Intl.DateTimeFormat('en-US', { timeZone, ...FIELDS });
    this.secondFormat = new Intl.DateTimeFormat('en-US', { timeZone, ...FIELDS, second: 'numeric' });
  }

  parts(date: Date): LocalParts {
    const ms = date.getTime();
    const offset = ms >= ARITHMETIC_FROM && ms < ARITHMETIC_UNTIL ? this.offsetOfHour(ms) : null;
    if (offset === null) return fieldsOf(this.minuteFormat, date);
    const local = new Date(ms + offset);
    return {
      year: local.getUTCFullYear(),
      month: local.getUTCMonth() + 1,
      day: local.getUTCDate(),
      hour: local.getUTCHours(),
      minute: local.getUTCMinutes(),
    };
  }

  /** Offsets are whole seconds and change at whole seconds, so the first and last second of an hour tell. */
  private offsetOfHour(ms: number): number | null {
    const hour = Math.floor(ms / HOUR_MS);
    let offset = this.offsets.get(hour);
    if (offset === undefined) {
      const first = this.offsetAt(hour * HOUR_MS);
      offset = first === this.offsetAt((hour + 1) * HOUR_MS - 1000) ? first : null;
      if (this.offsets.size >= MAX_REMEMBERED_HOURS) this.offsets.clear();
      this.offsets.set(hour, offset);
    }
    return offset;
  }

  private offsetAt(secondMs: number): number {
    const f = fieldsOf(this.secondFormat, new Date(secondMs));
    return Date.UTC(f.year, f.month - 1, f.day, f.hour, f.minute, f.second) - secondMs;
  }
}

const clocks = new Map<string, ZoneClock>();

export function zoneClock(timeZone: string): ZoneClock {
  let clock = clocks.get(timeZone);
  if (!clock) {
    clock = new ZoneClock(timeZone);
    clocks.set(timeZone, clock);
  }
  return clock;
}
