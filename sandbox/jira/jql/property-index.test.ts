// JQL entity-property clauses (`issue.property[key].path` and search aliases) through POST /rest/api/3/search/jql:
// only the paths a jira:entityProperty module declares are searchable, typed and aliased as declared.
import { appEntityProperties } from '../../runtime/entity-properties';
import type { EntityPropertyModule } from './property-index';
import { PropertyIndex } from './property-index';
import { client, specErrors, useJira, type ErrorBody, type SearchResults } from '../jira.test-support';

const MODULES: EntityPropertyModule[] = [
  {
    key: 'mirror-index',
    propertyKey: 'mirror',
    values: [
      { path: 'ticketId', type: 'string' },
      { path: 'org.id', type: 'string' },
      { path: 'tags', type: 'string' },
      { path: 'done', type: 'string' },
      { path: 'missing', type: 'string' },
    ],
  },
  {
    key: 'tickets-index',
    propertyKey: 'tickets',
    values: [
      { path: 'count', type: 'number', searchAlias: 'ticketCount' },
      { path: 'numbers', type: 'string', searchAlias: 'ticketNumber' },
      { path: 'names', type: 'text', searchAlias: 'ticketName' },
      { path: 'since', type: 'date', searchAlias: 'ticketSince' },
    ],
  },
];

const jira = useJira({ now: () => Date.UTC(2026, 10, 21, 10, 0), entityProperties: MODULES });

const make = (summary: string): string =>
  jira().admin.createIssue('app', { project: 'SUP', issueType: 'Task', summary }).key;

async function keys(jql: string, order = 'ORDER BY key ASC'): Promise<string[]> {
  const reply = await client(jira()).post<SearchResults>('/rest/api/3/search/jql', {
    jql: `${jql} ${order}`,
    fields: ['summary'],
  });
  expect(reply.status).toBe(200);
  expect(specErrors('SearchAndReconcileResults', reply.body)).toEqual([]);
  return reply.body.issues.map((issue) => issue.key);
}

async function refused(jql: string): Promise<string[]> {
  const reply = await client(jira()).post<ErrorBody>('/rest/api/3/search/jql', { jql });
  expect(reply.status).toBe(400);
  return reply.body.errorMessages;
}

describe('JQL issue.property[key].path on declared string paths', () => {
  /** SUP-1..4 with different `mirror` properties (SUP-4 has none). */
  beforeEach(() => {
    jira().admin.setIssueProperty(make('one'), 'mirror', {
      ticketId: '1001',
      org: { id: 7 },
      tags: ['a', 'b'],
    });
    jira().admin.setIssueProperty(make('two'), 'mirror', { ticketId: 1002, org: { id: 8 }, tags: [] });
    jira().admin.setIssueProperty(make('three'), 'mirror', { ticketId: null, done: true });
    make('four');
  });

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

  it('follows later changes of the property', async () => {
    const put = await client(jira()).put('/rest/api/3/issue/SUP-1/properties/mirror', { ticketId: '2001' });
    expect(put.status).toBe(200);
    expect(await keys('issue.property[mirror].ticketId = 2001')).toEqual(['SUP-1']);
    expect(await keys('issue.property[mirror].ticketId = 1001')).toEqual([]);
    const removed = await client(jira()).delete('/rest/api/3/issue/SUP-1/properties/mirror');
    expect(removed.status).toBe(204);
    expect(await keys('issue.property[mirror].ticketId = 2001')).toEqual([]);
  });

  it('searches only declared paths: another path or property finds nothing, as if no issue had a value there', async () => {
    jira().admin.setIssueProperty('SUP-4', 'ticket', 42);
    jira().admin.setIssueProperty('SUP-4', 'other', { ticketId: '1001' });
    expect(await keys('issue.property[ticket] = 42')).toEqual([]);
    expect(await keys('issue.property[other].ticketId = 1001')).toEqual([]);
    expect(await keys('issue.property[mirror].org = 7')).toEqual([]);
    expect(await keys('issue.property[other].ticketId IS EMPTY')).toEqual([
      'SUP-1',
      'SUP-2',
      'SUP-3',
      'SUP-4',
    ]);
  });

  it('refuses operators a string path does not support', async () => {
    expect(await refused('issue.property[mirror].ticketId > 5')).toEqual([
      "The operator '>' is not supported by the 'issue.property[mirror].ticketId' field.",
    ]);
    expect(await refused('issue.property[mirror].ticketId ~ 100')).toEqual([
      "The operator '~' is not supported by the 'issue.property[mirror].ticketId' field.",
    ]);
  });
});

describe('search aliases and typed paths', () => {
  /** SUP-1: 3 tickets, SUP-2: 1, SUP-3: 2, SUP-4: none. */
  beforeEach(() => {
    const set = (count: number, numbers: string[], names: string[], since: string): void => {
      jira().admin.setIssueProperty(make(`${count} tickets`), 'tickets', { count, numbers, names, since });
    };
    set(3, ['1234', '1240', '77'], ['Acme Support', 'Globex helpdesk'], '2026-11-01T08:00:00.000Z');
    set(1, ['1240'], ['Acme Support'], '2026-11-20T08:00:00.000Z');
    set(2, ['9'], ['Initech'], 'not a date');
    make('no tickets');
  });

  it.each([
    ['ticketCount > 0', ['SUP-1', 'SUP-2', 'SUP-3']],
    ['ticketCount >= 2', ['SUP-1', 'SUP-3']],
    ['ticketCount < 2', ['SUP-2']],
    ['ticketCount <= 2', ['SUP-2', 'SUP-3']],
    ['ticketCount = 3', ['SUP-1']],
    ['ticketCount = 3.0', ['SUP-1']],
    ['ticketCount != 3', ['SUP-2', 'SUP-3']],
    ['ticketCount IN (1, 2)', ['SUP-2', 'SUP-3']],
    ['ticketCount IS EMPTY', ['SUP-4']],
    ['issue.property[tickets].count > 1', ['SUP-1', 'SUP-3']],
    ['TICKETCOUNT > 2', ['SUP-1']],
    ['ticketNumber = 1240', ['SUP-1', 'SUP-2']],
    ['ticketNumber = "77"', ['SUP-1']],
    ['ticketNumber != 1240', ['SUP-3']],
    ['ticketNumber IN (9, 77)', ['SUP-1', 'SUP-3']],
    ['ticketNumber NOT IN (1240)', ['SUP-3']],
    ['ticketNumber IS NOT EMPTY', ['SUP-1', 'SUP-2', 'SUP-3']],
    ['ticketName ~ acme', ['SUP-1', 'SUP-2']],
    ['ticketName ~ "acme support"', ['SUP-1', 'SUP-2']],
    ['ticketName ~ "help*"', ['SUP-1']],
    ['ticketName ~ "acme globex"', []],
    ['ticketName !~ acme', ['SUP-3']],
    ['ticketName IS EMPTY', ['SUP-4']],
    ['ticketSince >= "2026-11-10"', ['SUP-2']],
    ['ticketSince < -7d', ['SUP-1']],
    ['ticketSince IS EMPTY', ['SUP-3', 'SUP-4']],
    ['ticketCount > 0 AND ticketNumber = 1240 AND NOT ticketName ~ globex', ['SUP-2']],
  ])('%s', async (jql, expected) => {
    expect(await keys(jql)).toEqual(expected);
  });

  it('orders by an alias: most tickets first, issues without a value first descending and last ascending', async () => {
    expect(await keys('project = SUP', 'ORDER BY ticketCount DESC')).toEqual([
      'SUP-4',
      'SUP-1',
      'SUP-3',
      'SUP-2',
    ]);
    expect(await keys('ticketCount > 0', 'ORDER BY ticketCount DESC')).toEqual(['SUP-1', 'SUP-3', 'SUP-2']);
    expect(await keys('project = SUP', 'ORDER BY ticketCount ASC, key DESC')).toEqual([
      'SUP-2',
      'SUP-3',
      'SUP-1',
      'SUP-4',
    ]);
    expect(await keys('ticketCount > 0', 'ORDER BY issue.property[tickets].count ASC')).toEqual([
      'SUP-2',
      'SUP-3',
      'SUP-1',
    ]);
    // Several values: the lowest sorts ascending ("1234" < "1240" < "9"), the highest descending.
    expect(await keys('ticketCount > 0', 'ORDER BY ticketNumber ASC')).toEqual(['SUP-1', 'SUP-2', 'SUP-3']);
    expect(await keys('ticketCount > 0', 'ORDER BY ticketNumber DESC')).toEqual(['SUP-3', 'SUP-1', 'SUP-2']);
  });

  it('refuses what the declared types do not allow, and names that are not declared', async () => {
    expect(await refused('ticketCount > many')).toEqual([
      "The value 'many' is not a valid number for the field 'ticketCount'.",
    ]);
    expect(await refused('ticketCount ~ 3')).toEqual([
      "The operator '~' is not supported by the 'ticketCount' field.",
    ]);
    expect(await refused('ticketName = acme')).toEqual([
      "The operator '=' is not supported by the 'ticketName' field.",
    ]);
    expect(await refused('ticketSince IN ("2026-11-10")')).toEqual([
      "The operator 'in' is not supported by the 'ticketSince' field.",
    ]);
    expect(await refused('ticketNumber > 5')).toEqual([
      "The operator '>' is not supported by the 'ticketNumber' field.",
    ]);
    expect(await refused('ticketCounts > 0')).toEqual([
      "Field 'ticketCounts' does not exist or you do not have permission to view it.",
    ]);
    expect(await refused('project = SUP ORDER BY ticketCounts DESC')).toEqual([
      "Not able to sort using field 'ticketCounts'.",
    ]);
  });
});

describe('the property index', () => {
  it('refuses aliases with dots, an alias declared twice, and more than 100 values', () => {
    const module = (alias: string): EntityPropertyModule => ({
      propertyKey: 'p',
      values: [{ path: 'a', type: 'string', searchAlias: alias }],
    });
    expect(() => new PropertyIndex([module('support.tickets')])).toThrow(/no dots/);
    expect(() => new PropertyIndex([module('tickets'), module('Tickets')])).toThrow(/declared twice/);
    const values = Array.from({ length: 101 }, (_, i) => ({ path: `v${i}`, type: 'string' as const }));
    expect(() => new PropertyIndex([{ propertyKey: 'p', values }])).toThrow(/Forge allows 100/);
  });

  it("indexes only issue properties, and reads the app's own modules from manifest.yml", () => {
    const index = new PropertyIndex([
      { entityType: 'project', propertyKey: 'p', values: [{ path: 'a', type: 'string', searchAlias: 'pa' }] },
      ...appEntityProperties(),
    ]);
    expect(index.alias('pa')).toBeUndefined();
    expect(index.path('support-ticket-sync-origin', 'ticket')?.type).toBe('string');
  });
});
