// The links property on a linked issue: counts, numbers and instance names, Jira's 32 KB limit, and its JQL.
import { isLinksProperty, linksPropertyOf, namesInstanceJql } from './links-property';

const names = new Map([
  ['i-1', 'Acme Support'],
  ['i-2', 'Beta Desk'],
]);

describe('linksPropertyOf', () => {
  it('counts every link, lists each number and instance name once, numbers in numeric order', () => {
    expect(
      linksPropertyOf(
        [
          { instanceId: 'i-2', ticketNumber: '100' },
          { instanceId: 'i-1', ticketNumber: '9' },
          { instanceId: 'i-1', ticketNumber: '100' },
        ],
        names,
      ),
    ).toEqual({ count: 3, numbers: ['9', '100'], instances: ['Acme Support', 'Beta Desk'] });
  });

  it('leaves out links of instances that are no longer configured, and has no value without links', () => {
    expect(linksPropertyOf([{ instanceId: 'gone', ticketNumber: '1' }], names)).toBeUndefined();
    expect(linksPropertyOf([], names)).toBeUndefined();
    expect(
      linksPropertyOf(
        [
          { instanceId: 'gone', ticketNumber: '1' },
          { instanceId: 'i-2', ticketNumber: '2' },
        ],
        names,
      ),
    ).toEqual({ count: 1, numbers: ['2'], instances: ['Beta Desk'] });
  });

  it('keeps within Jira’s 32 KB per property on an issue with thousands of tickets, with the count exact', () => {
    const links = Array.from({ length: 5_000 }, (_, i) => ({
      instanceId: 'i-1',
      ticketNumber: String(100_000 + i),
    }));
    const value = linksPropertyOf(links, names);
    expect(value?.count).toBe(5_000);
    expect(value?.numbers.length).toBeGreaterThan(1_000);
    expect(value?.numbers.length).toBeLessThan(5_000);
    expect(value?.numbers[0]).toBe('100000');
    expect(Buffer.byteLength(JSON.stringify(value), 'utf8')).toBeLessThanOrEqual(30_000);
  });
});

describe('isLinksProperty', () => {
  const value = { count: 1, numbers: ['7'], instances: ['Acme Support'] };

  it('matches the same value only, whatever order Jira returns the keys in', () => {
    expect(isLinksProperty({ instances: ['Acme Support'], numbers: ['7'], count: 1 }, value)).toBe(true);
    expect(isLinksProperty({ ...value, count: 2 }, value)).toBe(false);
    expect(isLinksProperty({ ...value, extra: true }, value)).toBe(false);
    expect(isLinksProperty('garbage', value)).toBe(false);
    expect(isLinksProperty(undefined, value)).toBe(false);
    expect(isLinksProperty(value, undefined)).toBe(false);
    expect(isLinksProperty(undefined, undefined)).toBe(true);
  });
});

describe('namesInstanceJql', () => {
  it('quotes the name as a JQL string', () => {
    expect(namesInstanceJql('Acme "West" \\ Support')).toBe(
      'issue.property[support-ticket-sync-links].instances = "Acme \\"West\\" \\\\ Support"',
    );
  });
});
