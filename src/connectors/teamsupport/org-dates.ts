// Dates as TeamSupport writes them and reads them in filters (docs/teamsupport-api.md §8, §11): responses carry the
// organization's short date + short time in its culture and time zone, minute precision, no offset
// ("7/30/2015 1:23 PM" for en-US, "30/07/2015 13:23" for en-GB/fr-FR, "30.07.2015 13:23" for de-DE);
// filters take 14 UTC digits (yyyyMMddHHmmss).
import { wallTimeToUtc, type WallTime } from './zoned-time';

/**
 * Which slash-date component is the month. The instance has no culture setting, so by default it is inferred from
 * the pattern: an AM/PM marker means the US order (M/d/yyyy h:mm tt), a 24-hour clock the European one
 * (dd/MM/yyyy HH:mm); a component above 12 overrides the guess because it can only be a day.
 */
export type SlashDateOrder = 'month-first' | 'day-first' | 'auto';

const SLASH_DATE =
  /^(\d{1,2})\/(\d{1,2})\/(\d{4})(?: (\d{1,2}):(\d{2})(?::(\d{2}))?(?: ?([AaPp])\.? ?[Mm]\.?)?)?$/;
const DOT_DATE = /^(\d{1,2})\.(\d{1,2})\.(\d{4})(?: (\d{1,2}):(\d{2})(?::(\d{2}))?)?$/;
const ISO_DATE =
  /^(\d{4})-(\d{1,2})-(\d{1,2})(?:[ T](\d{1,2}):(\d{2})(?::(\d{2})(?:\.\d{1,7})?)?)? ?(Z|[+-]\d{2}:?\d{2})?$/;

const num = (text: string | undefined): number => (text === undefined ? 0 : Number(text));

function isValidWallTime(wall: WallTime): boolean {
  const isLeap = wall.year % 4 === 0 && (wall.year % 100 !== 0 || wall.year % 400 === 0);
  const daysInMonth = [31, isLeap ? 29 : 28, 31, 30, 31, 30, 31, 31, 30, 31, 30, 31][wall.month - 1];
  if (daysInMonth === undefined || wall.day < 1 || wall.day > daysInMonth) return false;
  return wall.hour <= 23 && wall.minute <= 59 && (wall.second ?? 0) <= 59;
}

function slashOrder(first: number, second: number, hasMeridiem: boolean, order: SlashDateOrder): boolean {
  if (order !== 'auto') return order === 'month-first';
  if (first > 12) return false;
  if (second > 12) return true;
  return hasMeridiem;
}

function parseSlash(match: RegExpExecArray, order: SlashDateOrder): WallTime | null {
  const [first, second] = [num(match[1]), num(match[2])];
  const meridiem = match[7]?.toUpperCase();
  const monthFirst = slashOrder(first, second, meridiem !== undefined, order);
  let hour = num(match[4]);
  if (meridiem !== undefined) {
    if (hour < 1 || hour > 12) return null;
    hour = (hour % 12) + (meridiem === 'P' ? 12 : 0);
  }
  return {
    year: num(match[3]),
    month: monthFirst ? first : second,
    day: monthFirst ? second : first,
    hour,
    minute: num(match[5]),
    second: num(match[6]),
  };
}

function offsetMs(designator: string): number {
  if (designator === 'Z') return 0;
  const digits = designator.replace(':', '');
  const minutes = Number(digits.slice(1, 3)) * 60 + Number(digits.slice(3, 5));
  return (designator.startsWith('-') ? -1 : 1) * minutes * 60_000;
}

/**
 * A date from a TeamSupport response as the UTC instant it denotes, or null when the text is not a date in any of
 * the organization formats. Times that fall into a DST gap or overlap are disambiguated as in `wallTimeToUtc`.
 */
export function parseOrgDate(text: string, timeZone: string, order: SlashDateOrder = 'auto'): Date | null {
  // .NET on ICU separates AM/PM with U+202F, and agents' locales may use other spaces.
  const trimmed = text.trim().replace(/\s+/g, ' ');
  const iso = ISO_DATE.exec(trimmed);
  let wall: WallTime | null = null;
  if (iso) {
    wall = {
      year: num(iso[1]),
      month: num(iso[2]),
      day: num(iso[3]),
      hour: num(iso[4]),
      minute: num(iso[5]),
      second: num(iso[6]),
    };
    const designator = iso[7];
    if (designator !== undefined) {
      if (!isValidWallTime(wall)) return null;
      return new Date(
        Date.UTC(wall.year, wall.month - 1, wall.day, wall.hour, wall.minute, wall.second) -
          offsetMs(designator),
      );
    }
  } else {
    const slash = SLASH_DATE.exec(trimmed);
    const dot = slash ? null : DOT_DATE.exec(trimmed);
    if (slash) wall = parseSlash(slash, order);
    else if (dot) {
      wall = {
        year: num(dot[3]),
        month: num(dot[2]),
        day: num(dot[1]),
        hour: num(dot[4]),
        minute: num(dot[5]),
        second: num(dot[6]),
      };
    }
  }
  if (!wall || !isValidWallTime(wall)) return null;
  return wallTimeToUtc(wall, timeZone);
}

const pad2 = (n: number): string => String(n).padStart(2, '0');

/** A UTC instant as a filter date, yyyyMMddHHmmss (sub-second parts dropped). */
export function toFilterDate(date: Date): string {
  return (
    String(date.getUTCFullYear()).padStart(4, '0') +
    pad2(date.getUTCMonth() + 1) +
    pad2(date.getUTCDate()) +
    pad2(date.getUTCHours()) +
    pad2(date.getUTCMinutes()) +
    pad2(date.getUTCSeconds())
  );
}
