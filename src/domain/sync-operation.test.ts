// The words the admin page uses for sync operations.
import { operationName } from './sync-operation';

describe('operationName', () => {
  it('names the operations an admin meets in words', () => {
    expect(operationName('comment-to-action')).toBe('Jira comment → ticket action');
    expect(operationName('issue-update-to-ticket')).toBe('Jira issue change → ticket');
    expect(operationName('action-to-comment')).toBe('Ticket action → Jira comment');
  });

  it('shows an operation it does not know as itself', () => {
    expect(operationName('something-new')).toBe('something-new');
  });
});
