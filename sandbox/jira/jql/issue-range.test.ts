// The issue-key field's comparison operators (`id > N`, `key >= SUP-2`): how a backfill resumes after the last issue
// it did, in id order (src/sync/brevo/backfill-run.ts).
import { client, useJira, type SearchResults } from '../jira.test-support';

const jira = useJira({ now: () => 0 });

async function keys(jql: string): Promise<string[]> {
  const reply = await client(jira()).post<SearchResults>('/rest/api/3/search/jql', {
    jql,
    fields: ['summary'],
  });
  expect(reply.status).toBe(200);
  return reply.body.issues.map((issue) => issue.key);
}

describe('JQL id and key ranges', () => {
  it('pages by id after a resume point, whether or not that issue still exists', async () => {
    const made = ['SUP', 'DEV', 'SUP', 'SUP'].map((project, i) =>
      jira().admin.createIssue('712020:alice', { project, issueType: 'Task', summary: `issue ${i}` }),
    );
    const [first, second, third] = made.map((issue) => issue.id);
    expect(await keys(`id > ${first ?? ''} ORDER BY id ASC`)).toEqual(
      made.slice(1).map((issue) => issue.key),
    );
    expect(await keys(`project = SUP AND id >= ${third ?? ''} ORDER BY id ASC`)).toEqual(
      [made[2], made[3]].map((issue) => issue?.key),
    );
    expect(await keys(`id < ${second ?? ''}`)).toEqual([made[0]?.key]);
    jira().admin.deleteIssue('712020:alice', third ?? '');
    expect(await keys(`id > ${third ?? ''} ORDER BY id ASC`)).toEqual([made[3]?.key]);
  });

  it('compares keys within their project by number, and refuses an unknown project', async () => {
    for (let i = 0; i < 3; i++)
      jira().admin.createIssue('712020:alice', { project: 'SUP', issueType: 'Task', summary: 's' });
    jira().admin.createIssue('712020:alice', { project: 'DEV', issueType: 'Task', summary: 'd' });
    expect(await keys('key > SUP-1 ORDER BY key ASC')).toEqual(['SUP-2', 'SUP-3']);
    const refused = await client(jira()).post('/rest/api/3/search/jql', { jql: 'key > NOPE-1' });
    expect(refused.status).toBe(400);
  });
});
