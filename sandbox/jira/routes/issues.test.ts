// The issue REST routes of the Jira emulator over HTTP: create against the screen, get with `fields`, edit with
// update operations and changelog, delete, properties and createmeta.
import { DEFAULT_FIXTURE as F } from '../index';
import {
  adf,
  client,
  specErrors,
  useJira,
  type CreatedIssue,
  type ErrorBody,
  type IssueBean,
} from '../jira.test-support';

const jira = useJira();

async function createTask(
  summary = 'Printer on fire',
  extra: Record<string, unknown> = {},
): Promise<CreatedIssue> {
  const reply = await client(jira()).post<CreatedIssue>('/rest/api/3/issue', {
    fields: { project: { key: 'SUP' }, issuetype: { name: 'Task' }, summary, ...extra },
  });
  expect(reply.status).toBe(201);
  return reply.body;
}

describe('POST /rest/api/3/issue', () => {
  it('creates an issue with a numeric string id and a project key', async () => {
    const reply = await client(jira()).post<CreatedIssue>('/rest/api/3/issue', {
      fields: { project: { id: F.projects.SUP.id }, issuetype: { id: F.issueTypes.task }, summary: 'First' },
    });
    expect(reply.status).toBe(201);
    expect(specErrors('CreatedIssue', reply.body)).toEqual([]);
    expect(reply.body.id).toMatch(/^\d+$/);
    expect(reply.body.key).toBe('SUP-1');
    expect(reply.body.self).toBe(`${jira().baseUrl}/rest/api/3/issue/${reply.body.id}`);
  });

  it('answers 400 with errors per field when createmeta-required fields are missing', async () => {
    const reply = await client(jira()).post<ErrorBody>('/rest/api/3/issue', {
      fields: { project: { key: 'DEV' }, issuetype: { name: 'Bug' } },
    });
    expect(reply.status).toBe(400);
    expect(specErrors('ErrorCollection', reply.body)).toEqual([]);
    expect(reply.body.errors).toEqual({
      summary: 'You must specify a summary of the issue.',
      [F.customFields.severity]: 'Severity is required.',
    });
  });

  it('refuses fields that are not on the screen and unknown projects', async () => {
    const offScreen = await client(jira()).post<ErrorBody>('/rest/api/3/issue', {
      fields: {
        project: { key: 'DEV' },
        issuetype: { name: 'Story' },
        summary: 's',
        [F.customFields.severity]: { value: 'Major' },
      },
    });
    expect(offScreen.status).toBe(400);
    expect(offScreen.body.errors[F.customFields.severity]).toMatch(/cannot be set/);
    const noProject = await client(jira()).post<ErrorBody>('/rest/api/3/issue', {
      fields: { project: { key: 'NOPE' }, issuetype: { name: 'Task' }, summary: 's' },
    });
    expect(noProject.status).toBe(400);
    expect(noProject.body.errors.project).toBe('Specify a valid project ID or key');
  });

  it('validates option values, labels and priority like Jira', async () => {
    const reply = await client(jira()).post<ErrorBody>('/rest/api/3/issue', {
      fields: {
        project: { key: 'DEV' },
        issuetype: { name: 'Bug' },
        summary: 's',
        [F.customFields.severity]: { value: 'Apocalyptic' },
        labels: ['two words'],
        priority: { name: 'Urgent' },
      },
    });
    expect(reply.status).toBe(400);
    expect(reply.body.errors).toEqual({
      [F.customFields.severity]: "Option value 'Apocalyptic' is not valid",
      labels: "The label 'two words' contains spaces which is invalid.",
      priority: "Priority name 'Urgent' is not valid",
    });
  });

  it('rejects a non-ADF description with 400 and records a contract violation', async () => {
    const reply = await client(jira()).post<ErrorBody>('/rest/api/3/issue', {
      fields: {
        project: { key: 'SUP' },
        issuetype: { name: 'Task' },
        summary: 's',
        description: 'plain text',
      },
    });
    expect(reply.status).toBe(400);
    expect(reply.body.errors.description).toBe('Operation value must be an Atlassian Document');
    const invalidDoc = await client(jira()).post<ErrorBody>('/rest/api/3/issue', {
      fields: {
        project: { key: 'SUP' },
        issuetype: { name: 'Task' },
        summary: 's',
        description: { type: 'doc', version: 1, content: [{ type: 'text', text: 'x' }] },
      },
    });
    expect(invalidDoc.status).toBe(400);
    expect(
      jira()
        .contractViolations()
        .map((v) => [v.kind, v.operationId]),
    ).toEqual([
      ['request', 'createIssue'],
      ['request', 'createIssue'],
    ]);
    jira().clearContractViolations();
  });

  it("refuses a description or paragraph field longer than 32,767 characters (stored ADF JSON) with Jira's 400", async () => {
    const tooLong = 'The entered text is too long. It exceeds the allowed limit of 32,767 characters.';
    const overhead = JSON.stringify(adf('')).length;
    const ofLength = (length: number): ReturnType<typeof adf> => adf('y'.repeat(length - overhead));
    const api = client(jira());
    const created = await api.post<ErrorBody>('/rest/api/3/issue', {
      fields: {
        project: { key: 'DEV' },
        issuetype: { name: 'Bug' },
        summary: 'Crash',
        description: ofLength(32_768),
        [F.customFields.severity]: { id: F.severityOptions.major },
        [F.customFields.stepsToReproduce]: ofLength(40_000),
      },
    });
    expect(created.status).toBe(400);
    expect(created.body).toEqual({
      errorMessages: [],
      errors: { description: tooLong, [F.customFields.stepsToReproduce]: tooLong },
    });
    const { id } = await createTask('Short description', { description: adf('short') });
    const edited = await api.put<ErrorBody>(`/rest/api/3/issue/${id}`, {
      fields: { description: ofLength(32_768) },
    });
    expect(edited.status).toBe(400);
    expect(edited.body.errors).toEqual({ description: tooLong });
    expect((await api.get<IssueBean>(`/rest/api/3/issue/${id}`)).body.fields.description).toEqual(
      adf('short'),
    );
    expect(
      (await api.put(`/rest/api/3/issue/${id}`, { fields: { description: ofLength(32_767) } })).status,
    ).toBe(204);
  });

  it('stores ADF description, custom fields and properties given on create', async () => {
    const reply = await client(jira()).post<CreatedIssue>('/rest/api/3/issue', {
      fields: {
        project: { key: 'DEV' },
        issuetype: { name: 'Bug' },
        summary: 'Crash',
        description: adf('It crashes'),
        [F.customFields.severity]: { id: F.severityOptions.major },
        [F.customFields.stepsToReproduce]: adf('Click twice'),
        fixVersions: [{ name: '2.0' }],
      },
      update: { labels: [{ add: 'customer' }] },
      properties: [{ key: 'sync.link', value: { ticket: 42 } }],
    });
    expect(reply.status).toBe(201);
    const issue = await client(jira()).get<IssueBean>(`/rest/api/3/issue/${reply.body.id}?properties=*all`);
    expect(issue.status).toBe(200);
    expect(specErrors('IssueBean', issue.body)).toEqual([]);
    expect(issue.body.fields.description).toEqual(adf('It crashes'));
    expect(issue.body.fields[F.customFields.severity]).toMatchObject({
      id: F.severityOptions.major,
      value: 'Major',
    });
    expect(issue.body.fields.labels).toEqual(['customer']);
    expect(issue.body.fields.fixVersions).toMatchObject([{ id: F.versions.dev20, name: '2.0' }]);
    expect(issue.body.properties).toEqual({ 'sync.link': { ticket: 42 } });
  });
});

describe('GET /rest/api/3/issue/{issueIdOrKey}', () => {
  it('returns all fields by default, the app as reporter and creator, and the initial status', async () => {
    const { id } = await createTask();
    const reply = await client(jira()).get<IssueBean>(`/rest/api/3/issue/${id}`);
    expect(reply.status).toBe(200);
    expect(specErrors('IssueBean', reply.body)).toEqual([]);
    expect(reply.body.fields.status).toMatchObject({
      id: F.statuses.toDo,
      name: 'To Do',
      statusCategory: { key: 'new' },
    });
    expect(reply.body.fields.reporter?.accountId).toBe(jira().appAccountId);
    expect(reply.body.fields.creator?.accountType).toBe('app');
    expect(reply.body.fields.created).toMatch(/^\d{4}-\d\d-\d\dT\d\d:\d\d:\d\d\.\d{3}\+0000$/);
    expect(Object.keys(reply.body.fields)).toEqual(
      expect.arrayContaining(['summary', 'issuetype', 'project', 'comment', F.customFields.severity]),
    );
  });

  it('honours the fields parameter (list, exclusion) and finds the issue by key too', async () => {
    const { id, key } = await createTask();
    const some = await client(jira()).get<IssueBean>(`/rest/api/3/issue/${key}?fields=summary,status`);
    expect(some.body.id).toBe(id);
    expect(Object.keys(some.body.fields).sort()).toEqual(['status', 'summary']);
    const without = await client(jira()).get<IssueBean>(`/rest/api/3/issue/${id}?fields=*navigable,-summary`);
    expect(without.body.fields).not.toHaveProperty('summary');
    expect(without.body.fields).not.toHaveProperty('comment');
    expect(without.body.fields).toHaveProperty('status');
  });

  it('returns 404 for an unknown issue', async () => {
    const reply = await client(jira()).get<ErrorBody>('/rest/api/3/issue/99999');
    expect(reply.status).toBe(404);
    expect(reply.body.errorMessages).toEqual([
      'Issue does not exist or you do not have permission to see it.',
    ]);
  });
});

describe('PUT /rest/api/3/issue/{issueIdOrKey}', () => {
  it('edits fields and labels with update operations, answers 204 and writes a changelog', async () => {
    const { id } = await createTask('Old summary', { labels: ['a', 'b'] });
    const before = await client(jira()).get<IssueBean>(`/rest/api/3/issue/${id}?fields=updated`);
    const reply = await client(jira()).put(`/rest/api/3/issue/${id}`, {
      fields: { summary: 'New summary' },
      update: { labels: [{ add: 'c' }, { remove: 'a' }] },
    });
    expect(reply.status).toBe(204);
    expect(reply.body).toBeUndefined();
    const after = await client(jira()).get<IssueBean>(`/rest/api/3/issue/${id}?expand=changelog`);
    expect(specErrors('IssueBean', after.body)).toEqual([]);
    expect(after.body.fields.summary).toBe('New summary');
    expect(after.body.fields.labels).toEqual(['b', 'c']);
    expect(Date.parse(after.body.fields.updated ?? '')).toBeGreaterThan(
      Date.parse(before.body.fields.updated ?? ''),
    );
    expect(after.body.changelog?.total).toBe(1);
    expect(after.body.changelog?.histories[0]?.items).toEqual([
      {
        field: 'summary',
        fieldId: 'summary',
        fieldtype: 'jira',
        fromString: 'Old summary',
        toString: 'New summary',
      },
      { field: 'labels', fieldId: 'labels', fieldtype: 'jira', fromString: 'a b', toString: 'b c' },
    ]);
  });

  it('refuses to set status through edit', async () => {
    const { id } = await createTask();
    const reply = await client(jira()).put<ErrorBody>(`/rest/api/3/issue/${id}`, {
      fields: { status: { id: F.statuses.done } },
    });
    expect(reply.status).toBe(400);
    expect(reply.body.errors.status).toMatch(/cannot be set/);
  });

  it('returns the issue with returnIssue=true', async () => {
    const { id } = await createTask();
    const reply = await client(jira()).put<IssueBean>(`/rest/api/3/issue/${id}?returnIssue=true`, {
      fields: { summary: 'x' },
    });
    expect(reply.status).toBe(200);
    expect(reply.body.fields.summary).toBe('x');
  });
});

describe('DELETE /rest/api/3/issue/{issueIdOrKey}', () => {
  it('deletes with 204, after which the issue is gone', async () => {
    const { id } = await createTask();
    expect((await client(jira()).delete(`/rest/api/3/issue/${id}`)).status).toBe(204);
    expect((await client(jira()).get(`/rest/api/3/issue/${id}`)).status).toBe(404);
  });
});

describe('issue changelog and properties', () => {
  it('lists the changelog oldest first, paged', async () => {
    const { id } = await createTask();
    await client(jira()).put(`/rest/api/3/issue/${id}`, { fields: { summary: 'one' } });
    await client(jira()).put(`/rest/api/3/issue/${id}`, { fields: { summary: 'two' } });
    const reply = await client(jira()).get<{
      values: { items: { toString: string }[] }[];
      total: number;
      isLast: boolean;
    }>(`/rest/api/3/issue/${id}/changelog?maxResults=1`);
    expect(reply.status).toBe(200);
    expect(specErrors('PageBeanChangelog', reply.body)).toEqual([]);
    expect(reply.body.total).toBe(2);
    expect(reply.body.isLast).toBe(false);
    expect(reply.body.values[0]?.items[0]?.toString).toBe('one');
  });

  it('sets (201 then 200), reads, lists and deletes issue properties (the key list shows tests all of an issue’s)', async () => {
    const { id } = await createTask();
    const api = client(jira());
    expect((await api.put(`/rest/api/3/issue/${id}/properties/sync`, { v: 1 })).status).toBe(201);
    expect((await api.put(`/rest/api/3/issue/${id}/properties/sync`, { v: 2 })).status).toBe(200);
    const one = await api.get<{ key: string; value: unknown }>(`/rest/api/3/issue/${id}/properties/sync`);
    expect(one.body).toEqual({ key: 'sync', value: { v: 2 } });
    expect(specErrors('EntityProperty', one.body)).toEqual([]);
    const keys = await api.get<{ keys: { key: string }[] }>(`/rest/api/3/issue/${id}/properties`);
    expect(specErrors('PropertyKeys', keys.body)).toEqual([]);
    expect(keys.body.keys.map((k) => k.key)).toEqual(['sync']);
    expect((await api.delete(`/rest/api/3/issue/${id}/properties/sync`)).status).toBe(204);
    expect((await api.get(`/rest/api/3/issue/${id}/properties/sync`)).status).toBe(404);
  });
});

describe('createmeta', () => {
  it('lists the issue types of a project, paged', async () => {
    const reply = await client(jira()).get<{
      issueTypes: { name: string }[];
      total: number;
      startAt: number;
      maxResults: number;
    }>('/rest/api/3/issue/createmeta/DEV/issuetypes?maxResults=2');
    expect(reply.status).toBe(200);
    expect(specErrors('PageOfCreateMetaIssueTypes', reply.body)).toEqual([]);
    expect(reply.body).toMatchObject({ total: 3, startAt: 0, maxResults: 2 });
    expect(reply.body.issueTypes.map((t) => t.name)).toEqual(['Task', 'Story']);
  });

  it('describes the fields of an issue type with required flags and allowed values', async () => {
    const reply = await client(jira()).get<{
      fields: { fieldId: string; required: boolean; allowedValues?: { value?: string }[] }[];
      total: number;
    }>(`/rest/api/3/issue/createmeta/DEV/issuetypes/${F.issueTypes.bug}`);
    expect(reply.status).toBe(200);
    expect(specErrors('PageOfCreateMetaIssueTypeWithField', reply.body)).toEqual([]);
    const severity = reply.body.fields.find((f) => f.fieldId === F.customFields.severity);
    expect(severity?.required).toBe(true);
    expect(severity?.allowedValues?.map((v) => v.value)).toEqual(['Critical', 'Major', 'Minor']);
    expect(reply.body.fields.find((f) => f.fieldId === 'summary')?.required).toBe(true);
    expect(reply.body.fields.find((f) => f.fieldId === 'description')?.required).toBe(false);
    expect(reply.body.total).toBe(reply.body.fields.length);
  });

  it('answers 404 for an issue type outside the project', async () => {
    expect((await client(jira()).get('/rest/api/3/issue/createmeta/DEV/issuetypes/424242')).status).toBe(404);
  });
});
