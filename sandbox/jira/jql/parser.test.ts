// The JQL parser (clauses, IN lists, precedence, functions, ORDER BY) and the resolution of JQL dates.
import { resolveDate } from './dates';
import { JqlError } from './errors';
import { parseJql } from './parser';

describe('parseJql', () => {
  it('parses clauses, IN lists, AND/OR precedence and ORDER BY', () => {
    expect(
      parseJql('project = SUP AND key in (SUP-1, "SUP-2") OR fixVersion = 1.0 ORDER BY updated DESC, key'),
    ).toEqual({
      where: {
        kind: 'or',
        left: {
          kind: 'and',
          left: {
            kind: 'clause',
            field: 'project',
            operator: '=',
            operands: [{ kind: 'value', text: 'SUP' }],
          },
          right: {
            kind: 'clause',
            field: 'key',
            operator: 'in',
            operands: [
              { kind: 'value', text: 'SUP-1' },
              { kind: 'value', text: 'SUP-2' },
            ],
          },
        },
        right: {
          kind: 'clause',
          field: 'fixVersion',
          operator: '=',
          operands: [{ kind: 'value', text: '1.0' }],
        },
      },
      orderBy: [
        { field: 'updated', direction: 'desc' },
        { field: 'key', direction: 'asc' },
      ],
    });
  });

  it('parses relative dates, functions, NOT IN and IS EMPTY', () => {
    expect(
      parseJql('updated >= -5m AND assignee = currentUser() AND labels not in (a) AND fixVersion is EMPTY')
        .where,
    ).toMatchObject({
      kind: 'and',
      left: {
        left: {
          left: { field: 'updated', operator: '>=', operands: [{ kind: 'value', text: '-5m' }] },
          right: { field: 'assignee', operands: [{ kind: 'function', name: 'currentUser', args: [] }] },
        },
        right: { operator: 'not in' },
      },
      right: { operator: 'is', operands: [{ kind: 'empty' }] },
    });
  });

  it('takes a list function in place of an IN list', () => {
    expect(parseJql('sprint in openSprints() AND sprint not in closedSprints()').where).toEqual({
      kind: 'and',
      left: {
        kind: 'clause',
        field: 'sprint',
        operator: 'in',
        operands: [{ kind: 'function', name: 'openSprints', args: [] }],
      },
      right: {
        kind: 'clause',
        field: 'sprint',
        operator: 'not in',
        operands: [{ kind: 'function', name: 'closedSprints', args: [] }],
      },
    });
    expect(parseJql('statusCategory in ("To Do", "In Progress")').where).toMatchObject({
      operands: [
        { kind: 'value', text: 'To Do' },
        { kind: 'value', text: 'In Progress' },
      ],
    });
  });

  it('has no where clause for ORDER BY alone (an unbounded query)', () => {
    expect(parseJql('order by key desc')).toEqual({ orderBy: [{ field: 'key', direction: 'desc' }] });
  });

  it.each([
    ['project = ', /Expecting a value but reached the end/],
    ['project = SUP AND', /Expecting a field name but reached the end/],
    ['project = "SUP', /has not been completed/],
    ['key in (A-1', /Expecting '\)'/],
    ['project = SUP foo', /Expecting either 'OR' or 'AND' but got 'foo'/],
  ])('reports a syntax error for %j', (jql, message) => {
    expect(() => parseJql(jql)).toThrow(JqlError);
    expect(() => parseJql(jql)).toThrow(message);
  });
});

describe('resolveDate', () => {
  const now = Date.UTC(2026, 10, 21, 10, 0);

  it.each([
    ['-5m', now - 5 * 60_000],
    ['-1h', now - 3_600_000],
    ['-1w 2d', now - 9 * 86_400_000],
    ['-7d', now - 7 * 86_400_000],
    ['-24h', now - 86_400_000],
    ['-2w', now - 14 * 86_400_000],
    ['2026-12-01', Date.UTC(2026, 11, 1)],
    ['2026-12-01 10:00', Date.UTC(2026, 11, 1, 10, 0)],
    ['4w', now + 28 * 86_400_000],
    ['2026-11-20 08:30', Date.UTC(2026, 10, 20, 8, 30)],
    ['2026/11/20', Date.UTC(2026, 10, 20)],
    ['1763719200000', 1763719200000],
  ])('%s', (text, expected) => {
    expect(resolveDate({ kind: 'value', text }, 'updated', now)).toBe(expected);
  });

  it('understands now() and refuses other text', () => {
    expect(resolveDate({ kind: 'function', name: 'now', args: [] }, 'updated', now)).toBe(now);
    expect(() => resolveDate({ kind: 'value', text: 'tomorrow' }, 'updated', now)).toThrow(
      /Date value 'tomorrow'/,
    );
    expect(() => resolveDate({ kind: 'function', name: 'startOfDay', args: [] }, 'updated', now)).toThrow(
      /startOfDay/,
    );
  });
});
