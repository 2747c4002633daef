// Workflow transitions in the Jira emulator over HTTP: what is available from a status, moving an issue, and the
// refusals Jira answers.
import { DEFAULT_FIXTURE as F } from '../index';
import {
  client,
  specErrors,
  useJira,
  type ErrorBody,
  type IssueBean,
  type StatusBean,
} from '../jira.test-support';

const jira = useJira();

interface TransitionsBody {
  transitions: { id: string; name: string; to: StatusBean }[];
}

function newIssue(): string {
  return jira().admin.createIssue('712020:bob', { project: 'SUP', issueType: 'Task', summary: 'Move me' }).id;
}

describe('GET /rest/api/3/issue/{id}/transitions', () => {
  it('lists the transitions available from the current status', async () => {
    const id = newIssue();
    const reply = await client(jira()).get<TransitionsBody>(`/rest/api/3/issue/${id}/transitions`);
    expect(reply.status).toBe(200);
    expect(specErrors('Transitions', reply.body)).toEqual([]);
    expect(reply.body.transitions.map((t) => [t.id, t.name, t.to.name])).toEqual([
      [F.transitions.startProgress, 'Start Progress', 'In Progress'],
      [F.transitions.done, 'Done', 'Done'],
    ]);
  });

  it('changes with the status and filters by transitionId', async () => {
    const id = newIssue();
    jira().admin.transitionIssue('app', id, { toStatus: 'Done' });
    const api = client(jira());
    const fromDone = await api.get<TransitionsBody>(`/rest/api/3/issue/${id}/transitions`);
    expect(fromDone.body.transitions.map((t) => t.name)).toEqual(['Reopen']);
    const filtered = await api.get<TransitionsBody>(
      `/rest/api/3/issue/${id}/transitions?transitionId=${F.transitions.done}`,
    );
    expect(filtered.body.transitions).toEqual([]);
  });
});

describe('POST /rest/api/3/issue/{id}/transitions', () => {
  it('moves the issue, writes a status changelog entry and bumps updated', async () => {
    const id = newIssue();
    const api = client(jira());
    const before = await api.get<IssueBean>(`/rest/api/3/issue/${id}?fields=updated`);
    const reply = await api.post(`/rest/api/3/issue/${id}/transitions`, {
      transition: { id: F.transitions.startProgress },
    });
    expect(reply.status).toBe(204);
    const after = await api.get<IssueBean>(`/rest/api/3/issue/${id}?fields=status,updated&expand=changelog`);
    expect(after.body.fields.status?.name).toBe('In Progress');
    expect(Date.parse(after.body.fields.updated ?? '')).toBeGreaterThan(
      Date.parse(before.body.fields.updated ?? ''),
    );
    expect(after.body.changelog?.histories[0]).toMatchObject({
      author: { accountId: jira().appAccountId },
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
    });
  });

  it('answers 400 for an unknown transition and for one not available from the current status', async () => {
    const id = newIssue();
    const api = client(jira());
    const unknown = await api.post<ErrorBody>(`/rest/api/3/issue/${id}/transitions`, {
      transition: { id: '999' },
    });
    expect(unknown.status).toBe(400);
    expect(unknown.body.errorMessages).toEqual(["Transition id '999' is not valid for this issue."]);
    const unavailable = await api.post<ErrorBody>(`/rest/api/3/issue/${id}/transitions`, {
      transition: { id: F.transitions.reopen },
    });
    expect(unavailable.status).toBe(400);
    const status = await api.get<IssueBean>(`/rest/api/3/issue/${id}?fields=status`);
    expect(status.body.fields.status?.id).toBe(F.statuses.toDo);
  });

  it('refuses fields on a transition without a screen', async () => {
    const id = newIssue();
    const reply = await client(jira()).post<ErrorBody>(`/rest/api/3/issue/${id}/transitions`, {
      transition: { id: F.transitions.done },
      fields: { summary: 'x' },
    });
    expect(reply.status).toBe(400);
    expect(reply.body.errors.summary).toMatch(/cannot be set/);
  });
});

describe('GET /rest/api/3/status', () => {
  it('lists every status with its category', async () => {
    const reply = await client(jira()).get<StatusBean[]>('/rest/api/3/status');
    expect(reply.status).toBe(200);
    for (const status of reply.body) expect(specErrors('StatusDetails', status)).toEqual([]);
    expect(reply.body.map((s) => [s.id, s.name, s.statusCategory.key])).toEqual([
      [F.statuses.toDo, 'To Do', 'new'],
      [F.statuses.inProgress, 'In Progress', 'indeterminate'],
      [F.statuses.done, 'Done', 'done'],
    ]);
  });
});
