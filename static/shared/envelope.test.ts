// Parsing the resolver envelope in the Custom UIs, and reading per-field issues from an error.
import { describe, expect, it } from '@jest/globals';
import { z } from 'zod';
import { fieldIssuesOf, parseEnvelope } from './envelope';

const data = z.object({ links: z.number() });

describe('parseEnvelope', () => {
  it('passes a success with valid data', () => {
    expect(parseEnvelope({ ok: true, data: { links: 3 } }, data, 'countLinks')).toEqual({
      ok: true,
      data: { links: 3 },
    });
  });

  it('passes an error envelope as it is', () => {
    const error = { code: 'FORBIDDEN', message: 'Admins only', details: { why: 1 } };
    expect(parseEnvelope({ ok: false, error }, data, 'countLinks')).toEqual({ ok: false, error });
  });

  it.each([
    undefined,
    'nope',
    { ok: true },
    { ok: true, data: { links: 'three' } },
    { ok: false, error: 'x' },
  ])('turns the malformed reply %j into INVALID_RESPONSE', (raw) => {
    expect(parseEnvelope(raw, data, 'countLinks')).toEqual({
      ok: false,
      error: { code: 'INVALID_RESPONSE', message: expect.stringContaining('countLinks') },
    });
  });
});

describe('fieldIssuesOf', () => {
  it('reads details.issues of INVALID_INPUT', () => {
    const issues = [{ path: 'fieldMappings.1.jiraField', message: 'Enter the Jira field' }];
    expect(fieldIssuesOf({ code: 'INVALID_INPUT', message: 'x', details: { issues } })).toEqual(issues);
  });

  it('answers no issues when details carry none', () => {
    expect(fieldIssuesOf({ code: 'INVALID_INPUT', message: 'x' })).toEqual([]);
    expect(fieldIssuesOf({ code: 'INVALID_INPUT', message: 'x', details: { issues: 'all' } })).toEqual([]);
  });
});
