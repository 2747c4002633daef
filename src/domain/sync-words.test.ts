// Naming an action by its date and author in the organization's time zone.
import { actionWords, shortTime, whenAndWho } from './sync-words';

describe('sync words', () => {
  const at = new Date('2024-12-03T13:05:00.000Z');

  it('names an action by its date and author in the organization time zone, never by its id', () => {
    expect(actionWords({ dateCreated: at, creatorName: 'Ann Agent' }, 'Europe/Berlin')).toBe(
      'Action of 3 Dec 14:05 CET by Ann Agent',
    );
    expect(whenAndWho('2024-12-03T13:05:00.000Z', 'Bob', 'UTC')).toBe('of 3 Dec 13:05 UTC by Bob');
  });

  it('says who is unknown and falls back to UTC for a zone the runtime does not know', () => {
    expect(actionWords({ dateCreated: at, creatorName: null }, 'Mars/Olympus')).toBe(
      'Action of 3 Dec 13:05 UTC by an unknown author',
    );
    expect(shortTime('not a date')).toBe('an unknown time');
  });
});
