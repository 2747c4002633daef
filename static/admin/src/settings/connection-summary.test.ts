// The summary of a connection test: failed, passed and not-checked counts in words.
import { describe, expect, it } from '@jest/globals';
import { connectionSummary, outcomeOf } from './connection-summary';

const passed = { name: 'Server', ok: true, message: 'answered' };
const failed = { name: 'Credentials', ok: false, message: 'rejected' };
const skipped = (name: string) => ({
  name,
  ok: false,
  notChecked: true,
  message: 'Not checked: fix the connection.',
});

describe('connectionSummary', () => {
  it('counts a wrong token as one failure, not five (issue 20)', () => {
    const checks = [passed, failed, skipped('a'), skipped('b'), skipped('c'), skipped('d')];
    expect(connectionSummary(checks)).toEqual({
      allPassed: false,
      title: '1 check failed, 1 passed, 4 not checked',
    });
  });

  it('names only the counts that are not zero', () => {
    expect(connectionSummary([failed, { ...failed, name: 'x' }]).title).toBe('2 checks failed');
    expect(connectionSummary([failed, skipped('a')]).title).toBe('1 check failed, 1 not checked');
  });

  it('passes only when every check ran and passed', () => {
    expect(connectionSummary([passed, passed])).toEqual({ allPassed: true, title: 'All checks passed' });
    expect(connectionSummary([passed, skipped('a')]).allPassed).toBe(false);
  });

  it('tells a check that did not run from a failed one', () => {
    expect([passed, failed, skipped('a')].map(outcomeOf)).toEqual(['passed', 'failed', 'not-checked']);
  });
});
