// Console output made inside an invocation is captured per invocation, as Forge collects it for `forge logs`.
import fs from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import { createLogger, REDACTED, SecretRegistry } from '../../src/lib/logger';
import { MAX_LOGS_PER_INVOCATION } from './accounting';
import { installConsoleCapture, toAppLogLine, type CapturableConsole } from './console-capture';
import { createSandbox, type Sandbox } from './sandbox';

// A one-handler app whose web trigger prints what the request asks for, so the capture is exercised through a real
// handler loaded from manifest.yml.
const APP_MANIFEST = `modules:
  webtrigger:
    - key: talk-hook
      function: talk
  function:
    - key: talk
      handler: index.talk
app:
  id: ari:cloud:ecosystem::app/00000000-0000-0000-0000-00000000c0de
  runtime:
    name: nodejs22.x
`;
const APP_HANDLER = `exports.talk = async (request) => {
  const { level, lines } = JSON.parse(request.body);
  for (const line of lines) console[level](...line);
  return { statusCode: 204 };
};
`;

function writeTalkingApp(): string {
  const appDir = fs.mkdtempSync(path.join(os.tmpdir(), 'console-capture-app-'));
  fs.mkdirSync(path.join(appDir, 'src'));
  fs.writeFileSync(path.join(appDir, 'manifest.yml'), APP_MANIFEST);
  fs.writeFileSync(path.join(appDir, 'src', 'index.js'), APP_HANDLER);
  return appDir;
}

/** A console whose methods only record, wrapped the way the real console is. */
function fakeConsole(): CapturableConsole & { printed: Array<[string, unknown[]]> } {
  const printed: Array<[string, unknown[]]> = [];
  const method =
    (name: string) =>
    (...args: unknown[]): void => {
      printed.push([name, args]);
    };
  const target = {
    printed,
    debug: method('debug'),
    log: method('log'),
    info: method('info'),
    warn: method('warn'),
    error: method('error'),
  };
  installConsoleCapture(target);
  return target;
}

function deferred(): { promise: Promise<void>; resolve: () => void } {
  let resolve = (): void => undefined;
  const promise = new Promise<void>((done) => (resolve = done));
  return { promise, resolve };
}

describe('console capture', () => {
  let appDir: string;
  let sandbox: Sandbox;

  beforeAll(() => {
    appDir = writeTalkingApp();
  });

  afterAll(() => fs.rmSync(appDir, { recursive: true, force: true }));

  beforeEach(() => {
    sandbox = createSandbox({ appDir });
  });

  afterEach(() => sandbox.close());

  const talk = (level: string, lines: unknown[][]) =>
    sandbox.invokeWebTrigger('talk-hook', { method: 'POST', body: JSON.stringify({ level, lines }) });

  it("turns a handler's JSON log line into an 'app' entry and keeps it on the invocation record", async () => {
    const line = JSON.stringify({ issueId: '10001', attempt: 2, level: 'info', message: 'Comment written' });
    await talk('info', [[line]]);

    const [record] = sandbox.accounting.invocations({ functionKey: 'talk' });
    expect(record?.logs).toEqual([
      { level: 'info', message: 'Comment written', fields: { issueId: '10001', attempt: 2 } },
    ]);
    expect(sandbox.appLogs().map((entry) => entry.data)).toEqual([
      {
        level: 'info',
        message: 'Comment written',
        fields: { issueId: '10001', attempt: 2 },
        functionKey: 'talk',
        moduleKey: 'talk-hook',
        invocationId: record?.invocationId,
      },
    ]);
    const entry = sandbox.logEntries.find((e) => e.kind === 'app');
    expect(entry?.message).toBe('Comment written');
  });

  it('captures plain text lines formatted as the console would print them, console.log at info level', async () => {
    await talk('log', [['skipped %d tickets:', 3, { reason: 'unchanged' }], ['{not json']]);

    expect(sandbox.accounting.invocations({ functionKey: 'talk' })[0]?.logs).toEqual([
      { level: 'info', message: "skipped 3 tickets: { reason: 'unchanged' }" },
      { level: 'info', message: '{not json' },
    ]);
    expect(sandbox.appLogs()[0]?.data.fields).toEqual({});
  });

  it('keeps the level of each console method and filters app logs by it', async () => {
    await talk('warn', [['careful']]);
    await talk('error', [
      [JSON.stringify({ level: 'error', message: 'failed', error: { kind: 'transient' } })],
    ]);
    await talk('debug', [['details']]);

    expect(sandbox.appLogs().map((e) => [e.data.level, e.message])).toEqual([
      ['warn', 'careful'],
      ['error', 'failed'],
      ['debug', 'details'],
    ]);
    expect(sandbox.appLogs({ level: 'error' }).map((e) => e.data.fields)).toEqual([
      { error: { kind: 'transient' } },
    ]);
  });

  it('attributes the lines of concurrent invocations to the invocation that printed them', async () => {
    const aMayGoOn = deferred();
    const bMayStart = deferred();
    const a = sandbox.asInvocation(
      async () => {
        console.info('a: first');
        bMayStart.resolve();
        await aMayGoOn.promise;
        console.info('a: second');
      },
      { moduleKey: 'module-a' },
    );
    const b = sandbox.asInvocation(
      async () => {
        await bMayStart.promise;
        console.info('b: first');
        aMayGoOn.resolve();
        console.info('b: second');
      },
      { moduleKey: 'module-b' },
    );
    await Promise.all([a, b]);

    // Interleaved in time, yet each line is on its own invocation.
    expect(sandbox.appLogs().map((e) => e.message)).toEqual([
      'a: first',
      'b: first',
      'b: second',
      'a: second',
    ]);
    const [recordA, recordB] = sandbox.accounting.invocations({ kind: 'test' });
    expect(recordA?.moduleKey).toBe('module-a');
    expect(recordA?.logs.map((l) => l.message)).toEqual(['a: first', 'a: second']);
    expect(recordB?.logs.map((l) => l.message)).toEqual(['b: first', 'b: second']);
    expect(sandbox.appLogs({ moduleKey: 'module-b' }).map((e) => e.data.invocationId)).toEqual([
      recordB?.invocationId,
      recordB?.invocationId,
    ]);
  });

  it('routes each line to the sandbox whose invocation printed it', async () => {
    const other = createSandbox({ appDir });
    try {
      await other.asInvocation(async () => console.info('from the other sandbox'));
      await sandbox.asInvocation(async () => console.info('from this sandbox'));
      expect(other.appLogs().map((e) => e.message)).toEqual(['from the other sandbox']);
      expect(sandbox.appLogs().map((e) => e.message)).toEqual(['from this sandbox']);
    } finally {
      await other.close();
    }
  });

  it('keeps only the latest lines of a long invocation and counts the dropped ones', async () => {
    await sandbox.asInvocation(async () => {
      for (let i = 0; i < MAX_LOGS_PER_INVOCATION + 5; i += 1) console.debug(`line ${i}`);
    });
    const [record] = sandbox.accounting.invocations({ kind: 'test' });
    expect(record?.logs).toHaveLength(MAX_LOGS_PER_INVOCATION);
    expect(record?.logs[0]?.message).toBe('line 5');
    expect(record?.logsDropped).toBe(5);
  });

  it('leaves console calls outside invocations alone', async () => {
    const fake = fakeConsole();
    fake.info('outside', 1);
    fake.error('also outside');
    await sandbox.asInvocation(async () => fake.info('inside'));

    expect(fake.printed).toEqual([
      ['info', ['outside', 1]],
      ['error', ['also outside']],
    ]);
    expect(sandbox.appLogs().map((e) => e.message)).toEqual(['inside']);
  });

  it('keeps captured lines off the console under jest unless echo is asked for, then prefixes the function key', async () => {
    const fake = fakeConsole();
    await sandbox.asInvocation(async () => fake.warn('quiet by default'));
    expect(fake.printed).toEqual([]);

    const echoing = createSandbox({ appDir, echoAppLogs: true });
    try {
      await echoing.asInvocation(async () => fake.warn('count: %d', 2));
      expect(fake.printed).toEqual([['warn', ['[test-invocation] count: 2']]]);
      expect(echoing.appLogs().map((e) => e.message)).toEqual(['count: 2']);
    } finally {
      await echoing.close();
    }
  });

  it('does not capture again what a log listener prints while a line is being captured', async () => {
    const fake = fakeConsole();
    sandbox.on('log', (entry: { kind: string; message: string }) => {
      if (entry.kind === 'app') fake.log(`[${entry.kind}] ${entry.message}`);
    });
    await sandbox.asInvocation(async () => fake.info('decided to skip'));

    expect(sandbox.appLogs().map((e) => e.message)).toEqual(['decided to skip']);
    expect(fake.printed).toEqual([['log', ['[app] decided to skip']]]);
  });

  it("still hands the app's lines to a test's own console spy", async () => {
    const mocked = jest.spyOn(console, 'info').mockImplementation(() => undefined);
    try {
      await sandbox.asInvocation(async () => console.info('seen by the mock'));
      expect(mocked).toHaveBeenCalledWith('seen by the mock');
    } finally {
      mocked.mockRestore();
    }
    const passThrough = jest.spyOn(console, 'warn');
    try {
      await sandbox.asInvocation(async () => console.warn('seen by both'));
      expect(passThrough).toHaveBeenCalledWith('seen by both');
      expect(sandbox.appLogs().map((e) => e.message)).toEqual(['seen by both']);
    } finally {
      passThrough.mockRestore();
    }
  });

  it("captures the logger's output after redaction, so no secret reaches the sandbox log", async () => {
    const secrets = new SecretRegistry();
    secrets.register('8f2c0d3e-1111-2222-3333-444455556666');
    const log = createLogger({ secrets, fields: { module: 'admin' } });
    await sandbox.asInvocation(async () =>
      log.warn('TeamSupport refused 8f2c0d3e-1111-2222-3333-444455556666', {
        apiToken: '8f2c0d3e-1111-2222-3333-444455556666',
      }),
    );

    const [record] = sandbox.accounting.invocations({ kind: 'test' });
    expect(JSON.stringify(sandbox.logEntries)).not.toContain('8f2c0d3e-1111-2222-3333-444455556666');
    expect(JSON.stringify(record?.logs)).not.toContain('8f2c0d3e-1111-2222-3333-444455556666');
    expect(record?.logs).toEqual([
      {
        level: 'warn',
        message: `TeamSupport refused ${REDACTED}`,
        fields: { module: 'admin', apiToken: REDACTED },
      },
    ]);
  });
});

describe('toAppLogLine', () => {
  it('splits a JSON record into message and fields, keeping a level that differs from the method', () => {
    expect(toAppLogLine('info', '{"level":"error","message":"odd","n":1}')).toEqual({
      level: 'info',
      message: 'odd',
      fields: { level: 'error', n: 1 },
    });
    expect(toAppLogLine('info', '{"level":"info","message":"plain record"}')).toEqual({
      level: 'info',
      message: 'plain record',
    });
  });

  it('treats JSON without a string message as text', () => {
    expect(toAppLogLine('warn', '{"message":42}')).toEqual({ level: 'warn', message: '{"message":42}' });
    expect(toAppLogLine('warn', '["message"]')).toEqual({ level: 'warn', message: '["message"]' });
  });
});
