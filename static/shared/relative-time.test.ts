// Relative and absolute times shown in the Custom UIs.
import { describe, expect, it } from '@jest/globals';
import { formatDateTime, formatRelativeTime } from './relative-time';

const now = new Date('2025-03-10T12:00:00.000Z');

describe('formatRelativeTime', () => {
  it.each([
    ['2025-03-10T11:59:30.000Z', 'just now'],
    ['2025-03-10T12:00:20.000Z', 'just now'],
    ['2025-03-10T11:55:00.000Z', '5 minutes ago'],
    ['2025-03-10T09:00:00.000Z', '3 hours ago'],
    ['2025-03-09T12:00:00.000Z', 'yesterday'],
    ['2025-02-24T12:00:00.000Z', '2 weeks ago'],
    ['2024-03-01T12:00:00.000Z', 'last year'],
  ])('%s → %s', (iso, expected) => {
    expect(formatRelativeTime(iso, now)).toBe(expected);
  });

  it('answers nothing for a time it cannot read', () => {
    expect(formatRelativeTime('soon', now)).toBe('');
  });
});

describe('formatDateTime', () => {
  it('formats in the given zone', () => {
    expect(formatDateTime('2025-03-10T12:00:00.000Z', 'en-US', 'Europe/Berlin')).toBe(
      'Mar 10, 2025, 1:00 PM',
    );
  });

  it('keeps text it cannot read', () => {
    expect(formatDateTime('later', 'en-US')).toBe('later');
  });
});
