// The resolver envelope: success and error shapes, input problems per path, upstream failures redacted.
import { z } from 'zod';
import { fail, invalidInput, ok, parseInput, unexpectedFailure } from './envelope';
import { IntegrationError } from './errors';
import { createLogger, SecretRegistry, type LogLevel } from './logger';

function capture() {
  const lines: Array<{ level: LogLevel; line: string }> = [];
  const secrets = new SecretRegistry();
  const logger = createLogger({ sink: (level, line) => lines.push({ level, line }), secrets });
  return { lines, logger, secrets };
}

describe('envelope', () => {
  it('builds both shapes, leaving out absent details', () => {
    expect(ok({ links: 2 })).toEqual({ ok: true, data: { links: 2 } });
    expect(fail('NOT_FOUND', 'gone')).toEqual({ ok: false, error: { code: 'NOT_FOUND', message: 'gone' } });
    expect(fail('NOT_FOUND', 'gone')).not.toHaveProperty('error.details');
    expect(invalidInput([{ path: 'name', message: 'Enter a name.' }])).toEqual({
      ok: false,
      error: {
        code: 'INVALID_INPUT',
        message: expect.any(String),
        details: { issues: [{ path: 'name', message: 'Enter a name.' }] },
      },
    });
  });

  it('turns payload problems into one issue per dot path', () => {
    const schema = z.object({ id: z.string(), items: z.array(z.object({ name: z.string().min(1) })) });
    expect(parseInput(schema, { id: 'a', items: [{ name: 'ok' }] })).toEqual({
      ok: true,
      value: { id: 'a', items: [{ name: 'ok' }] },
    });
    const result = parseInput(schema, { items: [{ name: 'ok' }, { name: '' }] });
    expect(result).toMatchObject({
      ok: false,
      error: {
        code: 'INVALID_INPUT',
        details: {
          issues: [
            { path: 'id', message: expect.any(String) },
            { path: 'items.1.name', message: expect.any(String) },
          ],
        },
      },
    });
  });

  it('answers an upstream failure with its message, redacted, and whether a retry may help', () => {
    const { logger, lines } = capture();
    const error = new IntegrationError(
      'transient',
      'TeamSupport said: Authorization: Basic c2VjcmV0OnRva2Vu',
      {
        system: 'teamsupport',
        status: 503,
      },
    );
    const failure = unexpectedFailure(error, logger);
    expect(failure).toEqual({
      ok: false,
      error: {
        code: 'UPSTREAM_ERROR',
        message: 'TeamSupport said: Authorization: [REDACTED]',
        details: { system: 'teamsupport', retryable: true },
      },
    });
    expect(lines.map((l) => l.level)).toEqual(['warn']);
    expect(lines[0]?.line).not.toContain('c2VjcmV0OnRva2Vu');
  });

  it('answers anything else with a generic message and logs the cause', () => {
    const { logger, lines } = capture();
    const failure = unexpectedFailure(
      new TypeError("Cannot read properties of undefined (reading 'id')"),
      logger,
    );
    expect(failure.error.code).toBe('INTERNAL');
    expect(failure.error.message).not.toContain('undefined');
    expect(lines).toEqual([{ level: 'error', line: expect.stringContaining("reading 'id'") }]);
  });
});
