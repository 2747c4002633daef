import { jiraEventSchema, jobForEvent } from './jira-events';

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
    expect(jiraEventSchema.safeParse({ eventType: 'avi:jira:created:issue', issue }).success).toBe(false);
  });
});
