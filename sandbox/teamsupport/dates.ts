// Dates as TeamSupport writes and reads them: output in the organisation's culture and time zone at minute precision
// (.NET "g" pattern), body dates parsed with the org's culture and stored as UTC, filter dates as 14 UTC digits.
import { zoneClock } from './local-time';

export const CULTURES = ['en-US', 'en-GB', 'de-DE', 'fr-FR'] as const;
export type Culture = (typeof CULTURES)[number];

export function isValidTimeZone(timeZone: string): boolean {
  try {
    zoneClock(timeZone);
    return true;
  } catch {
    return false;
  }
}

const pad2 = (n: number): string => String(n).padStart(2, '0');

/** The .NET short date + short time ("g") of the culture, in the org's time zone; seconds are dropped, not rounded. */
export function formatOrgDate(date: Date, timeZone: string, culture: Culture): string {
  const p = zoneClock(timeZone).parts(date);
  switch (culture) {
    case 'en-US': {
      const hour12 = p.hour % 12 === 0 ? 12 : p.hour % 12;
      return `${p.month}/${p.day}/${p.year} ${hour12}:${pad2(p.minute)} ${p.hour < 12 ? 'AM' : 'PM'}`;
    }
    case 'en-GB':
    case 'fr-FR':
      return `${pad2(p.day)}/${pad2(p.month)}/${p.year} ${pad2(p.hour)}:${pad2(p.minute)}`;
    case 'de-DE':
      return `${pad2(p.day)}.${pad2(p.month)}.${p.year} ${pad2(p.hour)}:${pad2(p.minute)}`;
  }
}

function utcDate(y: number, mo: number, d: number, h: number, mi: number, s: number, ms = 0): Date | null {
  const date = new Date(Date.UTC(y, mo - 1, d, h, mi, s, ms));
  const consistent =
    date.getUTCFullYear() === y &&
    date.getUTCMonth() === mo - 1 &&
    date.getUTCDate() === d &&
    date.getUTCHours() === h &&
    date.getUTCMinutes() === mi &&
    date.getUTCSeconds() === s;
  return consistent && y >= 1 ? date : null;
}

const ISO_DATE = /^(\d{4})-(\d{1,2})-(\d{1,2})(?:[ T](\d{1,2}):(\d{2})(?::(\d{2})(?:\.(\d{1,7}))?)?)?Z?$/;
const SLASH_DATE =
  /^(\d{1,2})\/(\d{1,2})\/(\d{4})(?:\s+(\d{1,2}):(\d{2})(?::(\d{2}))?(?:\s*([AaPp][Mm]))?)?$/;
const DOT_DATE = /^(\d{1,2})\.(\d{1,2})\.(\d{4})(?:\s+(\d{1,2}):(\d{2})(?::(\d{2}))?)?$/;

const num = (s: string | undefined): number => (s === undefined ? 0 : Number(s));

/**
 * A body date (e.g. DateCreated on POST), parsed like DateTime.Parse with the org's culture and kept as UTC
 * (docs/teamsupport-api.md §11). Returns null when the text is not a date in that culture.
 */
export function parseBodyDate(text: string, culture: Culture): Date | null {
  const trimmed = text.trim();
  const iso = ISO_DATE.exec(trimmed);
  if (iso) {
    const ms = iso[7] === undefined ? 0 : Math.floor(Number(`0.${iso[7]}`) * 1000);
    return utcDate(num(iso[1]), num(iso[2]), num(iso[3]), num(iso[4]), num(iso[5]), num(iso[6]), ms);
  }
  const slash = culture === 'de-DE' ? null : SLASH_DATE.exec(trimmed);
  if (slash) {
    const [first, second] = [num(slash[1]), num(slash[2])];
    const [month, day] = culture === 'en-US' ? [first, second] : [second, first];
    let hour = num(slash[4]);
    const meridiem = slash[7]?.toUpperCase();
    if (meridiem !== undefined) {
      if (culture !== 'en-US' || hour < 1 || hour > 12) return null;
      hour = (hour % 12) + (meridiem === 'PM' ? 12 : 0);
    }
    return utcDate(num(slash[3]), month, day, hour, num(slash[5]), num(slash[6]));
  }
  const dot = culture === 'de-DE' ? DOT_DATE.exec(trimmed) : null;
  if (dot) return utcDate(num(dot[3]), num(dot[2]), num(dot[1]), num(dot[4]), num(dot[5]), num(dot[6]));
  return null;
}

export class FilterValueError extends Error {}

/**
 * A filter date: exactly 14 characters `yyyyMMddHHmmss` in UTC. Other lengths match nothing (null), as in the 2018
 * code; 14 characters that are not a valid date fail the request like the server's int.Parse / DateTime constructor.
 */
export function parseFilterDate(value: string): Date | null {
  if (value.length !== 14) return null;
  if (!/^\d{14}$/.test(value)) throw new FilterValueError('Input string was not in a correct format.');
  const field = (start: number, length: number): number => Number(value.slice(start, start + length));
  const date = utcDate(field(0, 4), field(4, 2), field(6, 2), field(8, 2), field(10, 2), field(12, 2));
  if (!date)
    throw new FilterValueError('Year, Month, and Day parameters describe an un-representable DateTime.');
  return date;
}

/** Format a UTC instant as a filter date (used by tests and the admin surface). */
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
