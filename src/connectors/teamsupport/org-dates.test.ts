// TeamSupport's organization-local dates read as instants (daylight-saving changes included) and filter dates
// written.
import { parseOrgDate, toFilterDate, type SlashDateOrder } from './org-dates';
import { wallTimeAt, wallTimeToUtc } from './zoned-time';

const iso = (date: Date | null): string | null => (date === null ? null : date.toISOString());

describe('parseOrgDate', () => {
  it.each<[string, string, string]>([
    // The docs/teamsupport-api.md §16.1 fixture in an en-US org in Chicago (CDT, UTC-5 in July).
    ['7/30/2015 1:23 PM', 'America/Chicago', '2015-07-30T18:23:00.000Z'],
    ['5/10/2015 5:12 PM', 'America/Chicago', '2015-05-10T22:12:00.000Z'],
    ['1/5/2024 12:00 AM', 'America/Chicago', '2024-01-05T06:00:00.000Z'],
    ['1/5/2024 12:30 PM', 'America/Chicago', '2024-01-05T18:30:00.000Z'],
    ['1/5/2024 11:59 pm', 'UTC', '2024-01-05T23:59:00.000Z'],
    ['1/5/2024 9:05 a.m.', 'UTC', '2024-01-05T09:05:00.000Z'],
    ['7/30/2015 1:23 PM', 'UTC', '2015-07-30T13:23:00.000Z'],
    // .NET on ICU puts U+202F before AM/PM.
    ['7/30/2015 1:23\u202fPM', 'UTC', '2015-07-30T13:23:00.000Z'],
    ['  7/30/2015   1:23 PM ', 'UTC', '2015-07-30T13:23:00.000Z'],
    // en-GB / fr-FR: day first, 24-hour clock.
    ['30/07/2015 13:23', 'Europe/London', '2015-07-30T12:23:00.000Z'],
    ['05/01/2024 08:00', 'Europe/Paris', '2024-01-05T07:00:00.000Z'],
    // de-DE.
    ['30.07.2015 13:23', 'Europe/Berlin', '2015-07-30T11:23:00.000Z'],
    ['05.01.2024 08:00', 'Europe/Berlin', '2024-01-05T07:00:00.000Z'],
    // ISO-like text (sortable cultures, body dates): local unless it carries an offset.
    ['2024-05-01 12:00:00', 'America/New_York', '2024-05-01T16:00:00.000Z'],
    ['2024-05-01T12:00', 'Asia/Kolkata', '2024-05-01T06:30:00.000Z'],
    ['2024-05-01T12:00:00Z', 'Asia/Kolkata', '2024-05-01T12:00:00.000Z'],
    ['2024-05-01T12:00:00+02:00', 'UTC', '2024-05-01T10:00:00.000Z'],
    // Date only: midnight local.
    ['2/29/2024', 'Australia/Sydney', '2024-02-28T13:00:00.000Z'],
    // Seconds are accepted when present.
    ['7/30/2015 1:23:45 PM', 'UTC', '2015-07-30T13:23:45.000Z'],
  ])('%j in %s → %s', (text, zone, expected) => {
    expect(iso(parseOrgDate(text, zone))).toBe(expected);
  });

  it.each<[string, SlashDateOrder, string]>([
    ['03/04/2024 10:00', 'month-first', '2024-03-04T10:00:00.000Z'],
    ['03/04/2024 10:00', 'day-first', '2024-04-03T10:00:00.000Z'],
    // auto: AM/PM means month first, a 24-hour clock day first, a component above 12 is always the day.
    ['03/04/2024 10:00 AM', 'auto', '2024-03-04T10:00:00.000Z'],
    ['03/04/2024 10:00', 'auto', '2024-04-03T10:00:00.000Z'],
    ['13/04/2024 10:00 AM', 'auto', '2024-04-13T10:00:00.000Z'],
    ['04/13/2024 10:00', 'auto', '2024-04-13T10:00:00.000Z'],
  ])('%j read %s → %s', (text, order, expected) => {
    expect(iso(parseOrgDate(text, 'UTC', order))).toBe(expected);
  });

  it.each([
    '',
    'yesterday',
    '7/30/15 1:23 PM',
    '2/30/2024 1:00 PM',
    '2/29/2023 1:00 PM',
    '7/30/2015 13:23 PM',
    '7/30/2015 0:10 AM',
    '7/30/2015 24:00',
    '7/30/2015 1:60 PM',
    '32.01.2024 10:00',
    '2024-13-01 10:00',
    '20240501120000',
  ])('rejects %j', (text) => {
    expect(parseOrgDate(text, 'UTC')).toBeNull();
  });

  describe('around daylight-saving changes', () => {
    it.each<[string, string, string]>([
      // Chicago, spring forward 2024-03-10 02:00 CST → 03:00 CDT.
      ['3/10/2024 1:59 AM', 'America/Chicago', '2024-03-10T07:59:00.000Z'],
      ['3/10/2024 3:00 AM', 'America/Chicago', '2024-03-10T08:00:00.000Z'],
      // 2:30 never happens: moved forward by the gap, like Temporal's 'compatible'.
      ['3/10/2024 2:30 AM', 'America/Chicago', '2024-03-10T08:30:00.000Z'],
      // Chicago, fall back 2024-11-03 02:00 CDT → 01:00 CST: 1:30 happens twice, the earlier is taken.
      ['11/3/2024 1:30 AM', 'America/Chicago', '2024-11-03T06:30:00.000Z'],
      ['11/3/2024 2:30 AM', 'America/Chicago', '2024-11-03T08:30:00.000Z'],
      ['11/3/2024 12:59 AM', 'America/Chicago', '2024-11-03T05:59:00.000Z'],
      // Berlin, spring forward 2024-03-31 02:00 CET → 03:00 CEST, fall back 2024-10-27 03:00 → 02:00.
      ['31.03.2024 02:15', 'Europe/Berlin', '2024-03-31T01:15:00.000Z'],
      ['31.03.2024 03:15', 'Europe/Berlin', '2024-03-31T01:15:00.000Z'],
      ['27.10.2024 02:30', 'Europe/Berlin', '2024-10-27T00:30:00.000Z'],
      ['27.10.2024 03:30', 'Europe/Berlin', '2024-10-27T02:30:00.000Z'],
      // Sydney, southern hemisphere: fall back 2024-04-07 03:00 AEDT → 02:00 AEST.
      ['7/04/2024 02:30', 'Australia/Sydney', '2024-04-06T15:30:00.000Z'],
    ])('%j in %s → %s', (text, zone, expected) => {
      expect(iso(parseOrgDate(text, zone))).toBe(expected);
    });
  });
});

describe('wallTimeToUtc', () => {
  const QUARTER_HOUR = 15 * 60 * 1000;
  const HOUR = 4 * QUARTER_HOUR;

  /** Reads back each instant from its wall time; returns how many came back as the earlier twin (one hour before). */
  function readBack(zone: string, from: number, to: number, step: number): number {
    let earlierTwins = 0;
    for (let instant = from; instant < to; instant += step) {
      const back = wallTimeToUtc(wallTimeAt(instant, zone), zone).getTime();
      if (back !== instant) {
        expect(instant - back).toBe(HOUR);
        earlierTwins += 1;
      }
    }
    return earlierTwins;
  }

  it.each([
    // zone, a day holding the change back to standard time (UTC bounds)
    ['America/Chicago', '2024-11-03T00:00:00Z'],
    ['Europe/Berlin', '2024-10-26T12:00:00Z'],
    ['Australia/Sydney', '2024-04-06T06:00:00Z'],
    ['America/St_Johns', '2024-11-03T00:00:00Z'],
  ])(
    'reads back every quarter hour of the fall-back day in %s, the repeated hour as its first pass',
    (zone, from) => {
      const start = Date.parse(from);
      expect(readBack(zone, start, start + 24 * HOUR, QUARTER_HOUR)).toBe(4);
    },
  );

  it.each([
    'America/Chicago',
    'Europe/Berlin',
    'Australia/Sydney',
    'Asia/Kolkata',
    'America/St_Johns',
    'UTC',
  ])('reads back instants spread over 2024 in %s', (zone) => {
    const earlierTwins = readBack(
      zone,
      Date.UTC(2024, 0, 1),
      Date.UTC(2025, 0, 1),
      7 * HOUR + 13 * 60 * 1000,
    );
    expect(earlierTwins).toBeLessThanOrEqual(1);
  });

  it('throws for an unknown zone', () => {
    expect(() => wallTimeToUtc({ year: 2024, month: 1, day: 1, hour: 0, minute: 0 }, 'Mars/Olympus')).toThrow(
      RangeError,
    );
  });
});

describe('toFilterDate', () => {
  it.each([
    ['2024-05-01T12:00:00.000Z', '20240501120000'],
    ['2024-05-01T12:00:59.999Z', '20240501120059'],
    ['1999-12-31T23:59:09.000Z', '19991231235909'],
  ])('%s → %s', (instant, expected) => {
    expect(toFilterDate(new Date(instant))).toBe(expected);
  });
});
