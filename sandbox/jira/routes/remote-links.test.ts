// The Jira emulator's remote issue link routes over HTTP: upsert, list and delete by global id (what the app calls),
// the contract check, and 501 for the link-id operations it does not serve.
import { client, specErrors, useJira, type ErrorBody } from '../jira.test-support';

const jira = useJira();

interface LinkBody {
  id: number;
  self: string;
  globalId?: string;
  object: { url: string; title: string; status?: { resolved?: boolean } };
}

function newIssue(): string {
  return jira().admin.createIssue('app', { project: 'SUP', issueType: 'Task', summary: 'linked' }).id;
}

const ticket = (title: string, resolved = false): Record<string, unknown> => ({
  globalId: 'system=teamsupport&id=T-1',
  application: { type: 'com.teamsupport', name: 'TeamSupport' },
  relationship: 'mentioned in',
  object: { url: 'https://app.teamsupport.com/ticket/1', title, status: { resolved } },
});

describe('remote issue links', () => {
  it('creates with 201, updates the same globalId with 200, and lists the links', async () => {
    const id = newIssue();
    const api = client(jira());
    const created = await api.post<{ id: number; self: string }>(
      `/rest/api/3/issue/${id}/remotelink`,
      ticket('T-1 open'),
    );
    expect(created.status).toBe(201);
    expect(specErrors('RemoteIssueLinkIdentifies', created.body)).toEqual([]);
    const updated = await api.post<{ id: number }>(
      `/rest/api/3/issue/${id}/remotelink`,
      ticket('T-1 closed', true),
    );
    expect(updated.status).toBe(200);
    expect(updated.body.id).toBe(created.body.id);
    const list = await api.get<LinkBody[]>(`/rest/api/3/issue/${id}/remotelink`);
    expect(list.status).toBe(200);
    expect(list.body).toHaveLength(1);
    for (const link of list.body) expect(specErrors('RemoteIssueLink', link)).toEqual([]);
    expect(list.body[0]).toMatchObject({
      id: created.body.id,
      globalId: 'system=teamsupport&id=T-1',
      object: { title: 'T-1 closed', status: { resolved: true } },
    });
    const one = await api.get<LinkBody>(
      `/rest/api/3/issue/${id}/remotelink?globalId=${encodeURIComponent('system=teamsupport&id=T-1')}`,
    );
    expect(one.body.id).toBe(created.body.id);
    expect(specErrors('RemoteIssueLink', one.body)).toEqual([]);
  });

  it('deletes by global id (the app unlinks so), leaving the other links of the issue', async () => {
    const id = newIssue();
    const api = client(jira());
    await api.post(`/rest/api/3/issue/${id}/remotelink`, ticket('first'));
    await api.post(`/rest/api/3/issue/${id}/remotelink`, {
      object: { url: 'https://example.com/2', title: 'second' },
    });
    const byGlobalId = `/rest/api/3/issue/${id}/remotelink?globalId=${encodeURIComponent('system=teamsupport&id=T-1')}`;
    expect((await api.delete(byGlobalId)).status).toBe(204);
    const left = await api.get<LinkBody[]>(`/rest/api/3/issue/${id}/remotelink`);
    expect(left.body.map((link) => link.object.title)).toEqual(['second']);
    expect((await api.delete(byGlobalId)).status).toBe(404);
  });

  it('does not serve the link-id operations the app never calls: 501, recorded as unimplemented', async () => {
    const id = newIssue();
    const api = client(jira());
    const created = await api.post<{ id: number }>(`/rest/api/3/issue/${id}/remotelink`, ticket('first'));
    expect((await api.get(`/rest/api/3/issue/${id}/remotelink/${created.body.id}`)).status).toBe(501);
    expect(
      jira()
        .contractViolations()
        .map((violation) => [violation.kind, violation.operationId]),
    ).toEqual([['unimplemented', 'getRemoteIssueLinkById']]);
    jira().clearContractViolations();
  });

  it('rejects a link without object.url as a contract violation', async () => {
    const id = newIssue();
    const reply = await client(jira()).post<ErrorBody>(`/rest/api/3/issue/${id}/remotelink`, {
      object: { title: 'no url' },
    });
    expect(reply.status).toBe(400);
    expect(reply.body.errorMessages.join()).toMatch(/url/);
    expect(jira().contractViolations()).toHaveLength(1);
    jira().clearContractViolations();
  });
});
