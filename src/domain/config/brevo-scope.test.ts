// The JQL that limits a Brevo account to its projects, with names escaped.
import { brevoScopeJql, jqlString } from './brevo-scope';

describe('brevoScopeJql', () => {
  it.each<[string, Parameters<typeof brevoScopeJql>[0], string | undefined]>([
    ['nothing narrowed', { projects: 'all', issueTypes: 'all' }, undefined],
    ['a blank filter', { projects: 'all', issueTypes: 'all', jql: ' ' }, undefined],
    ['projects only', { projects: ['SUP', 'DEV'], issueTypes: 'all' }, 'project in ("SUP", "DEV")'],
    [
      'issue types with spaces and quotes',
      { projects: 'all', issueTypes: ['Service Request', 'Say "hi"'] },
      'issuetype in ("Service Request", "Say \\"hi\\"")',
    ],
    [
      'everything, with the filter in parentheses so its OR stays inside',
      { projects: ['SUP'], issueTypes: ['Bug'], jql: 'labels = a OR labels = b' },
      'project in ("SUP") AND issuetype in ("Bug") AND (labels = a OR labels = b)',
    ],
  ])('%s', (_name, scope, expected) => {
    expect(brevoScopeJql(scope)).toBe(expected);
  });

  it('escapes backslashes in names', () => {
    expect(jqlString('a\\b')).toBe('"a\\\\b"');
  });
});
