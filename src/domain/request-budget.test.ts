// How the pull slows down near the organization's daily TeamSupport request limit, and the warnings it gives.
import { decidePull, paceFor, slowDownMessage } from './request-budget';

const MINUTE = 60_000;
const now = new Date('2026-03-02T12:00:00Z');
const ago = (minutes: number) => new Date(now.getTime() - minutes * MINUTE);

describe('the pull slows down before the daily request limit', () => {
  it('keeps every cycle below 90 %, every 15 minutes from 90 %, hourly from 98 %', () => {
    expect(paceFor(4_499, 5_000)).toBe('every-cycle');
    expect(paceFor(4_500, 5_000)).toBe('every-15-minutes');
    expect(paceFor(4_899, 5_000)).toBe('every-15-minutes');
    expect(paceFor(4_900, 5_000)).toBe('hourly');
    expect(paceFor(7_000, 5_000)).toBe('hourly');
    expect(paceFor(89_999, 100_000)).toBe('every-cycle');
  });

  it('pulls every cycle below the threshold whenever the last pull was', () => {
    expect(decidePull({ used: 10, limit: 5_000, pulledAt: ago(1), warned: {}, now })).toEqual({
      pace: 'every-cycle',
      run: true,
    });
  });

  it('at 90 % pulls only once 15 minutes have passed, allowing a cycle that comes a little early', () => {
    const at = (minutes: number) =>
      decidePull({
        used: 4_620,
        limit: 5_000,
        pulledAt: ago(minutes),
        warned: { 'every-15-minutes': ago(60) },
        now,
      });
    expect(at(5).run).toBe(false);
    expect(at(10).run).toBe(false);
    expect(at(14.5).run).toBe(true);
    expect(at(15).run).toBe(true);
    expect(at(13).run).toBe(false);
    expect(decidePull({ used: 4_620, limit: 5_000, pulledAt: undefined, warned: {}, now }).run).toBe(true);
  });

  it('at 98 % pulls once an hour', () => {
    const at = (minutes: number) =>
      decidePull({ used: 4_950, limit: 5_000, pulledAt: ago(minutes), warned: {}, now }).run;
    expect(at(15)).toBe(false);
    expect(at(45)).toBe(false);
    expect(at(60)).toBe(true);
  });

  it('warns once a day per pace, in words', () => {
    const first = decidePull({ used: 4_620, limit: 5_000, pulledAt: ago(5), warned: {}, now });
    expect(first.warning).toBe(
      'TeamSupport requests in the last 24 hours: 4,620 of 5,000. The pull now runs every 15 minutes until use drops.',
    );
    const warnedToday = { 'every-15-minutes': ago(23 * 60) };
    expect(
      decidePull({ used: 4_620, limit: 5_000, pulledAt: ago(5), warned: warnedToday, now }).warning,
    ).toBe(undefined);
    const warnedYesterday = { 'every-15-minutes': ago(24 * 60) };
    expect(
      decidePull({ used: 4_620, limit: 5_000, pulledAt: ago(5), warned: warnedYesterday, now }).warning,
    ).toBeDefined();
    // Slowing down further is news even on the same day.
    expect(
      decidePull({ used: 4_990, limit: 5_000, pulledAt: ago(5), warned: warnedToday, now }).warning,
    ).toBe(
      'TeamSupport requests in the last 24 hours: 4,990 of 5,000. The pull now runs once an hour until use drops.',
    );
  });

  it('says nothing below the threshold', () => {
    expect(
      decidePull({ used: 4_000, limit: 5_000, pulledAt: ago(5), warned: {}, now }).warning,
    ).toBeUndefined();
  });

  it('formats large figures with separators', () => {
    expect(slowDownMessage('hourly', 990_123, 1_000_000)).toBe(
      'TeamSupport requests in the last 24 hours: 990,123 of 1,000,000. The pull now runs once an hour until use drops.',
    );
  });
});
