// The sandbox runtime hosting a probe app through the real, unmodified Forge SDKs.
import http from 'node:http';
import path from 'node:path';
import { Queue } from '@forge/events';
import { kvs, WhereConditions } from '@forge/kvs';
import { createSandbox, type Sandbox } from './sandbox';

const probeApp = path.resolve(__dirname, '../../test/fixtures/probe-app');

interface CapturedRequest {
  method: string;
  url: string;
  headers: http.IncomingHttpHeaders;
  body: string;
}

/** A stand-in Jira that records every request and answers with a fixed JSON body. */
async function startRecordingServer(): Promise<{
  url: string;
  requests: CapturedRequest[];
  close: () => Promise<void>;
}> {
  const requests: CapturedRequest[] = [];
  const server = http.createServer((req, res) => {
    let body = '';
    req.on('data', (chunk: Buffer) => (body += chunk.toString()));
    req.on('end', () => {
      requests.push({ method: req.method ?? '', url: req.url ?? '', headers: req.headers, body });
      res.writeHead(201, { 'content-type': 'application/json' });
      res.end(JSON.stringify({ id: '10100', seen: req.url }));
    });
  });
  await new Promise<void>((resolve) => server.listen(0, '127.0.0.1', resolve));
  const address = server.address();
  const port = typeof address === 'object' && address ? address.port : 0;
  return {
    url: `http://127.0.0.1:${port}`,
    requests,
    close: () => new Promise((resolve) => server.close(() => resolve())),
  };
}

/** What the ignoreSelf trigger of the probe app recorded, in key order. */
async function seenEvents(issueId = ''): Promise<unknown[]> {
  const page = await kvs
    .query()
    .where('key', WhereConditions.beginsWith(`seen:${issueId}`))
    .limit(100)
    .getMany();
  return page.results.map((r) => r.value);
}

describe('sandbox runtime', () => {
  let sandbox: Sandbox;

  beforeEach(() => {
    sandbox = createSandbox({ appDir: probeApp });
  });

  afterEach(() => sandbox.close());

  it('runs the real @forge/kvs against the KVS emulator', async () => {
    await sandbox.asInvocation(async () => {
      await kvs.set('greeting', { text: 'hi' });
      await kvs.setSecret('secret:token', 's3cr3t');
    });
    expect(await sandbox.asInvocation(() => kvs.get('greeting'))).toEqual({ text: 'hi' });
    expect(await sandbox.asInvocation(() => kvs.get('missing'))).toBeUndefined();
    expect(await sandbox.asInvocation(() => kvs.getSecret('secret:token'))).toBe('s3cr3t');
    const page = await sandbox.asInvocation(() =>
      kvs.query().where('key', WhereConditions.beginsWith('gre')).getMany(),
    );
    expect(page.results.map((r) => r.key)).toEqual(['greeting']);
  });

  it('delivers product events to subscribed triggers and honours ignoreSelf', async () => {
    sandbox.emitProductEvent({ eventType: 'avi:jira:commented:issue', issue: { id: '1' } });
    sandbox.emitProductEvent({
      eventType: 'avi:jira:commented:issue',
      issue: { id: '2' },
      selfGenerated: true,
    });
    sandbox.emitProductEvent({ eventType: 'avi:jira:created:issue', issue: { id: '3' } });
    await sandbox.drain();
    const seen = await sandbox.asInvocation(() => seenEvents());
    const all = await sandbox.asInvocation(() =>
      kvs.query().where('key', WhereConditions.beginsWith('events:all:')).getMany(),
    );
    // The ignoreSelf trigger saw only the user's comment; the unfiltered trigger saw both; nobody subscribed to created.
    expect(seen).toEqual(['avi:jira:commented:issue']);
    expect(all.results.map((r) => r.key)).toEqual(['events:all:1', 'events:all:2']);
  });

  it('retries a product event whose handler returns an InvocationError', async () => {
    sandbox.emitProductEvent({ eventType: 'avi:jira:updated:issue', issue: { id: 'retry-me' } });
    await sandbox.drain();
    expect(await sandbox.asInvocation(() => seenEvents('retry-me'))).toHaveLength(3);
    expect(sandbox.accounting.invocations({ functionKey: 'on-event' }).map((r) => r.outcome)).toEqual([
      'retry',
      'retry',
      'ok',
    ]);
  });

  it('runs a scheduled trigger whose queue pushes reach the consumer, delays included', async () => {
    const result = await sandbox.runScheduledTrigger('probe-schedule');
    expect(result.status).toBe('ok');
    expect(result.record.budgetMs).toBe(120_000);
    expect(sandbox.queue.pendingCount()).toBe(2);
    await sandbox.drain();
    expect(await sandbox.asInvocation(() => kvs.get('queue:1'))).toBe(1);
    expect(await sandbox.asInvocation(() => kvs.get('queue:2'))).toBe(1);
    // The delayed event ran only after the virtual clock passed its delay: 60 s or more after the trigger that pushed
    // it started, the other one before that. Both sides are virtual-clock times taken around the push, so real time
    // lost to a loaded machine cannot move them below the delay (a reading taken after the push could).
    const [trigger] = sandbox.accounting.invocations({ functionKey: 'on-schedule' });
    const consumerStarts = sandbox.accounting
      .invocations({ functionKey: 'on-queue-event' })
      .map((record) => record.startedAt - (trigger?.startedAt ?? Number.NaN))
      .sort((a, b) => a - b);
    expect(consumerStarts).toEqual([expect.any(Number), expect.any(Number)]);
    expect(consumerStarts[0]).toBeLessThan(60_000);
    expect(consumerStarts[1]).toBeGreaterThanOrEqual(60_000);
  });

  it('drains only what is due by `until`, leaving later delayed events for the next drain', async () => {
    const started = sandbox.now();
    await sandbox.runScheduledTrigger('probe-schedule');
    await sandbox.drain({ until: started + 30_000 });
    expect(await sandbox.asInvocation(() => kvs.get('queue:1'))).toBe(1);
    expect(await sandbox.asInvocation(() => kvs.get('queue:2'))).toBeUndefined();
    expect(sandbox.queue.pendingCount()).toBe(1);
    expect(sandbox.now() - started).toBeLessThan(30_000);
    await sandbox.drain();
    expect(await sandbox.asInvocation(() => kvs.get('queue:2'))).toBe(1);
  });

  it('retries queue events with the InvocationError delay and retry context, and can redeliver handled events', async () => {
    await sandbox.asInvocation(async () => {
      await new Queue({ key: 'probe-queue' }).push([{ body: { n: 7, failTimes: 2 } }]);
    });
    await sandbox.drain();
    expect(await sandbox.asInvocation(() => kvs.get('queue:7'))).toBe(3);
    expect(await sandbox.asInvocation(() => kvs.get('queue-retry:7'))).toEqual({
      retryCount: 2,
      retryReason: 'FUNCTION_UPSTREAM_RATE_LIMITED',
      retryData: { attempt: 2 },
    });
    expect(sandbox.redeliverCompleted()).toBe(1);
    await sandbox.drain();
    expect(await sandbox.asInvocation(() => kvs.get('queue:7'))).toBe(4);
  });

  it('gives the consumer its manifest time budget and reports an overrun as a timeout that is retried', async () => {
    await sandbox.asInvocation(async () => {
      await new Queue({ key: 'probe-queue' }).push([{ body: { n: 9, sleepMs: 2_500 } }]);
    });
    const drained = sandbox.drain({ maxRounds: 1 });
    await expect(drained).rejects.toThrow(/did not settle/);
    const [first] = sandbox.accounting.invocations({ functionKey: 'on-queue-event' });
    expect(first?.outcome).toBe('timeout');
    expect(first?.budgetMs).toBe(2_000);
    // The deadline is the start plus the manifest's 2 s: the time left that the consumer was told, plus the time it had
    // run when it asked (bracketed by two readings of the virtual clock), is 2 s. Real time lost to a loaded machine
    // moves the readings and the remaining time alike, so it changes neither bound.
    const asked = (await sandbox.asInvocation(() => kvs.get('queue-budget:9'))) as {
      askedAfter: number;
      remainingMs: number;
      answeredBefore: number;
    };
    const startedAt = first?.startedAt ?? Number.NaN;
    expect(asked.remainingMs + (asked.askedAfter - startedAt)).toBeLessThanOrEqual(2_000);
    expect(asked.remainingMs + (asked.answeredBefore - startedAt)).toBeGreaterThanOrEqual(2_000);
  });

  it('calls resolvers with the platform principal and a Custom UI context', async () => {
    const value = await sandbox.invokeResolver({
      moduleKey: 'probe-panel',
      functionKey: 'whoami',
      payload: { accountId: 'spoofed' },
      accountId: 'user-42',
      extension: { issue: { id: '10001', key: 'SUP-1' } },
    });
    expect(value).toEqual({ accountId: 'user-42' });
  });

  it('routes asApp().requestJira to the connected Jira with method, path, headers and body intact', async () => {
    const jira = await startRecordingServer();
    try {
      sandbox.connectJira(jira.url);
      const value = await sandbox.invokeResolver({
        moduleKey: 'probe-panel',
        functionKey: 'commentAsApp',
        payload: { issueId: '10001', text: 'Hello from the app' },
        accountId: 'user-42',
      });
      expect(value).toEqual({
        status: 201,
        body: JSON.stringify({ id: '10100', seen: '/rest/api/3/issue/10001/comment?expand=properties' }),
      });
      const [request] = jira.requests;
      expect(request?.method).toBe('POST');
      expect(request?.url).toBe('/rest/api/3/issue/10001/comment?expand=properties');
      expect(request?.headers['content-type']).toBe('application/json');
      expect(request?.headers['x-forge-principal']).toBe('app');
      expect(JSON.parse(request?.body ?? '')).toEqual({
        body: {
          type: 'doc',
          version: 1,
          content: [{ type: 'paragraph', content: [{ type: 'text', text: 'Hello from the app' }] }],
        },
      });
      const [record] = sandbox.accounting.invocations({ functionKey: 'probe-resolver' });
      expect(record?.requests.jira?.count).toBe(1);
    } finally {
      await jira.close();
    }
  });

  it('sends asUser() calls as the invoking user', async () => {
    const jira = await startRecordingServer();
    try {
      sandbox.connectJira(jira.url);
      await sandbox.invokeResolver({
        moduleKey: 'probe-panel',
        functionKey: 'issueAsUser',
        payload: { issueId: '10001' },
        accountId: 'user-7',
      });
      expect(jira.requests[0]?.headers['x-forge-principal']).toBe('user:user-7');
      expect(jira.requests[0]?.url).toBe('/rest/api/3/issue/10001');
    } finally {
      await jira.close();
    }
  });

  it('serves web triggers and enforces the manifest egress list', async () => {
    const echoed = await sandbox.invokeWebTrigger('probe-hook', { method: 'POST', body: 'ping' });
    expect(echoed).toEqual({
      statusCode: 200,
      headers: { 'content-type': ['application/json'] },
      body: '{"echo":"ping"}',
    });
    // As on Forge, a fetch outside permissions.external.fetch.backend is answered by the egress proxy with a 403.
    for (const target of [
      'https://evil.example.org/x',
      'http://app.example-support.com/x',
      'https://example-support.com/x',
      'https://app.example-support.com:8443/x',
      'http://127.0.0.1:9/x',
    ]) {
      const blocked = await sandbox.invokeWebTrigger('probe-hook', {
        method: 'GET',
        queryParameters: { egress: [target] },
      });
      expect({
        target,
        statusCode: blocked.statusCode,
        proxy: blocked.headers?.['forge-proxy-error'],
      }).toEqual({
        target,
        statusCode: 403,
        proxy: ['BLOCKED_EGRESS'],
      });
    }
  });

  it("routes a host name of the sandbox's own to a local server, and only inside the manifest's egress", async () => {
    const local = await startRecordingServer();
    try {
      sandbox.routeEgress('https://emulator.example-support.com', local.url);
      const routed = await sandbox.invokeWebTrigger('probe-hook', {
        method: 'GET',
        queryParameters: { egress: ['https://emulator.example-support.com/api/json/tickets?x=1'] },
      });
      expect(routed).toMatchObject({
        statusCode: 201,
        body: '{"id":"10100","seen":"/api/json/tickets?x=1"}',
      });
      expect(routed.headers?.['forge-proxy-error']).toBeUndefined();
      // Counted under the host the app called.
      const [record] = sandbox.accounting.invocations({ functionKey: 'on-web' });
      expect(record?.requests['emulator.example-support.com']?.count).toBe(1);
      // A path that looks like another host stays a path on the routed server.
      await sandbox.invokeWebTrigger('probe-hook', {
        method: 'GET',
        queryParameters: { egress: ['https://emulator.example-support.com//evil.example.org/x'] },
      });
      expect(local.requests.map((request) => request.url)).toEqual([
        '/api/json/tickets?x=1',
        '//evil.example.org/x',
      ]);
      expect(() => sandbox.routeEgress('https://emulator.example.org', local.url)).toThrow(
        /manifest\.yml's permissions\.external\.fetch\.backend does not allow it/,
      );
    } finally {
      await local.close();
    }
  });

  it('leaves fetches outside invocations alone: they are the tests and the sandbox, not the app', async () => {
    const local = await startRecordingServer();
    try {
      expect((await fetch(`${local.url}/direct`)).status).toBe(201);
    } finally {
      await local.close();
    }
  });

  it('counts requests per invocation and per target', async () => {
    await sandbox.runScheduledTrigger('probe-schedule');
    const [record] = sandbox.accounting.invocations({ functionKey: 'on-schedule' });
    expect(record?.requests.kvs?.count).toBe(1);
    expect(record?.requests.queue?.count).toBe(1);
    expect(sandbox.accounting.totals().queue?.bytesOut).toBeGreaterThan(0);
  });
});
