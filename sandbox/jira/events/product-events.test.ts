// The product events the Jira emulator emits for issue and comment writes: payloads, selfGenerated for app writes,
// changelog items, and nothing for an edit that changes nothing.
import { DEFAULT_FIXTURE as F, type ProductEvent } from '../index';
import { adf, client, useJira, type CommentBean, type CreatedIssue } from '../jira.test-support';

const jira = useJira();
const numericId: unknown = expect.stringMatching(/^\d+$/);

function recordEvents(): ProductEvent[] {
  const received: ProductEvent[] = [];
  jira().onEvent((event) => received.push(event));
  return received;
}

describe('product events', () => {
  it('avi:jira:created:issue carries the issue summary fields and selfGenerated for app writes', async () => {
    const events = recordEvents();
    const created = await client(jira()).post<CreatedIssue>('/rest/api/3/issue', {
      fields: { project: { key: 'SUP' }, issuetype: { name: 'Task' }, summary: 'From the app' },
    });
    expect(events).toHaveLength(1);
    const [event] = events;
    expect(event).toMatchObject({
      eventType: 'avi:jira:created:issue',
      atlassianId: jira().appAccountId,
      selfGenerated: true,
      issue: {
        id: created.body.id,
        key: created.body.key,
        fields: {
          summary: 'From the app',
          issuetype: { id: F.issueTypes.task, name: 'Task' },
          project: { id: F.projects.SUP.id, key: 'SUP' },
          status: { id: F.statuses.toDo, name: 'To Do' },
          creator: { accountId: jira().appAccountId },
          reporter: { accountId: jira().appAccountId },
        },
      },
    });
    if (event?.eventType !== 'avi:jira:created:issue') throw new Error('expected a created:issue event');
    expect(typeof event.timestamp).toBe('string');
    expect(event.issue.fields).not.toHaveProperty('assignee');
  });

  it('a user write is not selfGenerated and names the user', async () => {
    const events = recordEvents();
    await client(jira(), 'user:712020:bob').post('/rest/api/3/issue', {
      fields: { project: { key: 'SUP' }, issuetype: { name: 'Task' }, summary: 'By Bob' },
    });
    expect(events[0]).toMatchObject({ selfGenerated: false, atlassianId: F.users.bob.accountId });
  });

  it('a user’s status change (POST transitions) is an updated event with a status item, which the app maps', async () => {
    const { id } = jira().admin.createIssue('712020:alice', {
      project: 'SUP',
      issueType: 'Task',
      summary: 's',
    });
    const events = recordEvents();
    await client(jira()).post(`/rest/api/3/issue/${id}/transitions`, {
      transition: { id: F.transitions.startProgress },
    });
    expect(events).toHaveLength(1);
    expect(events[0]).toMatchObject({
      eventType: 'avi:jira:updated:issue',
      selfGenerated: true,
      issue: { id, fields: { status: { id: F.statuses.inProgress } } },
      changelog: {
        id: numericId,
        items: [
          {
            field: 'status',
            fieldId: 'status',
            fieldtype: 'jira',
            from: F.statuses.toDo,
            fromString: 'To Do',
            to: F.statuses.inProgress,
            toString: 'In Progress',
          },
        ],
      },
    });
  });

  it('a user’s field edit (PUT issue, which only users send) lists only the changed fields, null from/to without ids', async () => {
    const { id } = jira().admin.createIssue('712020:alice', {
      project: 'DEV',
      issueType: 'Task',
      summary: 'old',
    });
    const events = recordEvents();
    await client(jira(), 'user:712020:alice').put(`/rest/api/3/issue/${id}`, {
      fields: { summary: 'new', [F.customFields.severity]: { value: 'Critical' } },
    });
    expect(events).toHaveLength(1);
    const event = events[0];
    expect(event?.eventType).toBe('avi:jira:updated:issue');
    expect(event && 'changelog' in event ? event.changelog?.items : undefined).toEqual([
      {
        field: 'summary',
        fieldId: 'summary',
        fieldtype: 'jira',
        from: null,
        fromString: 'old',
        to: null,
        toString: 'new',
      },
      {
        field: 'Severity',
        fieldId: F.customFields.severity,
        fieldtype: 'custom',
        from: null,
        fromString: null,
        to: F.severityOptions.critical,
        toString: 'Critical',
      },
    ]);
  });

  it('an edit that changes nothing emits nothing', async () => {
    const { id } = jira().admin.createIssue('app', { project: 'SUP', issueType: 'Task', summary: 'same' });
    const events = recordEvents();
    expect(
      (await client(jira()).put(`/rest/api/3/issue/${id}`, { fields: { summary: 'same' } })).status,
    ).toBe(204);
    expect(events).toEqual([]);
  });

  it('comment create emits commented:issue then updated:issue without field changes; edit emits commented:issue again', async () => {
    const { id } = jira().admin.createIssue('712020:alice', {
      project: 'SUP',
      issueType: 'Task',
      summary: 's',
    });
    const events = recordEvents();
    const api = client(jira());
    const created = await api.post<CommentBean>(`/rest/api/3/issue/${id}/comment`, {
      body: adf('restricted'),
      visibility: { type: 'role', value: 'Administrators' },
    });
    expect(events.map((e) => e.eventType)).toEqual(['avi:jira:commented:issue', 'avi:jira:updated:issue']);
    const commented = events[0];
    expect(commented).toMatchObject({
      selfGenerated: true,
      issue: { id },
      comment: {
        id: created.body.id,
        author: { accountId: jira().appAccountId },
        updateAuthor: { accountId: jira().appAccountId },
        body: adf('restricted'),
        created: created.body.created,
        updated: created.body.updated,
        jsdPublic: true,
      },
    });
    expect(commented && 'comment' in commented ? Object.keys(commented.comment).sort() : []).toEqual([
      'author',
      'body',
      'created',
      'id',
      'jsdPublic',
      'updateAuthor',
      'updated',
    ]);
    expect(events[1]).toMatchObject({
      eventType: 'avi:jira:updated:issue',
      jiraEventTypeName: 'issue_commented',
      issue: { id },
    });
    expect(events[1]).not.toHaveProperty('changelog');

    events.length = 0;
    const edited = await api.put<CommentBean>(`/rest/api/3/issue/${id}/comment/${created.body.id}`, {
      body: adf('edited'),
    });
    expect(events.map((e) => e.eventType)).toEqual(['avi:jira:commented:issue']);
    expect(events[0]).toMatchObject({
      comment: { id: created.body.id, body: adf('edited'), updated: edited.body.updated },
    });
    expect(Date.parse(edited.body.updated)).toBeGreaterThan(Date.parse(created.body.updated));
  });

  it('an internal JSM comment is reported with jsdPublic false', async () => {
    const { id } = jira().admin.createIssue('app', { project: 'SUP', issueType: 'Task', summary: 's' });
    const events = recordEvents();
    jira().admin.addComment('712020:alice', id, { body: 'agents only', internal: true });
    expect(events[0]).toMatchObject({
      eventType: 'avi:jira:commented:issue',
      selfGenerated: false,
      comment: { jsdPublic: false },
    });
  });

  it('a user deleting a comment or an issue (REST the app never sends) emits deleted events', async () => {
    const { id, key } = jira().admin.createIssue('app', { project: 'SUP', issueType: 'Task', summary: 's' });
    const comment = jira().admin.addComment('712020:bob', id, { body: 'bye' });
    const events = recordEvents();
    const api = client(jira());
    expect((await api.delete(`/rest/api/3/issue/${id}/comment/${comment.id}`)).status).toBe(204);
    expect((await api.delete(`/rest/api/3/issue/${id}`)).status).toBe(204);
    expect(events.map((e) => e.eventType)).toEqual(['avi:jira:deleted:comment', 'avi:jira:deleted:issue']);
    expect(events[0]).toMatchObject({
      comment: { id: comment.id, author: { accountId: F.users.bob.accountId } },
      issue: { id, key },
    });
    expect(events[1]).toMatchObject({
      issue: { id, key },
      atlassianId: jira().appAccountId,
      selfGenerated: true,
    });
  });

  it('admin actions as a user emit events too, and the history can be read back', () => {
    const { id } = jira().admin.createIssue('712020:bob', {
      project: 'DEV',
      issueType: 'Story',
      summary: 's',
    });
    jira().admin.transitionIssue('712020:bob', id, { toStatus: 'In Progress' });
    expect(
      jira()
        .events()
        .map((e) => [e.eventType, e.atlassianId, 'selfGenerated' in e ? e.selfGenerated : undefined]),
    ).toEqual([
      ['avi:jira:created:issue', F.users.bob.accountId, false],
      ['avi:jira:updated:issue', F.users.bob.accountId, false],
    ]);
  });

  it('a listener that throws does not break the request', async () => {
    const consoleError = jest.spyOn(console, 'error').mockImplementation(() => undefined);
    jira().onEvent(() => {
      throw new Error('listener bug');
    });
    const reply = await client(jira()).post('/rest/api/3/issue', {
      fields: { project: { key: 'SUP' }, issuetype: { name: 'Task' }, summary: 's' },
    });
    expect(reply.status).toBe(201);
    expect(consoleError).toHaveBeenCalled();
    consoleError.mockRestore();
  });
});
