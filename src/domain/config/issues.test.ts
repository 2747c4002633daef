// Turning zod issues into the per-field messages the admin page shows.
import { z } from 'zod';
import { formatIssuePath, issuesFromZodError } from './issues';

function errorOf(schema: z.ZodType, value: unknown): z.ZodError {
  const result = schema.safeParse(value);
  if (result.success) throw new Error('expected a zod error');
  return result.error;
}

describe('formatIssuePath', () => {
  it.each<[PropertyKey[], string]>([
    [[], ''],
    [['name'], 'name'],
    [['fieldMappings', 1, 'jiraField'], 'fieldMappings.1.jiraField'],
    [[Symbol('tag')], 'tag'],
  ])('%p → %j', (path, expected) => {
    expect(formatIssuePath(path)).toBe(expected);
  });
});

describe('issuesFromZodError', () => {
  it('keeps path and message of ordinary issues', () => {
    const schema = z.object({ rows: z.array(z.object({ cell: z.string().min(1, 'Fill the cell.') })) });
    expect(issuesFromZodError(errorOf(schema, { rows: [{ cell: 'x' }, { cell: '' }] }))).toEqual([
      { path: 'rows.1.cell', message: 'Fill the cell.' },
    ]);
  });

  it('gives each unknown property its own path', () => {
    const schema = z.object({ nested: z.strictObject({ known: z.string() }) });
    expect(issuesFromZodError(errorOf(schema, { nested: { known: 'x', typo: 1, other: 2 } }))).toEqual([
      { path: 'nested.typo', message: 'Unknown property "typo": remove it or correct its spelling.' },
      { path: 'nested.other', message: 'Unknown property "other": remove it or correct its spelling.' },
    ]);
  });

  it('addresses a root problem with an empty path', () => {
    expect(issuesFromZodError(errorOf(z.string({ error: 'Send text.' }), 1))).toEqual([
      { path: '', message: 'Send text.' },
    ]);
  });
});
