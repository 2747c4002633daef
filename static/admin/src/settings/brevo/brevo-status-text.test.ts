// The words of a Brevo account's status and backfill, from the figures the backend sends (parsed with the same schemas
// the page uses, so a renamed field fails here too).
import { describe, expect, it } from '@jest/globals';
import { BackfillRunSchema, BrevoStatusSchema, type BackfillRun } from '../../brevo-view';
import {
  backfillErrorText,
  backfillProgressText,
  backfillWindowText,
  canResume,
  contactsText,
  eventsText,
  formatCount,
  lastSuccessText,
  parseBackfillDays,
  rateLimitDetail,
  rateLimitText,
  scopeText,
} from './brevo-status-text';

const now = new Date('2026-03-02T12:00:00.000Z');
const minutesAgo = (minutes: number) => new Date(now.getTime() - minutes * 60_000).toISOString();

const status = BrevoStatusSchema.parse({
  lastSuccessAt: minutesAgo(3),
  issuesTracked: 42,
  projectsMonitored: 2,
  contactsLinked: 17,
  contactsLinkedComplete: true,
  events24h: { sent: 120, skipped: 3, failed: 0 },
  events24hComplete: true,
  rateLimit: { remaining: 9_880, limit: 10_000, resetSeconds: 600, at: minutesAgo(2) },
});

function run(overrides: Partial<BackfillRun> = {}): BackfillRun {
  return BackfillRunSchema.parse({
    runId: 'run-1',
    days: 30,
    since: '2026-01-31T12:00:00.000Z',
    state: 'running',
    startedAt: minutesAgo(5),
    updatedAt: minutesAgo(1),
    processedIssues: 150,
    sentEvents: 140,
    skippedEvents: 10,
    lastError: null,
    ...overrides,
  });
}

describe('the status in words', () => {
  it('says each figure as the admin reads it', () => {
    expect(lastSuccessText(status.lastSuccessAt, now)).toBe('Last synced 3 minutes ago');
    expect(scopeText(status)).toBe('42 issues tracked in 2 projects');
    expect(contactsText(status)).toBe('17 contacts');
    expect(eventsText(status)).toBe('Last 24 h: 120 sent · 3 skipped · 0 failed');
    expect(rateLimitText(status.rateLimit)).toBe('Brevo rate limit: 9,880 of 10,000 left');
  });

  it('uses the singular for one, and separates thousands', () => {
    expect(scopeText({ issuesTracked: 1, projectsMonitored: 1 })).toBe('1 issue tracked in 1 project');
    expect(contactsText({ contactsLinked: 1, contactsLinkedComplete: true })).toBe('1 contact');
    expect(formatCount(1_234_567)).toBe('1,234,567');
  });

  it('says when nothing happened yet', () => {
    expect(lastSuccessText(null, now)).toBe('Nothing synced yet');
    expect(rateLimitText(null)).toBe('Brevo rate limit: not reported yet');
    expect(rateLimitDetail(null, now)).toBeUndefined();
  });

  it('says a count stopped at its cap is a lower bound', () => {
    expect(contactsText({ contactsLinked: 5_000, contactsLinkedComplete: false })).toBe(
      'At least 5,000 contacts',
    );
    expect(eventsText({ events24h: { sent: 3_000, skipped: 0, failed: 2 }, events24hComplete: false })).toBe(
      'Last 24 h: at least 3,000 sent · 0 skipped · 2 failed',
    );
  });

  it('names a count Jira refused, and an account over all projects Jira could not list', () => {
    expect(scopeText({ issuesTracked: null, projectsMonitored: 2 })).toBe(
      'Issues tracked in 2 projects: Jira did not count them',
    );
    expect(scopeText({ issuesTracked: null, projectsMonitored: null })).toBe(
      'Issues tracked in all projects: Jira did not count them',
    );
  });

  it('says how old the quota is and when its window resets', () => {
    expect(rateLimitDetail(status.rateLimit, now)).toBe(
      'Reported 2 minutes ago; the window resets in 8 minutes.',
    );
    const hourly = { remaining: 1, limit: 100, resetSeconds: 45, at: now.toISOString() };
    expect(rateLimitDetail(hourly, now)).toBe('Reported just now; the window resets in 45 seconds.');
    const old = { remaining: 0, limit: 100, resetSeconds: 60, at: minutesAgo(90) };
    expect(rateLimitDetail(old, now)).toBe('Reported 1 hour ago; that window has reset since.');
    expect(rateLimitDetail({ ...old, resetSeconds: null }, now)).toBe('Reported 1 hour ago.');
  });
});

describe('Send the last N days', () => {
  it.each([
    ['1', 1],
    [' 30 ', 30],
    ['90', 90],
  ])('takes %j', (text, days) => {
    expect(parseBackfillDays(text)).toEqual({ ok: true, days });
  });

  it.each(['', '0', '91', '7.5', '-3', 'seven', '1e1', '0900'])('refuses %j with the bounds', (text) => {
    expect(parseBackfillDays(text)).toEqual({
      ok: false,
      message: 'Enter a whole number of days from 1 to 90.',
    });
  });

  it('shows progress while running, the totals when done, and how far a failed run got', () => {
    expect(backfillProgressText(run())).toBe('Sending… 150 issues done, 140 events sent');
    expect(backfillProgressText(run({ state: 'done' }))).toBe(
      'Done: 150 issues, 140 events sent, 10 skipped',
    );
    expect(
      backfillProgressText(run({ state: 'done', skippedEvents: 0, processedIssues: 1, sentEvents: 1 })),
    ).toBe('Done: 1 issue, 1 event sent');
    expect(backfillProgressText(run({ state: 'failed' }))).toBe('Stopped after 150 issues, 140 events sent');
  });

  it('names the window and when the run started', () => {
    expect(backfillWindowText(run(), now)).toMatch(/^The last 30 days \(since .+\), started 5 minutes ago$/);
  });

  it('says the last error, as a retry while running and as the reason when failed', () => {
    expect(backfillErrorText(run())).toBeUndefined();
    expect(backfillErrorText(run({ lastError: 'Brevo answered 503.' }))).toBe(
      'Retrying after an error: Brevo answered 503.',
    );
    expect(backfillErrorText(run({ state: 'failed', lastError: 'Brevo rejected the key.' }))).toBe(
      'Last error: Brevo rejected the key.',
    );
  });

  it('offers Resume for a failed run and a running one gone quiet for 30 minutes, not otherwise', () => {
    expect(canResume(run({ state: 'failed' }), now)).toBe(true);
    expect(canResume(run({ updatedAt: minutesAgo(30) }), now)).toBe(true);
    expect(canResume(run({ updatedAt: minutesAgo(29) }), now)).toBe(false);
    expect(canResume(run({ state: 'done' }), now)).toBe(false);
  });
});
