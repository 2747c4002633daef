// Hourly TeamSupport request counts: adding, summing the last 24 hours, and merging concurrent writes.
import {
  addUsage,
  EMPTY_USAGE,
  HOUR_MS,
  hourOf,
  isEmptyUsage,
  lostBetween,
  requestsAt,
  requestsInWindow,
  type RequestUsage,
} from './request-usage';

const now = new Date('2026-03-02T12:30:00Z');
const hoursAgo = (hours: number) => new Date(now.getTime() - hours * HOUR_MS);
const hour = (hours: number) => String(hourOf(hoursAgo(hours)));

describe('hourly request buckets', () => {
  it('adds requests to the hour they were made in', () => {
    const once = addUsage(EMPTY_USAGE, requestsAt(3, now), now);
    const twice = addUsage(once, requestsAt(4, new Date(now.getTime() + 10 * 60_000)), now);
    const later = addUsage(twice, requestsAt(5, hoursAgo(-1)), now);
    expect(later.hours).toEqual({ [hour(0)]: 7, [hour(-1)]: 5 });
    expect(requestsInWindow(later, now)).toBe(12);
  });

  it('sums the current hour and the 24 before it, and drops older hours when it writes', () => {
    let usage: RequestUsage = EMPTY_USAGE;
    for (let h = 0; h <= 30; h++) usage = addUsage(usage, requestsAt(1, hoursAgo(h)), hoursAgo(h));
    // Written at the oldest hour last, the newer ones are all still kept.
    expect(requestsInWindow(usage, now)).toBe(25);
    const rewritten = addUsage(usage, requestsAt(0, now), now);
    expect(Object.keys(rewritten.hours)).toHaveLength(25);
    expect(rewritten.hours[hour(25)]).toBeUndefined();
    expect(rewritten.hours[hour(24)]).toBe(1);
    // An hour later the oldest bucket no longer counts.
    expect(requestsInWindow(rewritten, hoursAgo(-1))).toBe(24);
    expect(requestsInWindow(undefined, now)).toBe(0);
  });

  it('never reports a negative figure', () => {
    expect(requestsInWindow({ hours: { [hour(0)]: -3 } }, now)).toBe(0);
  });

  it('keeps the later of each fact', () => {
    const base: RequestUsage = {
      hours: {},
      pulledAt: hoursAgo(1).toISOString(),
      warned: { hourly: hoursAgo(2).toISOString() },
    };
    const change = requestsAt(1, now, {
      pulledAt: now.toISOString(),
      warned: { hourly: hoursAgo(30).toISOString(), 'every-15-minutes': now.toISOString() },
    });
    expect(addUsage(base, change, now)).toEqual({
      hours: { [hour(0)]: 1 },
      pulledAt: now.toISOString(),
      warned: { hourly: hoursAgo(2).toISOString(), 'every-15-minutes': now.toISOString() },
    });
  });

  it('finds what a write over a record changed by someone else lost, and adding it back restores both', () => {
    const base: RequestUsage = { hours: { [hour(1)]: 10 } };
    // Two invocations read `base`; the other one wrote first.
    const theirs = addUsage(base, requestsAt(4, now, { pulledAt: now.toISOString() }), now);
    const mine = addUsage(base, requestsAt(6, now), now);
    const lost = lostBetween(base, theirs, mine);
    expect(lost).toEqual({ hours: { [hour(0)]: 4 }, pulledAt: now.toISOString() });
    expect(addUsage(mine, lost, now)).toEqual({
      hours: { [hour(1)]: 10, [hour(0)]: 10 },
      pulledAt: now.toISOString(),
    });
  });

  it('finds nothing lost when the record was as read', () => {
    const base: RequestUsage = { hours: { [hour(1)]: 10 }, pulledAt: hoursAgo(1).toISOString() };
    const mine = addUsage(base, requestsAt(2, now, { pulledAt: now.toISOString() }), now);
    expect(isEmptyUsage(lostBetween(base, base, mine))).toBe(true);
  });

  /** One invocation adding its change as the store does: write over what it last saw, then add back what it lost. */
  class Writer {
    private owed: RequestUsage;
    constructor(
      private known: RequestUsage,
      change: RequestUsage,
      private readonly record: { value: RequestUsage },
    ) {
      this.owed = change;
    }

    /** one swap; true when nothing is owed any more */
    step(): boolean {
      const next = addUsage(this.known, this.owed, now);
      const found = this.record.value;
      this.record.value = next;
      this.owed = lostBetween(this.known, found, next);
      this.known = next;
      return isEmptyUsage(this.owed);
    }
  }

  it('settles interleaved writers exactly, corrections that are negative included', () => {
    const record = { value: { hours: { [hour(0)]: 100 } } };
    // A and B read the record; B writes; C reads B's value; A overwrites B; C overwrites A.
    const a = new Writer(record.value, requestsAt(1, now), record);
    const b = new Writer(record.value, requestsAt(10, now), record);
    expect(b.step()).toBe(true);
    const c = new Writer(record.value, requestsAt(100, now), record);
    expect(a.step()).toBe(false);
    expect(c.step()).toBe(false);
    expect(a.step()).toBe(false);
    expect(c.step()).toBe(false);
    // Once each has the record to itself for a moment, it settles.
    while (!a.step());
    while (!c.step());
    expect(requestsInWindow(record.value, now)).toBe(211);
  });

  it('loses nothing in any order of writes, as long as each writer finally settles', () => {
    let seed = 7;
    const random = () => {
      seed = (seed * 1_103_515_245 + 12_345) % 2 ** 31;
      return seed / 2 ** 31;
    };
    for (let round = 0; round < 200; round++) {
      const record = { value: { hours: { [hour(1)]: 50 } } };
      const writers = [1, 2, 3, 4].map((n) => new Writer(record.value, requestsAt(n * 10 ** n, now), record));
      const open = new Set(writers);
      for (let turn = 0; turn < 12 && open.size > 0; turn++) {
        const writer = [...open][Math.floor(random() * open.size)];
        if (writer?.step()) open.delete(writer);
      }
      for (const writer of open) while (!writer.step());
      expect(requestsInWindow(record.value, now)).toBe(50 + 10 + 200 + 3_000 + 40_000);
    }
  });
});
