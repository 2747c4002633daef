// The comment REST routes of the Jira emulator over HTTP: ADF bodies, visibility, Jira's text limit, edits,
// deletes and comment properties.
import { DEFAULT_FIXTURE as F } from '../index';
import {
  adf,
  client,
  isValidAdf,
  specErrors,
  useJira,
  type CommentBean,
  type ErrorBody,
} from '../jira.test-support';

const jira = useJira();

async function newIssue(): Promise<string> {
  return jira().admin.createIssue('app', { project: 'SUP', issueType: 'Task', summary: 'Needs comments' }).id;
}

/** An ADF comment body whose JSON is exactly `length` characters long (Jira's limit counts the stored JSON). */
function adfOfLength(length: number): ReturnType<typeof adf> {
  const overhead = JSON.stringify(adf('')).length;
  return adf('x'.repeat(length - overhead));
}

const TOO_LONG = {
  errorMessages: [],
  errors: { comment: 'The entered text is too long. It exceeds the allowed limit of 32,767 characters.' },
};

interface CommentPage {
  startAt: number;
  maxResults: number;
  total: number;
  comments: CommentBean[];
}

describe('POST /rest/api/3/issue/{id}/comment', () => {
  it('creates a comment with an ADF body authored by the app account', async () => {
    const issueId = await newIssue();
    const reply = await client(jira()).post<CommentBean>(`/rest/api/3/issue/${issueId}/comment`, {
      body: adf('Hello from the helpdesk'),
    });
    expect(reply.status).toBe(201);
    expect(specErrors('Comment', reply.body)).toEqual([]);
    expect(isValidAdf(reply.body.body)).toBe(true);
    expect(reply.body.body).toEqual(adf('Hello from the helpdesk'));
    expect(reply.body.author.accountId).toBe(jira().appAccountId);
    expect(reply.body.updateAuthor.accountId).toBe(jira().appAccountId);
    expect(reply.body.jsdPublic).toBe(true);
    expect(reply.body.created).toBe(reply.body.updated);
    expect(reply.body).not.toHaveProperty('visibility');
  });

  it('keeps role and group visibility', async () => {
    const issueId = await newIssue();
    const api = client(jira());
    const role = await api.post<CommentBean>(`/rest/api/3/issue/${issueId}/comment`, {
      body: adf('for admins'),
      visibility: { type: 'role', value: 'Administrators' },
    });
    expect(role.status).toBe(201);
    expect(role.body.visibility).toMatchObject({ type: 'role', value: 'Administrators' });
    const group = await api.post<CommentBean>(`/rest/api/3/issue/${issueId}/comment`, {
      body: adf('for devs'),
      visibility: { type: 'group', identifier: 'jira-software-users' },
    });
    expect(group.body.visibility).toMatchObject({ type: 'group', value: 'jira-software-users' });
    expect(specErrors('Comment', group.body)).toEqual([]);
  });

  it('answers 400 for an unknown role like Jira', async () => {
    const issueId = await newIssue();
    const reply = await client(jira()).post<ErrorBody>(`/rest/api/3/issue/${issueId}/comment`, {
      body: adf('x'),
      visibility: { type: 'role', value: 'Wizards' },
    });
    expect(reply.status).toBe(400);
    expect(reply.body.errors.commentLevel).toMatch(/Wizards/);
  });

  it('rejects a bad visibility.type with 400 and records the contract violation', async () => {
    const issueId = await newIssue();
    const reply = await client(jira()).post<ErrorBody>(`/rest/api/3/issue/${issueId}/comment`, {
      body: adf('x'),
      visibility: { type: 'team', value: 'Administrators' },
    });
    expect(reply.status).toBe(400);
    expect(specErrors('ErrorCollection', reply.body)).toEqual([]);
    expect(reply.body.errorMessages.join()).toMatch(
      /visibility\/type must be equal to one of the allowed values/,
    );
    expect(jira().contractViolations()).toEqual([
      expect.objectContaining({ kind: 'request', operationId: 'addComment', status: 400 }),
    ]);
    jira().clearContractViolations();
  });

  it.each([
    ['a v2-style string body', 'plain text'],
    ['text directly under doc', { type: 'doc', version: 1, content: [{ type: 'text', text: 'x' }] }],
    ['a document without version', { type: 'doc', content: [{ type: 'paragraph', content: [] }] }],
    [
      'an empty text node',
      { type: 'doc', version: 1, content: [{ type: 'paragraph', content: [{ type: 'text', text: '' }] }] },
    ],
  ])('rejects invalid ADF (%s) with "Comment body is not valid"', async (_label, body) => {
    const issueId = await newIssue();
    const reply = await client(jira()).post<ErrorBody>(`/rest/api/3/issue/${issueId}/comment`, { body });
    expect(reply.status).toBe(400);
    expect(reply.body.errors.comment).toMatch(/^Comment body is not valid/);
    expect(isValidAdf(body)).toBe(false);
    expect(jira().contractViolations()).toHaveLength(1);
    expect(jira().admin.comments(issueId)).toEqual([]);
    jira().clearContractViolations();
  });

  it("accepts a body of 32,767 characters and refuses one more with Jira's 400, storing nothing", async () => {
    const issueId = await newIssue();
    const api = client(jira());
    const longest = adfOfLength(32_767);
    expect(JSON.stringify(longest)).toHaveLength(32_767);
    const accepted = await api.post<CommentBean>(`/rest/api/3/issue/${issueId}/comment`, { body: longest });
    expect(accepted.status).toBe(201);
    const refused = await api.post<ErrorBody>(`/rest/api/3/issue/${issueId}/comment`, {
      body: adfOfLength(32_768),
    });
    expect(refused.status).toBe(400);
    expect(refused.body).toEqual(TOO_LONG);
    expect(specErrors('ErrorCollection', refused.body)).toEqual([]);
    expect(jira().admin.comments(issueId)).toHaveLength(1);
    // A valid body breaks no contract: Jira refuses it for its length, not its shape.
    expect(jira().contractViolations()).toEqual([]);
  });

  it('counts the stored ADF JSON, not only the text: markup-heavy bodies reach the limit sooner', async () => {
    const issueId = await newIssue();
    // 2,000 one-character paragraphs: 2,000 characters of text, about 80,000 of JSON.
    const body = {
      type: 'doc',
      version: 1,
      content: Array.from({ length: 2_000 }, () => ({
        type: 'paragraph',
        content: [{ type: 'text', text: 'x' }],
      })),
    };
    expect(JSON.stringify(body).length).toBeGreaterThan(32_767);
    const reply = await client(jira()).post<ErrorBody>(`/rest/api/3/issue/${issueId}/comment`, { body });
    expect(reply.status).toBe(400);
    expect(reply.body).toEqual(TOO_LONG);
  });

  it('stores properties given on create; the JSM internal flag makes jsdPublic false', async () => {
    const issueId = await newIssue();
    const api = client(jira());
    const created = await api.post<CommentBean>(`/rest/api/3/issue/${issueId}/comment?expand=properties`, {
      body: adf('internal note'),
      properties: [{ key: 'sd.public.comment', value: { internal: true } }],
    });
    expect(created.status).toBe(201);
    expect(created.body.jsdPublic).toBe(false);
    expect(created.body.properties).toEqual([{ key: 'sd.public.comment', value: { internal: true } }]);
    const read = await api.get<CommentBean>(
      `/rest/api/3/issue/${issueId}/comment/${created.body.id}?expand=properties`,
    );
    expect(read.status).toBe(200);
    expect(specErrors('Comment', read.body)).toEqual([]);
    expect(read.body.jsdPublic).toBe(false);
    expect(read.body.properties).toEqual([{ key: 'sd.public.comment', value: { internal: true } }]);
    const withoutExpand = await api.get<CommentBean>(
      `/rest/api/3/issue/${issueId}/comment/${created.body.id}`,
    );
    expect(withoutExpand.body).not.toHaveProperty('properties');
    expect(withoutExpand.body.jsdPublic).toBe(false);
  });
});

describe('GET /rest/api/3/issue/{id}/comment', () => {
  it('pages with startAt/maxResults and orders by created', async () => {
    const issueId = await newIssue();
    for (const text of ['one', 'two', 'three'])
      jira().admin.addComment('712020:bob', issueId, { body: text });
    const api = client(jira());
    const first = await api.get<CommentPage>(`/rest/api/3/issue/${issueId}/comment?startAt=0&maxResults=2`);
    expect(first.status).toBe(200);
    expect(specErrors('PageOfComments', first.body)).toEqual([]);
    expect(first.body).toMatchObject({ startAt: 0, maxResults: 2, total: 3 });
    expect(first.body.comments.map((c) => c.body)).toEqual([adf('one'), adf('two')]);
    const second = await api.get<CommentPage>(`/rest/api/3/issue/${issueId}/comment?startAt=2&maxResults=2`);
    expect(second.body.comments.map((c) => c.body)).toEqual([adf('three')]);
    const newest = await api.get<CommentPage>(`/rest/api/3/issue/${issueId}/comment?orderBy=-created`);
    expect(newest.body.comments.map((c) => c.body)).toEqual([adf('three'), adf('two'), adf('one')]);
    expect(newest.body.comments[0]?.author.accountId).toBe(F.users.bob.accountId);
  });

  it('rejects an orderBy outside the spec enum', async () => {
    const issueId = await newIssue();
    const reply = await client(jira()).get(`/rest/api/3/issue/${issueId}/comment?orderBy=updated`);
    expect(reply.status).toBe(400);
    jira().clearContractViolations();
  });
});

describe('PUT and DELETE /rest/api/3/issue/{id}/comment/{commentId}', () => {
  it('updates the body, changes updated and updateAuthor, and clears visibility when it is not sent again', async () => {
    const issueId = await newIssue();
    const { id } = jira().admin.addComment('712020:alice', issueId, {
      body: 'draft',
      visibility: { type: 'role', value: 'Administrators' },
    });
    const before = (await client(jira()).get<CommentBean>(`/rest/api/3/issue/${issueId}/comment/${id}`)).body;
    const reply = await client(jira()).put<CommentBean>(`/rest/api/3/issue/${issueId}/comment/${id}`, {
      body: adf('final'),
    });
    expect(reply.status).toBe(200);
    expect(specErrors('Comment', reply.body)).toEqual([]);
    expect(reply.body.body).toEqual(adf('final'));
    expect(reply.body.created).toBe(before.created);
    expect(Date.parse(reply.body.updated)).toBeGreaterThan(Date.parse(before.updated));
    expect(reply.body.author.accountId).toBe(F.users.alice.accountId);
    expect(reply.body.updateAuthor.accountId).toBe(jira().appAccountId);
    expect(reply.body).not.toHaveProperty('visibility');
  });

  it('refuses an update longer than 32,767 characters and keeps the comment as it was', async () => {
    const issueId = await newIssue();
    const { id } = jira().admin.addComment('app', issueId, { body: 'short' });
    const api = client(jira());
    const refused = await api.put<ErrorBody>(`/rest/api/3/issue/${issueId}/comment/${id}`, {
      body: adfOfLength(32_768),
    });
    expect(refused.status).toBe(400);
    expect(refused.body).toEqual(TOO_LONG);
    const kept = await api.get<CommentBean>(`/rest/api/3/issue/${issueId}/comment/${id}`);
    expect(kept.body.body).toEqual(adf('short'));
    const accepted = await api.put<CommentBean>(`/rest/api/3/issue/${issueId}/comment/${id}`, {
      body: adfOfLength(32_767),
    });
    expect(accepted.status).toBe(200);
  });

  it('deletes a comment with 204', async () => {
    const issueId = await newIssue();
    const { id } = jira().admin.addComment('app', issueId, { body: 'bye' });
    expect((await client(jira()).delete(`/rest/api/3/issue/${issueId}/comment/${id}`)).status).toBe(204);
    expect((await client(jira()).get(`/rest/api/3/issue/${issueId}/comment/${id}`)).status).toBe(404);
  });

  it('answers 404 for a comment id of another issue', async () => {
    const first = await newIssue();
    const second = await newIssue();
    const { id } = jira().admin.addComment('app', first, { body: 'here' });
    expect((await client(jira()).get(`/rest/api/3/issue/${second}/comment/${id}`)).status).toBe(404);
  });
});

describe('/rest/api/3/comment/{commentId}/properties', () => {
  it('sets, reads, lists and deletes comment properties; the JSM flag follows them (internal later: the privacy rule)', async () => {
    const issueId = await newIssue();
    const { id } = jira().admin.addComment('app', issueId, { body: 'note' });
    const api = client(jira());
    expect(
      (await api.put(`/rest/api/3/comment/${id}/properties/sd.public.comment`, { internal: true })).status,
    ).toBe(201);
    const property = await api.get<{ key: string; value: unknown }>(
      `/rest/api/3/comment/${id}/properties/sd.public.comment`,
    );
    expect(property.status).toBe(200);
    expect(specErrors('EntityProperty', property.body)).toEqual([]);
    expect(property.body).toEqual({ key: 'sd.public.comment', value: { internal: true } });
    expect((await api.get<CommentBean>(`/rest/api/3/issue/${issueId}/comment/${id}`)).body.jsdPublic).toBe(
      false,
    );
    const keys = await api.get<{ keys: { key: string }[] }>(`/rest/api/3/comment/${id}/properties`);
    expect(specErrors('PropertyKeys', keys.body)).toEqual([]);
    expect(keys.body.keys.map((k) => k.key)).toEqual(['sd.public.comment']);
    expect(
      (await api.put(`/rest/api/3/comment/${id}/properties/sd.public.comment`, { internal: false })).status,
    ).toBe(200);
    expect((await api.get<CommentBean>(`/rest/api/3/issue/${issueId}/comment/${id}`)).body.jsdPublic).toBe(
      true,
    );
    expect((await api.delete(`/rest/api/3/comment/${id}/properties/sd.public.comment`)).status).toBe(204);
    expect((await api.get(`/rest/api/3/comment/${id}/properties/sd.public.comment`)).status).toBe(404);
  });
});
