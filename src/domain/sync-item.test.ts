// What one sync-log item is (instance, ticket, operation, source), so a later success can resolve its error.
import { sameSyncItem, syncItemKey, syncItemOf } from './sync-item';

const base = { instanceId: 'inst-1', ticketId: '42', operation: 'comment-to-action' };

describe('syncItemOf', () => {
  it('reads the source from the job Retry would run again', () => {
    const retry = {
      kind: 'outbound',
      payload: { kind: 'comment', issueId: '10', commentId: '700', isEdit: false },
    };
    expect(syncItemOf({ ...base, retry })).toEqual({ ...base, sourceId: '700' });
    const action = {
      kind: 'inbound',
      payload: { kind: 'retry-action', instanceId: 'inst-1', ticketId: '42', actionId: '9' },
    };
    expect(syncItemOf({ ...base, operation: 'action-to-comment', retry: action })?.sourceId).toBe('9');
    const ticket = {
      kind: 'inbound',
      payload: { kind: 'retry-ticket', instanceId: 'inst-1', ticketId: '42' },
    };
    expect(syncItemOf({ ...base, operation: 'ticket-to-issue', retry: ticket })?.sourceId).toBe('42');
  });

  it('is the same item only for the same instance, ticket, operation and source', () => {
    const retry = (commentId: string) => ({ kind: 'outbound', payload: { kind: 'comment', commentId } });
    const a = syncItemOf({ ...base, retry: retry('1') });
    const b = syncItemOf({ ...base, retry: retry('1'), ...{ ticketId: '42' } });
    const other = syncItemOf({ ...base, retry: retry('2') });
    const otherTicket = syncItemOf({ ...base, ticketId: '43', retry: retry('1') });
    if (!a || !b || !other || !otherTicket) throw new Error('no item');
    expect(sameSyncItem(a, b)).toBe(true);
    expect(sameSyncItem(a, other)).toBe(false);
    expect(sameSyncItem(a, otherTicket)).toBe(false);
    expect(syncItemKey(a)).not.toBe(syncItemKey({ ...a, operation: 'pull-ticket' }));
  });

  it('has no item without a ticket or a job it knows', () => {
    expect(
      syncItemOf({
        ...base,
        ticketId: undefined,
        retry: { kind: 'outbound', payload: { kind: 'comment', commentId: '1' } },
      }),
    ).toBeUndefined();
    expect(syncItemOf({ ...base, retry: { kind: 'outbound', payload: { kind: 'brevo' } } })).toBeUndefined();
    expect(syncItemOf(base)).toBeUndefined();
  });
});
