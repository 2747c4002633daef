// JQL entity-property clauses (`issue.property[key].path`) through POST /rest/api/3/search/jql.
import { client, specErrors, useJira, type ErrorBody, type SearchResults } from './support';

const jira = useJira({ now: () => Date.UTC(2026, 10, 21, 10, 0) });

/** SUP-1..4 with different `mirror` properties (SUP-4 has none). */
function seed(): void {
  const make = (summary: string): string =>
    jira().admin.createIssue('app', { project: 'SUP', issueType: 'Task', summary }).key;
  jira().admin.setIssueProperty(make('one'), 'mirror', {
    ticketId: '1001',
    org: { id: 7 },
    tags: ['a', 'b'],
  });
  jira().admin.setIssueProperty(make('two'), 'mirror', { ticketId: 1002, org: { id: 8 }, tags: [] });
  jira().admin.setIssueProperty(make('three'), 'mirror', { ticketId: null, done: true });
  make('four');
}

async function keys(jql: string): Promise<string[]> {
  const reply = await client(jira()).post<SearchResults>('/rest/api/3/search/jql', {
    jql: `${jql} ORDER BY key ASC`,
    fields: ['summary'],
  });
  expect(reply.status).toBe(200);
  expect(specErrors('SearchAndReconcileResults', reply.body)).toEqual([]);
  return reply.body.issues.map((issue) => issue.key);
}

describe('JQL issue.property[key].path', () => {
  beforeEach(seed);

  it.each([
    ['issue.property[mirror].ticketId = "1001"', ['SUP-1']],
    ['issue.property[mirror].ticketId = 1002', ['SUP-2']],
    ['issue.property[mirror].ticketId != "1001"', ['SUP-2']],
    ['issue.property[mirror].ticketId IN (1001, "1002", 9)', ['SUP-1', 'SUP-2']],
    ['issue.property[mirror].ticketId NOT IN (1001)', ['SUP-2']],
    ['issue.property[mirror].ticketId IS EMPTY', ['SUP-3', 'SUP-4']],
    ['issue.property[mirror].ticketId IS NOT EMPTY', ['SUP-1', 'SUP-2']],
    ['issue.property[mirror].org.id = 8', ['SUP-2']],
    ['issue.property[mirror].tags = b', ['SUP-1']],
    ['issue.property[mirror].done = true', ['SUP-3']],
    ['ISSUE.PROPERTY[mirror].ticketId = 1001 AND project = SUP', ['SUP-1']],
    ['issue.property[Mirror].ticketId = 1001', []],
    ['issue.property[mirror].missing IS EMPTY', ['SUP-1', 'SUP-2', 'SUP-3', 'SUP-4']],
  ])('%s', async (jql, expected) => {
    expect(await keys(jql)).toEqual(expected);
  });

  it('matches a scalar property without a path, and follows later changes', async () => {
    jira().admin.setIssueProperty('SUP-4', 'ticket', 42);
    expect(await keys('issue.property[ticket] = 42')).toEqual(['SUP-4']);
    const put = await client(jira()).put('/rest/api/3/issue/SUP-1/properties/mirror', { ticketId: '2001' });
    expect(put.status).toBe(200);
    expect(await keys('issue.property[mirror].ticketId = 2001')).toEqual(['SUP-1']);
    expect(await keys('issue.property[mirror].ticketId = 1001')).toEqual([]);
  });

  it('refuses operators a string property does not support', async () => {
    const reply = await client(jira()).post<ErrorBody>('/rest/api/3/search/jql', {
      jql: 'issue.property[mirror].ticketId > 5',
    });
    expect(reply.status).toBe(400);
    expect(reply.body.errorMessages).toEqual([
      "The operator '>' is not supported by the 'issue.property[mirror].ticketId' field.",
    ]);
  });
});
