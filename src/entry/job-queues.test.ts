// Which queue each kind of job goes on, and which jobs it runs one at a time with: decided in one place.
import type { QueueJob } from '../sync/jobs/queue';
import { placementOf } from './job-queues';

const version = { type: 'version', id: '10010', name: '2.1', projectId: '10000' } as const;

describe('placementOf', () => {
  it.each<[string, QueueJob, { queue: string; key?: string }]>([
    [
      'a comment, one at a time per issue',
      { kind: 'comment', issueId: '10001', commentId: '7', isEdit: false },
      { queue: 'outbound-sync', key: 'issue-10001' },
    ],
    [
      'an issue change, with the same key',
      { kind: 'issue-updated', issueId: '10001', issueKey: 'SUP-1', changelogId: '3', changedFields: [] },
      { queue: 'outbound-sync', key: 'issue-10001' },
    ],
    [
      'a deleted issue, with the same key',
      { kind: 'issue-deleted', issueId: '10001', issueKey: 'SUP-1' },
      { queue: 'outbound-sync', key: 'issue-10001' },
    ],
    [
      "one link's release note, with the issue's key",
      {
        kind: 'release-note',
        issueId: '10001',
        issueKey: 'SUP-1',
        version,
        releasedAt: '2025-01-01T00:00:00Z',
      },
      { queue: 'outbound-sync', key: 'issue-10001' },
    ],
    [
      "a Jira event's Brevo events, one at a time per account",
      {
        kind: 'brevo',
        accountId: 'acc',
        issueId: '10001',
        issueKey: 'SUP-1',
        jiraEventId: 'created',
        eventDate: '2025-01-01T00:00:00Z',
        events: ['issueCreated'],
      },
      { queue: 'outbound-sync', key: 'brevo-acc' },
    ],
    [
      "an account's team capacity, with the account's key",
      { kind: 'brevo-capacity', accountId: 'acc', day: '2025-01-01', phase: 'projects', next: 0 },
      { queue: 'outbound-sync', key: 'brevo-acc' },
    ],
    [
      "an account's backfill page, with the account's key",
      { kind: 'brevo-backfill', accountId: 'acc', runId: 'r' },
      { queue: 'outbound-sync', key: 'brevo-acc' },
    ],
    [
      "a milestone's Brevo page, with the account's key",
      {
        kind: 'milestone-brevo',
        accountId: 'acc',
        milestone: version,
        eventDate: '2025-01-01T00:00:00Z',
        step: { phase: 'collect', page: 0 },
      },
      { queue: 'outbound-sync', key: 'brevo-acc' },
    ],
    [
      "a release's page, one at a time per version",
      { kind: 'release-tickets', version, releasedAt: '2025-01-01T00:00:00Z', page: 0, skip: 0 },
      { queue: 'outbound-sync', key: 'release-10010' },
    ],
    [
      "a repair walk's page, one at a time per walk",
      { kind: 'links-property-repair', walk: 'all', runId: 'r' },
      { queue: 'outbound-sync', key: 'links-repair-all' },
    ],
    [
      "a pull's continuation, one at a time per instance",
      { kind: 'pull', instanceId: 'inst' },
      { queue: 'inbound-sync', key: 'pull-inst' },
    ],
    [
      'a ticket retried on its own, beside any other',
      { kind: 'retry-ticket', instanceId: 'inst', ticketId: '5' },
      { queue: 'inbound-sync' },
    ],
    [
      'an action retried on its own, beside any other',
      { kind: 'retry-action', instanceId: 'inst', ticketId: '5', actionId: '9' },
      { queue: 'inbound-sync' },
    ],
    [
      "a hot ticket's check, beside any other",
      { kind: 'check-ticket', instanceId: 'inst', ticketId: '5', chain: 'c' },
      { queue: 'inbound-sync' },
    ],
  ])('%s', (_what, job, placement) => {
    expect(placementOf(job)).toEqual(placement);
  });
});
