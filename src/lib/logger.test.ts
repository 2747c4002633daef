// The logger's redaction: registered secrets masked as whole tokens, secret-named fields replaced.
import { IntegrationError } from './errors';
import {
  REDACTED,
  SecretRegistry,
  createLogger,
  redact,
  redactText,
  registerSecret,
  withSecretScope,
  type LogLevel,
} from './logger';

function capture(): {
  lines: { level: LogLevel; line: string }[];
  sink: (level: LogLevel, line: string) => void;
} {
  const lines: { level: LogLevel; line: string }[] = [];
  return { lines, sink: (level, line) => lines.push({ level, line }) };
}

function parsed(line: string | undefined): unknown {
  if (line === undefined) throw new Error('no line was written');
  return JSON.parse(line);
}

describe('redactText', () => {
  it('masks every registered secret, also URL-encoded', () => {
    const secrets = new SecretRegistry();
    secrets.register('s3cr3t/+token');
    expect(redactText('a s3cr3t/+token b s3cr3t%2F%2Btoken c', secrets)).toBe(
      `a ${REDACTED} b ${REDACTED} c`,
    );
  });

  it('masks a secret that contains another registered secret as a whole', () => {
    const secrets = new SecretRegistry();
    secrets.register('abcd-1234');
    secrets.register('xx-abcd-1234-xx');
    expect(redactText('xx-abcd-1234-xx and abcd-1234', secrets)).toBe(`${REDACTED} and ${REDACTED}`);
  });

  it('masks whole tokens only, so the words around a secret stay readable (issue 20)', () => {
    const secrets = new SecretRegistry();
    secrets.register('tok');
    secrets.register('s3cr3t-value');
    // "tok" inside "token" is not the secret: the message stays as written, not "API [REDACTED]en".
    expect(redactText('check the API token', secrets)).toBe('check the API token');
    expect(redactText('sent tok, then "tok" and tok.', secrets)).toBe(
      `sent ${REDACTED}, then "${REDACTED}" and ${REDACTED}.`,
    );
    expect(redactText('x=s3cr3t-value&y; s3cr3t-values; as3cr3t-value', secrets)).toBe(
      `x=${REDACTED}&y; s3cr3t-values; as3cr3t-value`,
    );
  });

  it.each([
    ['Authorization: Basic dXNlcjpwYXNz', `Authorization: ${REDACTED}`],
    ['{"authorization":"Bearer eyJhbGciOi.x.y"}', `{"authorization":"${REDACTED}"}`],
    ['GET /x?token=abc123&page=2', `GET /x?token=${REDACTED}&page=2`],
    ["apiToken: 'p4ss'", `apiToken: '${REDACTED}'`],
    ['password=hunter2', `password=${REDACTED}`],
    ['api-key: xkeysib-123', `api-key: ${REDACTED}`],
    ['curl -H "x" Bearer abcdefghijkl', `curl -H "x" Bearer ${REDACTED}`],
  ])('masks credential-shaped text in %s', (input, expected) => {
    expect(redactText(input, new SecretRegistry())).toBe(expected);
  });

  it('leaves ordinary text alone', () => {
    const text = 'Ticket 745895 synced to SUP-12 (3 actions, status Closed)';
    expect(redactText(text, new SecretRegistry())).toBe(text);
  });
});

describe('redact', () => {
  it('replaces values of secret-named fields but keeps flags such as hasToken', () => {
    expect(
      redact(
        { apiToken: 'x', headers: { Authorization: 'Basic y', 'x-api-key': 'z' }, hasToken: true, count: 2 },
        new SecretRegistry(),
      ),
    ).toEqual({
      apiToken: REDACTED,
      headers: { Authorization: REDACTED, 'x-api-key': REDACTED },
      hasToken: true,
      count: 2,
    });
  });

  it('turns values into JSON: errors, dates, bigints, cycles, undefined', () => {
    const cyclic: Record<string, unknown> = { name: 'loop' };
    cyclic.self = cyclic;
    const value = redact(
      {
        error: new IntegrationError('rate-limited', 'slow down', { system: 'forge-storage', status: 429 }),
        at: new Date('2024-05-01T12:00:00.000Z'),
        big: 10n,
        cyclic,
        gone: undefined,
        list: [1, undefined, 'x'],
        infinite: Number.POSITIVE_INFINITY,
      },
      new SecretRegistry(),
    );
    expect(value).toEqual({
      error: {
        name: 'IntegrationError',
        message: 'slow down',
        kind: 'rate-limited',
        details: { system: 'forge-storage', status: 429 },
      },
      at: '2024-05-01T12:00:00.000Z',
      big: '10',
      cyclic: { name: 'loop', self: '[Circular]' },
      list: [1, null, 'x'],
      infinite: 'Infinity',
    });
  });

  it('masks registered secrets inside error messages and nested values', () => {
    const secrets = new SecretRegistry();
    secrets.register('tok-123456');
    expect(
      redact({ detail: [{ note: 'sent tok-123456' }], error: new Error('bad tok-123456') }, secrets),
    ).toEqual({
      detail: [{ note: `sent ${REDACTED}` }],
      error: { name: 'Error', message: `bad ${REDACTED}` },
    });
  });
});

describe('createLogger', () => {
  it('writes one JSON line per call at the matching level, with child fields', () => {
    const { lines, sink } = capture();
    const log = createLogger({ sink, secrets: new SecretRegistry() }).child({ instanceId: 'inst-1' });
    log.warn('ticket skipped', { ticketId: '42', level: 'spoofed', message: 'spoofed' });
    expect(lines).toHaveLength(1);
    expect(lines[0]?.level).toBe('warn');
    expect(parsed(lines[0]?.line)).toEqual({
      instanceId: 'inst-1',
      ticketId: '42',
      level: 'warn',
      message: 'ticket skipped',
    });
  });

  it('never prints a registered secret, whether in the message or the fields', () => {
    const { lines, sink } = capture();
    const secrets = new SecretRegistry();
    secrets.register('8f2c0d3e-1111-2222-3333-444455556666');
    const log = createLogger({ sink, secrets });
    log.error('auth failed with 8f2c0d3e-1111-2222-3333-444455556666', {
      request: { url: 'https://x/?key=8f2c0d3e-1111-2222-3333-444455556666' },
      token: '8f2c0d3e-1111-2222-3333-444455556666',
    });
    expect(lines.map((l) => l.line).join('\n')).not.toContain('8f2c0d3e-1111-2222-3333-444455556666');
  });

  it('masks the secrets of the invocation it writes in, in the default logger', async () => {
    const { lines, sink } = capture();
    const log = createLogger({ sink });
    await withSecretScope(async () => {
      registerSecret('invocation-secret-9876');
      await Promise.resolve();
      log.info('using invocation-secret-9876');
    })();
    expect(lines.map((l) => l.line).join('\n')).toContain(REDACTED);
    expect(lines.map((l) => l.line).join('\n')).not.toContain('invocation-secret-9876');
  });
});

describe('withSecretScope', () => {
  it('keeps concurrent invocations apart and forgets a secret when its invocation ends', async () => {
    const { lines, sink } = capture();
    const log = createLogger({ sink });
    let release: () => void = () => undefined;
    const gate = new Promise<void>((resolve) => {
      release = resolve;
    });
    const first = withSecretScope(async () => {
      registerSecret('first-secret-1111');
      await gate;
      log.info('first sees first-secret-1111 and second-secret-2222');
    });
    const second = withSecretScope(async () => {
      registerSecret('second-secret-2222');
      await gate;
      log.info('second sees first-secret-1111 and second-secret-2222');
    });
    const both = Promise.all([first(), second()]);
    release();
    await both;
    expect(lines.map((l) => JSON.parse(l.line) as unknown)).toEqual([
      expect.objectContaining({ message: `first sees ${REDACTED} and second-secret-2222` }),
      expect.objectContaining({ message: `second sees first-secret-1111 and ${REDACTED}` }),
    ]);
    // Nothing process-wide: outside any invocation, and in the next one, the old secrets are not remembered.
    registerSecret('outside-secret-3333');
    log.info('after first-secret-1111 outside-secret-3333');
    await withSecretScope(async () => {
      log.info('next first-secret-1111');
    })();
    expect(lines.slice(2).map((l) => JSON.parse(l.line) as unknown)).toEqual([
      expect.objectContaining({ message: 'after first-secret-1111 outside-secret-3333' }),
      expect.objectContaining({ message: 'next first-secret-1111' }),
    ]);
  });
});
