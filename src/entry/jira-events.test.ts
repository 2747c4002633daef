// Turning Jira product events into sync jobs: new and edited comments, status and field changes from the changelog.
import {
  brevoChangeFor,
  brevoJobsFor,
  jiraEventSchema,
  jobForEvent,
  type BrevoAccountFilter,
} from './jira-events';

const issue = { id: '10001', key: 'SUP-1', fields: { summary: 'Export fails' } };

function job(event: unknown): unknown {
  return jobForEvent(jiraEventSchema.parse(event));
}

describe('jobForEvent', () => {
  it('turns a new comment into a comment job', () => {
    const comment = {
      id: '200',
      created: '2026-11-21T10:00:00.000+0000',
      updated: '2026-11-21T10:00:00.000+0000',
    };
    expect(job({ eventType: 'avi:jira:commented:issue', issue, comment, atlassianId: 'a1' })).toEqual({
      kind: 'comment',
      issueId: '10001',
      commentId: '200',
      isEdit: false,
    });
  });

  it('marks an edited comment as an edit', () => {
    const comment = {
      id: '200',
      created: '2026-11-21T10:00:00.000+0000',
      updated: '2026-11-21T10:05:00.000+0000',
    };
    expect(job({ eventType: 'avi:jira:commented:issue', issue, comment })).toMatchObject({ isEdit: true });
  });

  it('reads a status change and other changed fields from the changelog', () => {
    const event = {
      eventType: 'avi:jira:updated:issue',
      issue,
      changelog: {
        id: '30001',
        items: [
          {
            field: 'status',
            fieldId: 'status',
            from: '1',
            fromString: 'To Do',
            to: '3',
            toString: 'In Progress',
          },
          {
            field: 'Severity',
            fieldId: 'customfield_10010',
            from: null,
            fromString: null,
            to: '2',
            toString: 'High',
          },
          { field: 'labels', fieldId: 'labels', fromString: '', toString: 'vip' },
        ],
      },
    };
    expect(job(event)).toEqual({
      kind: 'issue-updated',
      issueId: '10001',
      issueKey: 'SUP-1',
      changelogId: '30001',
      statusChange: { from: 'To Do', to: 'In Progress' },
      changedFields: ['customfield_10010', 'labels'],
    });
  });

  it('ignores updates that change no field (the update a new comment fires)', () => {
    expect(
      job({ eventType: 'avi:jira:updated:issue', issue, changelog: { id: 1, items: [] } }),
    ).toBeUndefined();
    expect(job({ eventType: 'avi:jira:updated:issue', issue })).toBeUndefined();
    const parentOnly = {
      id: 2,
      items: [{ field: 'IssueParentAssociation', fromString: null, toString: 'SUP-9' }],
    };
    expect(job({ eventType: 'avi:jira:updated:issue', issue, changelog: parentOnly })).toBeUndefined();
  });

  it('does not mistake a missing toString for Object.prototype.toString', () => {
    const event = {
      eventType: 'avi:jira:updated:issue',
      issue,
      changelog: { id: 5, items: [{ field: 'status', fieldId: 'status' }] },
    };
    expect(job(event)).toMatchObject({ statusChange: { from: '', to: '' } });
  });

  it('turns a deleted issue into a delete job', () => {
    expect(job({ eventType: 'avi:jira:deleted:issue', issue })).toEqual({
      kind: 'issue-deleted',
      issueId: '10001',
      issueKey: 'SUP-1',
    });
  });

  it('rejects events it cannot read', () => {
    expect(jiraEventSchema.safeParse({ eventType: 'avi:jira:commented:issue', issue }).success).toBe(false);
    expect(jiraEventSchema.safeParse({ eventType: 'avi:jira:created:issue', issue: { id: 1 } }).success).toBe(
      false,
    );
    expect(jiraEventSchema.safeParse({ eventType: 'avi:jira:archived:issue', issue }).success).toBe(false);
  });

  it('queues nothing for the linked tickets of a new issue (it has none yet)', () => {
    expect(job({ eventType: 'avi:jira:created:issue', issue })).toBeUndefined();
  });
});

describe('brevoJobsFor', () => {
  const events = {
    issueCreated: true,
    issueUpdated: true,
    issueResolved: true,
    statusChanged: true,
    commentAdded: true,
  };
  const account: BrevoAccountFilter = { id: 'crm', active: true, projects: 'all', issueTypes: 'all', events };
  const scoped = {
    ...issue,
    fields: { ...issue.fields, project: { key: 'SUP' }, issuetype: { name: 'Task' } },
  };
  const jobs = (event: unknown, accounts: BrevoAccountFilter[] = [account]) => {
    const parsed = jiraEventSchema.parse(event);
    const change = brevoChangeFor(parsed);
    return change ? brevoJobsFor(parsed, change, accounts) : [];
  };
  const updated = (items: unknown[]) => ({
    eventType: 'avi:jira:updated:issue',
    issue: scoped,
    timestamp: '2026-11-21T10:00:00.000Z',
    changelog: { id: 7, items },
  });

  it.each([
    ['a new issue', { eventType: 'avi:jira:created:issue', issue: scoped, timestamp: 1 }, ['issueCreated']],
    [
      'a status change that resolves the issue',
      updated([
        { field: 'status', fieldId: 'status', fromString: 'To Do', toString: 'Done' },
        { field: 'resolution', fieldId: 'resolution', fromString: null, toString: 'Done' },
      ]),
      ['statusChanged', 'issueResolved'],
    ],
    [
      'a new summary',
      updated([{ field: 'summary', fieldId: 'summary', fromString: 'a', toString: 'b' }]),
      ['issueUpdated'],
    ],
    [
      'a change of an unmapped field',
      updated([{ field: 'labels', fieldId: 'labels', fromString: '', toString: 'x' }]),
      [],
    ],
  ])('turns %s into its Brevo events', (_case, event, expected) => {
    expect(jobs(event).flatMap((job) => job.events)).toEqual(expected);
  });

  it('carries the change, the Jira event time and an id that names the event', () => {
    const [only] = jobs(
      updated([{ field: 'status', fieldId: 'status', fromString: 'To Do', toString: 'Done' }]),
    );
    expect(only).toMatchObject({
      kind: 'brevo',
      accountId: 'crm',
      jiraEventId: 'change-7',
      eventDate: '2026-11-21T10:00:00.000Z',
      statusChange: { from: 'To Do', to: 'Done' },
    });
  });

  it.each([
    ['an inactive account', { ...account, active: false }],
    ['an account for other projects', { ...account, projects: ['DEV'] }],
    ['an account for other issue types', { ...account, issueTypes: ['Bug'] }],
    ['an account that does not send new issues', { ...account, events: { ...events, issueCreated: false } }],
  ])('queues nothing for %s', (_case, other) => {
    expect(jobs({ eventType: 'avi:jira:created:issue', issue: scoped }, [other])).toEqual([]);
  });

  it('sends no edited comment', () => {
    const comment = { id: '5', created: '2026-11-21T10:00:00.000Z', updated: '2026-11-21T10:09:00.000Z' };
    expect(jobs({ eventType: 'avi:jira:commented:issue', issue: scoped, comment })).toEqual([]);
  });
});
