// The backfill run: a window fixed at the start, paging by issue id, resuming only a failed or stalled run.
import { backfillJql, mayResume, mayStart, newRun, runView, updatedSince } from './backfill-run';

describe('backfill run', () => {
  const now = new Date('2026-05-10T12:00:00.000Z');

  it('fixes the window when it starts, and shows no resume point', () => {
    const run = newRun('r1', 7, now);
    expect(run.since).toBe('2026-05-03T12:00:00.000Z');
    expect(runView(run)).not.toHaveProperty('afterIssueId');
    expect(runView(run)).toMatchObject({ state: 'running', processedIssues: 0, lastError: null });
  });

  it('reaches back to the fixed start from any later page, whatever the site’s time zone', () => {
    const since = '2026-05-03T12:00:00.000Z';
    expect(updatedSince(since, now)).toBe(`updated >= -${7 * 24 * 60}m`);
    // Half a minute later the window still starts no later than `since`.
    expect(updatedSince(since, new Date(now.getTime() + 30_000))).toBe(`updated >= -${7 * 24 * 60 + 1}m`);
  });

  it('pages by id after the last issue done', () => {
    expect(backfillJql(undefined, '2026-05-09T12:00:00.000Z', null, now)).toBe(
      'updated >= -1440m ORDER BY id ASC',
    );
    expect(backfillJql('project in ("SUP")', '2026-05-09T12:00:00.000Z', '10042', now)).toBe(
      'project in ("SUP") AND updated >= -1440m AND id > 10042 ORDER BY id ASC',
    );
  });

  it('starts when nothing runs, resumes a failed or stalled run only', () => {
    const running = { ...newRun('r1', 3, now), updatedAt: now.toISOString() };
    expect(mayStart(undefined, now)).toBe(true);
    expect(mayStart(running, now)).toBe(false);
    expect(mayResume(running, now)).toBe(false);
    const later = new Date(now.getTime() + 30 * 60 * 1000);
    expect(mayStart(running, later)).toBe(true);
    expect(mayResume(running, later)).toBe(true);
    expect(mayResume({ ...running, state: 'failed' }, now)).toBe(true);
    expect(mayResume({ ...running, state: 'done' }, later)).toBe(false);
  });
});
