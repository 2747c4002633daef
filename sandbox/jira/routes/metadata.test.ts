// The Jira emulator's metadata routes over HTTP: projects, issue types, fields and users as the app reads them, and
// 501 for the metadata it never reads.
import { DEFAULT_FIXTURE as F } from '../index';
import { client, specErrors, useJira } from '../jira.test-support';

const jira = useJira();

interface ProjectBody {
  id: string;
  key: string;
  name: string;
  issueTypes: { id: string; name: string }[];
  versions: { id: string; name: string; released: boolean }[];
  lead: { accountId: string };
}

describe('projects', () => {
  it('GET /project/{key} returns the project with issue types, versions and lead', async () => {
    const reply = await client(jira()).get<ProjectBody>('/rest/api/3/project/DEV');
    expect(reply.status).toBe(200);
    expect(specErrors('Project', reply.body)).toEqual([]);
    expect(reply.body).toMatchObject({
      id: F.projects.DEV.id,
      key: 'DEV',
      name: 'Development',
      lead: { accountId: F.users.alice.accountId },
    });
    expect(reply.body.issueTypes.map((t) => t.name)).toEqual(['Task', 'Story', 'Bug']);
    expect(reply.body.versions.map((v) => [v.name, v.released])).toEqual([
      ['1.0', true],
      ['2.0', false],
    ]);
    const byId = await client(jira()).get<ProjectBody>(`/rest/api/3/project/${F.projects.SUP.id}`);
    expect(byId.body.key).toBe('SUP');
    expect((await client(jira()).get('/rest/api/3/project/NOPE')).status).toBe(404);
  });

  it('GET /project/search pages and filters', async () => {
    const page = await client(jira()).get<{
      values: { key: string }[];
      total: number;
      isLast: boolean;
      nextPage?: string;
    }>('/rest/api/3/project/search?maxResults=1');
    expect(page.status).toBe(200);
    expect(specErrors('PageBeanProject', page.body)).toEqual([]);
    expect(page.body).toMatchObject({ total: 2, isLast: false, values: [{ key: 'DEV' }] });
    expect(page.body.nextPage).toContain('startAt=1');
    const filtered = await client(jira()).get<{ values: { key: string }[] }>(
      '/rest/api/3/project/search?keys=SUP',
    );
    expect(filtered.body.values.map((p) => p.key)).toEqual(['SUP']);
    const text = await client(jira()).get<{ values: { key: string }[] }>(
      '/rest/api/3/project/search?query=support',
    );
    expect(text.body.values.map((p) => p.key)).toEqual(['SUP']);
  });
});

describe('issue types, fields, users', () => {
  it('GET /issuetype', async () => {
    const all = await client(jira()).get<{ id: string; name: string }[]>('/rest/api/3/issuetype');
    expect(all.status).toBe(200);
    for (const type of all.body) expect(specErrors('IssueTypeDetails', type)).toEqual([]);
    expect(all.body.map((t) => t.name)).toEqual(['Task', 'Story', 'Bug']);
  });

  it('GET /field lists system and custom fields with their schema', async () => {
    const reply =
      await client(jira()).get<
        { id: string; name: string; custom: boolean; schema: { type: string; custom?: string } }[]
      >('/rest/api/3/field');
    expect(reply.status).toBe(200);
    for (const field of reply.body) expect(specErrors('FieldDetails', field)).toEqual([]);
    expect(reply.body.map((f) => f.id)).toEqual(
      expect.arrayContaining(['summary', 'description', 'status', 'labels', 'fixVersions']),
    );
    expect(reply.body.find((f) => f.id === F.customFields.severity)).toMatchObject({
      name: 'Severity',
      custom: true,
      schema: { type: 'option', custom: 'com.atlassian.jira.plugin.system.customfieldtypes:select' },
    });
    expect(reply.body.find((f) => f.id === F.customFields.stepsToReproduce)?.schema.custom).toBe(
      'com.atlassian.jira.plugin.system.customfieldtypes:textarea',
    );
  });

  it('GET /user?accountId= returns a user, hiding a private e-mail address', async () => {
    const alice = await client(jira()).get<{ accountId: string; emailAddress?: string }>(
      `/rest/api/3/user?accountId=${encodeURIComponent(F.users.alice.accountId)}`,
    );
    expect(alice.status).toBe(200);
    expect(specErrors('User', alice.body)).toEqual([]);
    expect(alice.body.emailAddress).toBe('alice@example.com');
    const bob = await client(jira()).get<{ emailAddress?: string; displayName: string }>(
      `/rest/api/3/user?accountId=${encodeURIComponent(F.users.bob.accountId)}`,
    );
    expect(bob.body.displayName).toBe('Bob Builder');
    expect(bob.body).not.toHaveProperty('emailAddress');
    expect((await client(jira()).get('/rest/api/3/user?accountId=nobody')).status).toBe(404);
  });

  it('does not serve the metadata the app never reads (priorities, statuses per project, issue types per project)', async () => {
    for (const path of [
      '/rest/api/3/priority',
      '/rest/api/3/project/SUP/statuses',
      `/rest/api/3/issuetype/project?projectId=${F.projects.SUP.id}`,
    ]) {
      expect((await client(jira()).get(path)).status).toBe(501);
    }
    expect(
      jira()
        .contractViolations()
        .map((violation) => violation.operationId),
    ).toEqual(['getPriorities', 'getAllStatuses', 'getIssueTypesForProject']);
    jira().clearContractViolations();
  });
});
