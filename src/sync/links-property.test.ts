// Writing the links property on an issue: counts links the query does not see yet, writes only changes, never throws.
import { IntegrationError } from '../lib/errors';
import { refreshLinksProperty, writeLinksProperty, type LinksPropertyDeps } from './links-property';
import type { Link } from './records/link';
import type { NewSyncEvent } from './records/sync-event';

const names = new Map([['i-1', 'Acme Support']]);

function link(ticketId: string, ticketNumber: string): Link {
  return {
    instanceId: 'i-1',
    ticketId,
    ticketNumber,
    issueId: '10001',
    issueKey: 'SUP-1',
    linkedAt: '2026-11-21T10:00:00.000Z',
  };
}

/** A Jira and a link store that record what happens; `listed` is what the by-issue query returns. */
function fakes(listed: Link[], failWith?: Error) {
  const writes: Array<{ op: 'set' | 'delete'; value?: unknown }> = [];
  const log: NewSyncEvent[] = [];
  const deps: LinksPropertyDeps = {
    jira: {
      setIssueProperty: (_issueId, _key, value) => {
        if (failWith) return Promise.reject(failWith);
        writes.push({ op: 'set', value });
        return Promise.resolve();
      },
      deleteIssueProperty: () => {
        writes.push({ op: 'delete' });
        return Promise.resolve();
      },
    },
    links: { listByIssue: () => Promise.resolve(listed) },
    config: {
      read: () =>
        Promise.resolve({
          ok: false,
          error: { code: 'INVALID_DOCUMENT', message: 'broken', issues: [] },
        }),
    },
    log: {
      append: (event) => {
        log.push(event);
        return Promise.resolve(undefined);
      },
    },
  };
  return { deps, writes, log };
}

describe('writeLinksProperty', () => {
  it('counts a link just made that the by-issue query does not list yet, and drops one just removed', async () => {
    // Index queries are eventually consistent: the listing lags behind the link the caller has just changed.
    const made = fakes([link('1', '11')]);
    await writeLinksProperty(made.deps, '10001', names, { change: { made: link('2', '12') } });
    expect(made.writes).toEqual([
      { op: 'set', value: { count: 2, numbers: ['11', '12'], instances: ['Acme Support'] } },
    ]);

    const removed = fakes([link('1', '11'), link('2', '12')]);
    await writeLinksProperty(removed.deps, '10001', names, {
      change: { removed: { instanceId: 'i-1', ticketId: '2' } },
    });
    expect(removed.writes).toEqual([
      { op: 'set', value: { count: 1, numbers: ['11'], instances: ['Acme Support'] } },
    ]);
  });

  it('writes nothing when the known value is right, and removes the property when no link is left', async () => {
    const right = fakes([link('1', '11')]);
    const current = { value: { count: 1, numbers: ['11'], instances: ['Acme Support'] } };
    expect(await writeLinksProperty(right.deps, '10001', names, { current })).toBe('unchanged');
    expect(right.writes).toEqual([]);

    const none = fakes([]);
    expect(await writeLinksProperty(none.deps, '10001', names, { current: { value: undefined } })).toBe(
      'unchanged',
    );
    expect(await writeLinksProperty(none.deps, '10001', names, { current })).toBe('removed');
    expect(none.writes).toEqual([{ op: 'delete' }]);
  });

  it('reports an issue that no longer exists instead of failing', async () => {
    const gone = fakes([link('1', '11')], new IntegrationError('not-found', 'gone', { system: 'jira' }));
    expect(await writeLinksProperty(gone.deps, '10001', names)).toBe('issue-gone');
  });
});

describe('refreshLinksProperty', () => {
  it('never throws: a failure is a warning in the sync log of the link’s instance', async () => {
    const failing = fakes([link('1', '11')]);
    await refreshLinksProperty(failing.deps, { id: '10001', key: 'SUP-1' }, { made: link('1', '11') });
    expect(failing.writes).toEqual([]);
    expect(failing.log).toEqual([
      expect.objectContaining({
        level: 'warn',
        instanceId: 'i-1',
        issueKey: 'SUP-1',
        operation: 'links-property',
        message: expect.stringContaining('the settings could not be read'),
      }),
    ]);
  });
});
