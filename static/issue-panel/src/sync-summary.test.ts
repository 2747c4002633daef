// The panel's summary after "Sync now": comments each way per ticket, and problems named.
import { describe, expect, it } from '@jest/globals';
import { syncSummary } from './sync-summary';

const link = { instanceId: 'i', ticketId: '1', ticketNumber: '5', fromTicket: 0, toTicket: 0 };

describe('syncSummary', () => {
  it('counts the comments each way per ticket', () => {
    expect(syncSummary({ results: [{ ...link, fromTicket: 2, toTicket: 1 }] })).toEqual({
      lines: ['Synced: 2 comments from #5, 1 comment to #5'],
      failed: false,
    });
  });

  it('says when nothing was new, and names each problem and a stop', () => {
    expect(
      syncSummary({
        results: [{ ...link, error: 'Ticket #5 no longer exists.' }],
        stopped: 'Time ran short.',
      }),
    ).toEqual({
      lines: ['Everything was already in sync.', '#5: Ticket #5 no longer exists.', 'Time ran short.'],
      failed: true,
    });
  });
});
