// Authentication and project permissions in the Jira emulator: 401 for unknown callers, 404/403 where Jira answers
// them, and /mypermissions.
import { DEFAULT_FIXTURE as F } from '../index';
import { adf, client, specErrors, useJira, type CommentBean, type ErrorBody } from '../jira.test-support';

const jira = useJira();
const anyText: unknown = expect.any(String);
const BOB = `user:${F.users.bob.accountId}` as const;
const ALICE = `user:${F.users.alice.accountId}` as const;

interface PermissionsBody {
  permissions: Record<
    string,
    { id: string; key: string; name: string; type: string; description: string; havePermission: boolean }
  >;
}

function devIssue(): string {
  return jira().admin.createIssue('712020:alice', { project: 'DEV', issueType: 'Task', summary: 'secret' })
    .id;
}

describe('authentication', () => {
  it.each([
    ['no principal header', null],
    ['an unknown user', 'user:nobody'],
    ['the app account posing as a user', 'user:557058:support-ticket-sync'],
  ] as const)('answers 401 for %s', async (_label, principal) => {
    const reply = await client(jira(), principal).get<ErrorBody>('/rest/api/3/myself');
    expect(reply.status).toBe(401);
    expect(reply.body.errorMessages[0]).toMatch(/not authenticated/);
  });

  it('answers 401 for a deactivated user', async () => {
    jira().admin.addUser({ accountId: '712020:gone', displayName: 'Gone', active: false });
    expect((await client(jira(), 'user:712020:gone').get('/rest/api/3/myself')).status).toBe(401);
  });

  it('/myself (the simplest authenticated read, sent by the fault tests) returns the principal: a user, or the app', async () => {
    const me = await client(jira(), BOB).get<{
      accountId: string;
      accountType: string;
      emailAddress?: string;
    }>('/rest/api/3/myself');
    expect(me.status).toBe(200);
    expect(specErrors('User', me.body)).toEqual([]);
    expect(me.body).toMatchObject({ accountId: F.users.bob.accountId, accountType: 'atlassian' });
    expect(me.body).not.toHaveProperty('emailAddress');
    const app = await client(jira()).get<{ accountId: string; accountType: string }>('/rest/api/3/myself');
    expect(app.body).toMatchObject({ accountId: jira().appAccountId, accountType: 'app' });
  });
});

describe('project permissions', () => {
  it('without BROWSE_PROJECTS an issue is 404, like an issue that does not exist', async () => {
    const id = devIssue();
    jira().admin.revoke(F.users.bob.accountId, 'BROWSE_PROJECTS', 'DEV');
    const bob = client(jira(), BOB);
    const reply = await bob.get<ErrorBody>(`/rest/api/3/issue/${id}`);
    expect(reply.status).toBe(404);
    expect(reply.body.errorMessages).toEqual([
      'Issue does not exist or you do not have permission to see it.',
    ]);
    expect((await bob.get(`/rest/api/3/issue/${id}/comment`)).status).toBe(404);
    expect((await bob.get('/rest/api/3/project/DEV')).status).toBe(404);
    expect((await client(jira(), ALICE).get(`/rest/api/3/issue/${id}`)).status).toBe(200);
  });

  it('without ADD_COMMENTS a comment is 403; with it, 201', async () => {
    const id = devIssue();
    jira().admin.revoke(F.users.bob.accountId, 'ADD_COMMENTS', 'DEV');
    const denied = await client(jira(), BOB).post<ErrorBody>(`/rest/api/3/issue/${id}/comment`, {
      body: adf('hi'),
    });
    expect(denied.status).toBe(403);
    expect(jira().admin.comments(id)).toEqual([]);
    jira().admin.grant(F.users.bob.accountId, 'ADD_COMMENTS', 'DEV');
    expect(
      (await client(jira(), BOB).post(`/rest/api/3/issue/${id}/comment`, { body: adf('hi') })).status,
    ).toBe(201);
  });

  it("EDIT_OWN_COMMENTS lets bob edit his own comment but not alice's (a user's edit: the app only adds comments)", async () => {
    const id = devIssue();
    const mine = jira().admin.addComment(F.users.bob.accountId, id, { body: 'mine' });
    const hers = jira().admin.addComment(F.users.alice.accountId, id, { body: 'hers' });
    const bob = client(jira(), BOB);
    expect(
      (await bob.put<CommentBean>(`/rest/api/3/issue/${id}/comment/${mine.id}`, { body: adf('mine!') }))
        .status,
    ).toBe(200);
    expect((await bob.put(`/rest/api/3/issue/${id}/comment/${hers.id}`, { body: adf('hers?') })).status).toBe(
      403,
    );
    expect((await bob.delete(`/rest/api/3/issue/${id}/comment/${hers.id}`)).status).toBe(403);
    expect(
      (
        await client(jira(), ALICE).put(`/rest/api/3/issue/${id}/comment/${mine.id}`, {
          body: adf('admin edit'),
        })
      ).status,
    ).toBe(200);
  });

  it('EDIT_ISSUES, CREATE_ISSUES, LINK_ISSUES and TRANSITION_ISSUES are enforced', async () => {
    const id = devIssue();
    jira().admin.setPermissions(F.users.bob.accountId, { allProjects: ['BROWSE_PROJECTS'] });
    const bob = client(jira(), BOB);
    expect((await bob.put(`/rest/api/3/issue/${id}`, { fields: { summary: 'x' } })).status).toBe(403);
    expect(
      (
        await bob.post('/rest/api/3/issue', {
          fields: { project: { key: 'DEV' }, issuetype: { name: 'Task' }, summary: 's' },
        })
      ).status,
    ).toBe(403);
    expect(
      (
        await bob.post(`/rest/api/3/issue/${id}/remotelink`, {
          object: { url: 'https://example.com/t/1', title: 'T-1' },
        })
      ).status,
    ).toBe(403);
    const transitions = await bob.get<{ transitions: unknown[] }>(`/rest/api/3/issue/${id}/transitions`);
    expect(transitions.body.transitions).toEqual([]);
    expect(
      (await bob.post(`/rest/api/3/issue/${id}/transitions`, { transition: { id: F.transitions.done } }))
        .status,
    ).toBe(400);
  });

  it('the app has every permission by default, and tests can take them away', async () => {
    const id = devIssue();
    const app = client(jira());
    expect((await app.get(`/rest/api/3/issue/${id}`)).status).toBe(200);
    jira().admin.revoke('app', 'BROWSE_PROJECTS', 'DEV');
    expect((await app.get(`/rest/api/3/issue/${id}`)).status).toBe(404);
    jira().admin.restoreAppPermissions();
    expect((await app.get(`/rest/api/3/issue/${id}`)).status).toBe(200);
  });
});

describe('GET /rest/api/3/mypermissions', () => {
  const path = (query: string): string => `/rest/api/3/mypermissions?${query}`;

  it('reports global and project permissions in the spec shape', async () => {
    const reply = await client(jira(), ALICE).get<PermissionsBody>(
      path('permissions=ADMINISTER,BROWSE_PROJECTS&projectKey=SUP'),
    );
    expect(reply.status).toBe(200);
    expect(specErrors('Permissions', reply.body)).toEqual([]);
    expect(reply.body.permissions.ADMINISTER).toEqual({
      id: '0',
      key: 'ADMINISTER',
      name: 'Administer Jira',
      type: 'GLOBAL',
      description: anyText,
      havePermission: true,
    });
    expect(reply.body.permissions.BROWSE_PROJECTS).toMatchObject({
      id: '10',
      type: 'PROJECT',
      havePermission: true,
    });
  });

  it('bob is no admin; per-project grants show per project and per issue', async () => {
    const id = devIssue();
    jira().admin.revoke(F.users.bob.accountId, 'EDIT_ISSUES', 'DEV');
    const bob = client(jira(), BOB);
    const onDev = await bob.get<PermissionsBody>(
      path('permissions=ADMINISTER,EDIT_ISSUES,LINK_ISSUES,ADD_COMMENTS&projectKey=DEV'),
    );
    expect(
      Object.fromEntries(Object.entries(onDev.body.permissions).map(([k, v]) => [k, v.havePermission])),
    ).toEqual({
      ADMINISTER: false,
      EDIT_ISSUES: false,
      LINK_ISSUES: true,
      ADD_COMMENTS: true,
    });
    const onIssue = await bob.get<PermissionsBody>(path(`permissions=EDIT_ISSUES&issueId=${id}`));
    expect(onIssue.body.permissions.EDIT_ISSUES?.havePermission).toBe(false);
    const onSup = await bob.get<PermissionsBody>(path('permissions=EDIT_ISSUES&projectId=10000'));
    expect(onSup.body.permissions.EDIT_ISSUES?.havePermission).toBe(true);
    const anywhere = await bob.get<PermissionsBody>(path('permissions=EDIT_ISSUES'));
    expect(anywhere.body.permissions.EDIT_ISSUES?.havePermission).toBe(true);
  });

  it('answers 404 for an issue the user cannot see, and 400 without or with unknown permission keys', async () => {
    const id = devIssue();
    jira().admin.revoke(F.users.bob.accountId, 'BROWSE_PROJECTS', 'DEV');
    const bob = client(jira(), BOB);
    expect((await bob.get(path(`permissions=BROWSE_PROJECTS&issueId=${id}`))).status).toBe(404);
    expect((await bob.get(path('projectKey=SUP'))).status).toBe(400);
    const unknown = await bob.get<ErrorBody>(path('permissions=FLY'));
    expect(unknown.status).toBe(400);
    expect(unknown.body.errorMessages).toEqual(["Permission 'FLY' does not exist."]);
  });
});
