// The issues a Brevo account covers, as one JQL query: its projects, its issue types and its own filter. Used to check
// the filter against Jira (the connection test) and wherever the sync needs the account's issues from a search.

/**
 * A JQL string literal: double quotes, with `"` and `\` escaped
 * (https://support.atlassian.com/jira-software-cloud/docs/use-advanced-search-with-jira-query-language-jql/).
 */
export function jqlString(value: string): string {
  return `"${value.replace(/[\\"]/g, (character) => `\\${character}`)}"`;
}

/**
 * `project in (…) AND issuetype in (…) AND (<filter>)`, leaving out what is "all" or unset; `undefined` when
 * nothing narrows the scope (every issue of the site). The filter is wrapped in parentheses so that its own OR
 * cannot escape the other clauses; it never holds ORDER BY (JqlFilterSchema).
 */
export function brevoScopeJql(scope: {
  projects: 'all' | readonly string[];
  issueTypes: 'all' | readonly string[];
  jql?: string | undefined;
}): string | undefined {
  const clauses: string[] = [];
  if (scope.projects !== 'all') clauses.push(`project in (${scope.projects.map(jqlString).join(', ')})`);
  if (scope.issueTypes !== 'all')
    clauses.push(`issuetype in (${scope.issueTypes.map(jqlString).join(', ')})`);
  if (scope.jql !== undefined && scope.jql.trim() !== '') clauses.push(`(${scope.jql})`);
  return clauses.length === 0 ? undefined : clauses.join(' AND ');
}
