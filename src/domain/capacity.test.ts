// Team capacity figures for Brevo: the JQL per project and person, the UTC day, and the event size limit.
import {
  assigneeOpenQuery,
  assigneeTotalQueries,
  capacityDay,
  capacityEventProperties,
  openByAssignee,
  projectCountQueries,
  projectScopeJql,
} from './capacity';

describe('team capacity figures', () => {
  const scope = { projects: ['SUP', 'DEV'], issueTypes: ['Bug'], jql: 'labels = vip OR priority = High' };

  it('counts one project within the account scope, its filter kept in parentheses', () => {
    const project = projectScopeJql(scope, 'SUP');
    expect(project).toBe('project in ("SUP") AND issuetype in ("Bug") AND (labels = vip OR priority = High)');
    expect(projectCountQueries(project)).toEqual({
      open: `${project} AND statusCategory != Done`,
      created7d: `${project} AND created >= -7d`,
      resolved7d: `${project} AND resolved >= -7d`,
    });
    expect(assigneeOpenQuery(project, '712020:a"b')).toBe(
      `${project} AND assignee = "712020:a\\"b" AND statusCategory != Done`,
    );
  });

  it("bounds a person's totals by the assignee alone when the account covers everything", () => {
    expect(assigneeTotalQueries({ projects: 'all', issueTypes: 'all' }, '712020:alice')).toEqual({
      open: 'assignee = "712020:alice" AND statusCategory != Done',
      resolved7d: 'assignee = "712020:alice" AND resolved >= -7d',
    });
  });

  it('names the UTC day', () => {
    expect(capacityDay(new Date('2026-03-01T23:30:00-05:00'))).toBe('2026-03-02');
  });

  it('lists the busiest first and leaves out people with nothing open', () => {
    const text = openByAssignee([
      { accountId: 'a', displayName: 'Bea', open: 2 },
      { accountId: 'b', displayName: 'Al', open: 2 },
      { accountId: 'c', displayName: 'Cy', open: 5 },
      { accountId: 'd', displayName: 'Di', open: 0 },
    ]);
    expect(text).toBe('Cy: 5, Al: 2, Bea: 2');
  });

  it('keeps a very large team within Brevo’s 50 KB of event properties', () => {
    const assignees = Array.from({ length: 5_000 }, (_, i) => ({
      accountId: String(i),
      displayName: `Person with a rather long name ${i}`,
      open: 1,
    }));
    const properties = capacityEventProperties({
      projectKey: 'SUP',
      day: '2026-03-02',
      open: 5_000,
      created7d: 40,
      resolved7d: 55,
      assignees,
    });
    expect(Buffer.byteLength(JSON.stringify(properties), 'utf8')).toBeLessThan(50 * 1024);
    expect(properties).toMatchObject({ open_assigned: 5_000, assignees: 5_000, net_change_7d: -15 });
    expect(String(properties.open_by_assignee).endsWith('…')).toBe(true);
  });
});
