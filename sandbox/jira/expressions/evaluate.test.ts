// POST /rest/api/3/expression/evaluate: the emulator's Jira expression evaluator (sandbox/jira/expressions). It reads
// the state the REST routes read, refuses what it does not model with Jira's 400 shape, and meters complexity.
import { DEFAULT_FIXTURE as F } from '../index';
import { client, specErrors, useJira, type CommentBean, type ErrorBody } from '../jira.test-support';

const jira = useJira();

interface Evaluated {
  value: unknown;
  meta?: { complexity: Record<string, { value: number; limit: number }> };
}

function newIssue(): { id: string; key: string } {
  return jira().admin.createIssue('app', { project: 'SUP', issueType: 'Task', summary: 'Expressions' });
}

async function evaluate(expression: string, context: Record<string, unknown>, query = '') {
  const reply = await client(jira()).post<Evaluated & ErrorBody>(`/rest/api/3/expression/evaluate${query}`, {
    expression,
    context,
  });
  if (reply.status === 200)
    expect(specErrors('JExpEvaluateJiraExpressionResultBean', reply.body)).toEqual([]);
  else if (reply.status < 500) expect(specErrors('ErrorCollection', reply.body)).toEqual([]);
  return reply;
}

/** Adds `count` comments by alice (the site's events are dropped: only the state matters here). */
function addComments(issueId: string, count: number): void {
  for (let n = 0; n < count; n++)
    jira().admin.addComment(F.users.alice.accountId, issueId, { body: `Comment ${n}` });
  jira().clearEvents();
}

describe('POST /rest/api/3/expression/evaluate', () => {
  it("evaluates the documentation's comment example against the issue's comments", async () => {
    const issue = newIssue();
    jira().admin.addComment(F.users.alice.accountId, issue.id, { body: 'The printer is on fire' });
    const reply = await evaluate(
      "issue.comments.map(c => { id: c.id, author: c.author.displayName, excerpt: c.body.plainText.slice(0, 11) + '...' })",
      { issue: { key: issue.key } },
    );
    expect(reply.status).toBe(200);
    const [comment] = jira().admin.comments(issue.id);
    expect(reply.body.value).toEqual([
      { id: Number(comment?.id), author: F.users.alice.displayName, excerpt: 'The printer...' },
    ]);
  });

  it("sees a comment's visibility, JSM flag and properties exactly as GET comment does", async () => {
    const issue = newIssue();
    const admin = jira().admin;
    const open = admin.addComment(F.users.alice.accountId, issue.id, { body: 'Public' });
    const restricted = admin.addComment(F.users.alice.accountId, issue.id, {
      body: 'Devs only',
      visibility: { type: 'role', value: 'Developers' },
    });
    const internal = admin.addComment(F.users.alice.accountId, issue.id, {
      body: 'Internal',
      internal: true,
    });
    const marked = admin.addComment(F.users.alice.accountId, issue.id, {
      body: 'Copied',
      properties: { 'support-ticket-sync': { origin: 'ticket-action' } },
    });
    const reply = await evaluate(
      "issue.comments.map(c => { id: c.id, visibility: c.visibility, jsm: c.properties['sd.public.comment'], " +
        "app: c.properties['support-ticket-sync'], author: c.author?.accountId, created: c.created.toISOString() })",
      { issue: { id: Number(issue.id) } },
    );
    expect(reply.status).toBe(200);
    const api = client(jira());
    const rest = await Promise.all(
      [open, restricted, internal, marked].map(
        async (c) =>
          (await api.get<CommentBean>(`/rest/api/3/issue/${issue.id}/comment/${c.id}?expand=properties`))
            .body,
      ),
    );
    expect(reply.body.value).toEqual(
      rest.map((bean) => ({
        id: Number(bean.id),
        visibility: bean.visibility ? { type: bean.visibility.type, value: bean.visibility.value } : null,
        jsm: bean.properties?.find((p) => p.key === 'sd.public.comment')?.value ?? null,
        app: bean.properties?.find((p) => p.key === 'support-ticket-sync')?.value ?? null,
        author: bean.author.accountId,
        created: new Date(Date.parse(bean.created.replace(/(\d{2})(\d{2})$/, '$1:$2'))).toISOString(),
      })),
    );
    expect(rest[1]?.visibility).toMatchObject({ type: 'role', value: 'Developers' });
    expect(rest[2]?.jsdPublic).toBe(false);
  });

  it("answers the issue's security level, null when it has none", async () => {
    const issue = newIssue();
    const expression = '{ secured: issue.securityLevel != null, name: issue.securityLevel?.name }';
    expect((await evaluate(expression, { issue: { key: issue.key } })).body.value).toEqual({
      secured: false,
      name: null,
    });
    jira().admin.setSecurityLevel(issue.key, { id: '10100', name: 'Staff only' });
    expect((await evaluate(expression, { issue: { key: issue.key } })).body.value).toEqual({
      secured: true,
      name: 'Staff only',
    });
    const bean = await client(jira()).get<{ fields: { security: unknown } }>(
      `/rest/api/3/issue/${issue.key}?fields=security`,
    );
    expect(bean.body.fields.security).toMatchObject({ id: '10100', name: 'Staff only' });
  });

  it.each([
    ['[1, 2, 3].filter(n => n != 2).map(n => n * 10)', [10, 30]],
    ['[1, 2, 3].some(n => n == 3) && ![1].every(n => n > 1)', true],
    ["[{ a: 'x' }][0].a + 'y'", 'xy'],
    ['[][0]', null],
    ['[4, 5].length > 1 ? "many" : "few"', 'many'],
    ["null || 'fallback'", 'fallback'],
    ['typeof issue', 'Issue'],
    ['issue.comments.length', 0],
    ['((a, b) => a - b)', '((a, b) => a - b)'.slice(1, -1)],
    ['{ key: issue.key, id: issue.id }.key', 'SUP-1'],
    ["issue.properties['absent']?.value", null],
    ["'it\\'s' == \"it's\"", true],
  ])('evaluates %s', async (expression, expected) => {
    const issue = newIssue();
    const reply = await evaluate(expression, { issue: { id: Number(issue.id) } });
    expect(reply.status).toBe(200);
    expect(reply.body.value).toEqual(expected);
  });

  it.each([
    ['new Issue(1)', /'new' is not supported/],
    ['issue.id === 1', /'===' is not supported/],
    ['`template`', /unexpected character '`'/],
    ['issue.key ==', /ends too early/],
    [
      'issue.status',
      /Unrecognized property of `Issue`: "status"\. Available properties of type 'Issue' are: 'id'/,
    ],
    [
      'issue.securityLevel.name',
      /Evaluation failed: "issue\.securityLevel\.name" - issue\.securityLevel is null/,
    ],
    ['project.key', /the variable "project" is not available/],
    ['issue.comments.map(c => c.id).flatMap(x => x)', /List has no method "flatMap"/],
  ])('refuses %s with 400 in Jira’s error shape', async (expression, message) => {
    const issue = newIssue();
    const reply = await evaluate(expression, { issue: { id: Number(issue.id) } });
    expect(reply.status).toBe(400);
    expect(reply.body.errors).toEqual({});
    expect(reply.body.errorMessages).toEqual([expect.stringMatching(message)]);
  });

  it('refuses a context it does not model, and an issue given by both id and key', async () => {
    const issue = newIssue();
    expect((await evaluate('project.key', { project: { key: 'SUP' } })).status).toBe(400);
    expect((await evaluate('issue.key', { issue: { id: Number(issue.id), key: issue.key } })).status).toBe(
      400,
    );
  });

  it('answers 404 for an issue that does not exist or that the caller may not browse', async () => {
    const issue = newIssue();
    const missing = await evaluate('issue.key', { issue: { key: 'SUP-999' } });
    expect(missing.status).toBe(404);
    expect(missing.body.errorMessages).toEqual([
      'Issue does not exist or you do not have permission to see it.',
    ]);
    jira().admin.revoke('app', 'BROWSE_PROJECTS', 'SUP');
    expect((await evaluate('issue.key', { issue: { key: issue.key } })).status).toBe(404);
  });

  it('reports complexity on request, and fails an expression past a limit', async () => {
    const issue = newIssue();
    addComments(issue.id, 11);
    const cheap = await evaluate(
      "issue.comments.filter(c => c.id == 0).map(c => c.properties['x'])",
      { issue: { key: issue.key } },
      '?expand=meta.complexity',
    );
    expect(cheap.body.meta?.complexity.expensiveOperations).toEqual({ value: 1, limit: 10 });
    expect(cheap.body.meta?.complexity.steps?.limit).toBe(10_000);
    // Loading the properties of each of 11 comments, plus the comments themselves: 12 expensive operations.
    const dear = await evaluate("issue.comments.map(c => c.properties['x'])", { issue: { key: issue.key } });
    expect(dear.status).toBe(400);
    expect(dear.body.errorMessages).toEqual([expect.stringMatching(/more than 10 expensive operations/)]);
    expect((await evaluate(`'${'x'.repeat(1_000)}'`, { issue: { key: issue.key } })).status).toBe(400);
  });

  it('counts the steps of filtering 500 comments for one, and fails past 10,000 steps', async () => {
    const issue = newIssue();
    addComments(issue.id, 500);
    const last = jira().admin.comments(issue.id).at(-1);
    const lastId = typeof last?.id === 'string' ? last.id : '0';
    const pick = `issue.comments.filter(c => c.id == ${lastId}).map(c => { id: c.id, body: c.body })`;
    const reply = await evaluate(pick, { issue: { key: issue.key } }, '?expand=meta.complexity');
    expect(reply.status).toBe(200);
    expect(reply.body.value).toEqual([{ id: Number(lastId), body: last?.body }]);
    // Per comment: the lambda's `c`, `c.id` and `==` (3 steps); around it the filter and map calls and their reads.
    const steps = reply.body.meta?.complexity.steps?.value ?? 0;
    expect(steps).toBeGreaterThan(3 * 500);
    expect(steps).toBeLessThan(3 * 500 + 20);
    addComments(issue.id, 3_000);
    const over = await evaluate(pick, { issue: { key: issue.key } });
    expect(over.status).toBe(400);
    expect(over.body.errorMessages).toEqual([expect.stringMatching(/more than 10000 steps/)]);
  });

  it('loses answers on this route like on any other when a test injects the fault', async () => {
    const issue = newIssue();
    jira().faults.loseAnswerNext(1, { match: { path: '/rest/api/3/expression/evaluate' } });
    expect((await evaluate('issue.key', { issue: { key: issue.key } })).status).toBe(504);
    expect(jira().requestLog().at(-1)).toMatchObject({
      operationId: 'evaluateJSISJiraExpression',
      fault: 'answer-lost',
      appliedStatus: 200,
    });
    expect((await evaluate('issue.key', { issue: { key: issue.key } })).body.value).toBe(issue.key);
  });
});
