// A backfill rebuilds an issue's past events for the window, as the live trigger's jobs with their event ids.
import type { JiraComment, JiraIssue } from '../../domain/jira';
import { pastEvents } from './backfill-events';

const issue: JiraIssue = {
  id: '10001',
  key: 'SUP-1',
  summary: 'Printer',
  status: 'Done',
  issueType: 'Task',
  projectKey: 'SUP',
  securityLevel: null,
  fields: { created: '2026-05-01T09:00:00.000+0000' },
};

function comment(id: string, created: string): JiraComment {
  return {
    id,
    issueId: issue.id,
    authorAccountId: 'a',
    authorName: 'Alice',
    body: null,
    created,
    updated: created,
    visibility: null,
    jsdPublic: undefined,
    properties: {},
  };
}

describe('past events of an issue', () => {
  it('rebuilds the live trigger’s jobs for the window, oldest first, with the live flow’s event ids', () => {
    const events = pastEvents(
      issue,
      [
        {
          id: '300',
          created: '2026-05-02T10:00:00.000+0000',
          items: [
            { field: 'status', fieldId: 'status', fromText: 'To Do', toText: 'Done' },
            { field: 'resolution', fieldId: 'resolution', fromText: null, toText: 'Done' },
          ],
        },
        {
          id: '301',
          created: '2026-05-03T10:00:00.000+0000',
          items: [{ field: 'summary', fieldId: 'summary', fromText: 'Old', toText: 'Printer' }],
        },
        {
          id: '302',
          created: '2026-05-03T11:00:00.000+0000',
          items: [{ field: 'labels', fieldId: 'labels', fromText: null, toText: 'x' }],
        },
      ],
      [comment('77', '2026-05-02T09:30:00.000+0000')],
      '2026-04-30T00:00:00.000Z',
    );
    expect(events.map((event) => [event.jiraEventId, event.events])).toEqual([
      ['created', ['issueCreated']],
      ['comment-77', ['commentAdded']],
      ['change-300', ['statusChanged', 'issueResolved']],
      ['change-301', ['issueUpdated']],
    ]);
    expect(events[0]?.eventDate).toBe('2026-05-01T09:00:00.000Z');
    expect(events[2]).toMatchObject({ statusChange: { from: 'To Do', to: 'Done' } });
    expect(events[3]).toMatchObject({ changes: [{ field: 'summary', from: 'Old', to: 'Printer' }] });
  });

  it('leaves out what happened before the window', () => {
    const events = pastEvents(
      issue,
      [
        {
          id: '300',
          created: '2026-05-02T10:00:00.000+0000',
          items: [{ field: 'status', fieldId: 'status', fromText: 'A', toText: 'B' }],
        },
      ],
      [comment('77', '2026-05-01T09:30:00.000+0000')],
      '2026-05-02T00:00:00.000Z',
    );
    expect(events.map((event) => event.jiraEventId)).toEqual(['change-300']);
  });
});
