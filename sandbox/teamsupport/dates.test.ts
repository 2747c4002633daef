// Dates in the TeamSupport emulator: written in the org's culture and time zone, read from bodies, and filter dates.
import { FilterValueError, formatOrgDate, parseBodyDate, parseFilterDate, toFilterDate } from './dates';

describe('formatOrgDate: the culture’s short date + short time in the org’s time zone', () => {
  it.each([
    // the docs/teamsupport-api.md §16.1 recording: 7/30/2015 1:23 PM in an en-US org on US Central time (CDT, UTC-5)
    ['2015-07-30T18:23:59Z', 'America/Chicago', 'en-US', '7/30/2015 1:23 PM'],
    ['2024-01-15T06:05:00Z', 'America/Chicago', 'en-US', '1/15/2024 12:05 AM'],
    ['2024-01-15T18:00:00Z', 'America/Chicago', 'en-US', '1/15/2024 12:00 PM'],
    // across the DST change: 2024-03-10 02:00 local moves to 03:00
    ['2024-03-10T07:59:00Z', 'America/Chicago', 'en-US', '3/10/2024 1:59 AM'],
    ['2024-03-10T08:00:00Z', 'America/Chicago', 'en-US', '3/10/2024 3:00 AM'],
    ['2024-05-01T17:00:00Z', 'Europe/Berlin', 'de-DE', '01.05.2024 19:00'],
    ['2024-05-01T17:00:00Z', 'Europe/London', 'en-GB', '01/05/2024 18:00'],
    ['2024-12-31T23:30:00Z', 'Asia/Tokyo', 'fr-FR', '01/01/2025 08:30'],
  ] as const)('%s in %s (%s) → %s', (iso, timeZone, culture, expected) => {
    expect(formatOrgDate(new Date(iso), timeZone, culture)).toBe(expected);
  });
});

describe('parseBodyDate: the org culture, stored as UTC', () => {
  it.each([
    ['2024-05-01 12:34:56', 'en-US', '2024-05-01T12:34:56.000Z'],
    ['2024-05-01T12:34', 'de-DE', '2024-05-01T12:34:00.000Z'],
    ['7/30/2015 1:23 PM', 'en-US', '2015-07-30T13:23:00.000Z'],
    ['7/30/2015', 'en-US', '2015-07-30T00:00:00.000Z'],
    ['30/07/2015 13:23', 'en-GB', '2015-07-30T13:23:00.000Z'],
    ['30.07.2015 13:23:05', 'de-DE', '2015-07-30T13:23:05.000Z'],
  ] as const)('%s (%s) → %s', (text, culture, expected) => {
    expect(parseBodyDate(text, culture)?.toISOString()).toBe(expected);
  });

  it.each([
    ['30/07/2015', 'en-US'],
    ['7/30/2015 13:23 PM', 'en-US'],
    ['2024-02-30', 'en-US'],
    ['yesterday', 'en-US'],
  ] as const)('refuses %s (%s)', (text, culture) => {
    expect(parseBodyDate(text, culture)).toBeNull();
  });
});

describe('filter dates: yyyyMMddHHmmss in UTC', () => {
  it('round-trips a UTC instant at second precision', () => {
    const date = new Date('2024-05-01T12:00:09.750Z');
    expect(toFilterDate(date)).toBe('20240501120009');
    expect(parseFilterDate('20240501120009')?.toISOString()).toBe('2024-05-01T12:00:09.000Z');
  });

  it('matches nothing for another length and fails for 14 characters that are not a date', () => {
    expect(parseFilterDate('2024050112')).toBeNull();
    expect(() => parseFilterDate('2024050112000x')).toThrow(FilterValueError);
    expect(() => parseFilterDate('20241301120000')).toThrow(FilterValueError);
  });
});
