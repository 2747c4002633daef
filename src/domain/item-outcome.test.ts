// What a sync-log entry says became of its item: the status its flow wrote, else its level.
import { loggedOutcome } from './item-outcome';

describe('loggedOutcome', () => {
  it('reads the status a flow wrote, whatever the level', () => {
    expect(
      loggedOutcome({ level: 'info', message: 'Sent jira_issue_created to Ann.', outcome: 'sent' }),
    ).toEqual({
      status: 'sent',
      why: 'Sent jira_issue_created to Ann.',
      retryable: false,
    });
    expect(loggedOutcome({ level: 'warn', message: 'Not sent', outcome: 'failed' })?.status).toBe('failed');
  });

  it.each([
    ['error', 'failed'],
    ['warn', 'skipped'],
  ] as const)('reads an entry without a status by its level: %s is %s', (level, status) => {
    expect(loggedOutcome({ level, message: 'Why' })?.status).toBe(status);
  });

  it('says nothing of an info entry without a status: it may tell of an item sent or skipped', () => {
    expect(loggedOutcome({ level: 'info', message: 'Comment added to ticket #12.' })).toBeUndefined();
  });

  it('offers Retry only for an entry with a job that is still open', () => {
    const failed = { level: 'error', message: 'Refused', retry: { kind: 'outbound', payload: {} } } as const;
    expect(loggedOutcome(failed)?.retryable).toBe(true);
    expect(loggedOutcome({ ...failed, status: 'open' })?.retryable).toBe(true);
    expect(loggedOutcome({ ...failed, status: 'retried' })?.retryable).toBe(false);
    expect(loggedOutcome({ ...failed, status: 'resolved' })?.retryable).toBe(false);
    expect(loggedOutcome({ level: 'error', message: 'No token' })?.retryable).toBe(false);
  });
});
