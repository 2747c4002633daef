// The TeamSupport emulator's zone clock agrees with Intl on the wall-clock minute of an instant.
import { ZoneClock } from './local-time';

const formats = new Map<string, Intl.DateTimeFormat>();

/** What Intl says, field by field: the reference the arithmetic must reproduce. */
function intlParts(timeZone: string, at: Date): string {
  let format = formats.get(timeZone);
  if (!format) {
    format = new Intl.DateTimeFormat('en-US', {
      timeZone,
      year: 'numeric',
      month: 'numeric',
      day: 'numeric',
      hour: 'numeric',
      minute: 'numeric',
      hourCycle: 'h23',
    });
    formats.set(timeZone, format);
  }
  const parts = format.formatToParts(at);
  const value = (type: string): number =>
    Number(parts.find((part) => part.type === type)?.value) % (type === 'hour' ? 24 : 1e6);
  return [value('year'), value('month'), value('day'), value('hour'), value('minute')].join(' ');
}

function clockParts(clock: ZoneClock, at: Date): string {
  const p = clock.parts(at);
  return [p.year, p.month, p.day, p.hour, p.minute].join(' ');
}

describe('ZoneClock: the wall-clock minute of an instant, as Intl gives it', () => {
  it.each([
    // US DST start and end, minute by minute across the change
    ['America/Chicago', '2024-03-10T07:30:00Z'],
    ['America/Chicago', '2024-11-03T06:30:00Z'],
    // a 30-minute DST shift, a +12:45 zone, a half-hour zone
    ['Australia/Lord_Howe', '2024-04-06T14:30:00Z'],
    ['Pacific/Chatham', '2024-04-06T13:30:00Z'],
    ['Asia/Kolkata', '2024-05-01T00:00:00Z'],
    // Liberia kept an offset of -0:44:30 until 1972, changing in the middle of a minute
    ['Africa/Monrovia', '1972-01-07T00:00:00Z'],
    // before 1900 Intl is asked directly (local mean time, seconds in the offset)
    ['America/Chicago', '1883-11-18T17:30:00Z'],
  ])('%s around %s', (timeZone, around) => {
    const clock = new ZoneClock(timeZone);
    const start = Date.parse(around) - 90 * 60_000;
    for (let ms = start; ms < start + 180 * 60_000; ms += 17_321) {
      const instant = new Date(ms);
      expect(clockParts(clock, instant)).toBe(intlParts(timeZone, instant));
    }
  });

  it('agrees with Intl on spread-out instants in zones around the world', () => {
    const zones = [
      'Europe/Berlin',
      'America/St_Johns',
      'Asia/Kathmandu',
      'Pacific/Apia',
      'UTC',
      'Europe/Dublin',
    ];
    for (const timeZone of zones) {
      const clock = new ZoneClock(timeZone);
      for (let ms = Date.UTC(1900, 0, 3); ms < Date.UTC(2100, 0, 1); ms += 86_400_000 * 97 + 3_599_999) {
        const instant = new Date(ms);
        expect(clockParts(clock, instant)).toBe(intlParts(timeZone, instant));
      }
    }
  });
});
