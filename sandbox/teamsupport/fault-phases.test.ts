// Faults of phase 'after' (the request is applied, then its reply is replaced) and dropped connections, through the
// programmatic surface and /_sandbox/faults.
import { platformFetch } from '../runtime/globals';
import type { TeamSupportEmulator } from './emulator';
import { ApiClient, parseJson, startFrozen, type ApiResponse } from './teamsupport.test-support';

let ts: TeamSupportEmulator;
let api: ApiClient;

beforeEach(async () => {
  ts = await startFrozen();
  api = ApiClient.for(ts);
});

afterEach(async () => {
  await ts.close();
});

const ticketId = (): number => ts.org().ticket(1).ticketId;

function addAction(text: string): Promise<ApiResponse> {
  return api.post(`/tickets/${ticketId()}/actions`, {
    Action: { ActionTypeID: String(ts.org().actionType('Comment').id), Description: `<p>${text}</p>` },
  });
}

const descriptions = (): string[] =>
  ts
    .org()
    .actions(ticketId())
    .map((action) => action.description);

describe("phase 'after' faults", () => {
  it('apply the request, count and log it, then answer the fault instead', async () => {
    const before = ts.org().actions(ticketId()).length;
    ts.failNext(1, {
      status: 503,
      body: 'Service Unavailable',
      method: 'POST',
      pathIncludes: '/actions',
      phase: 'after',
    });

    const lost = await addAction('applied anyway');
    expect([lost.status, lost.text]).toEqual([503, 'Service Unavailable']);
    expect(ts.org().actions(ticketId())).toHaveLength(before + 1);
    expect(descriptions()[0]).toBe('<p>applied anyway</p>');
    expect(ts.org().counters().total).toBe(1);

    const next = await addAction('second');
    expect(next.status).toBe(200);
    expect(ts.org().actions(ticketId())).toHaveLength(before + 2);
    expect(ts.requests().map((entry) => [entry.status, entry.fault, entry.orgId])).toEqual([
      [503, true, ts.org().id],
      [200, false, ts.org().id],
    ]);
  });

  it('can answer 200 with a body the client cannot read', async () => {
    ts.failNext(1, { status: 200, body: '{"Action":', contentType: 'application/json', phase: 'after' });
    const reply = await addAction('truncated answer');
    expect([reply.status, reply.text]).toEqual([200, '{"Action":']);
    expect(() => parseJson(reply)).toThrow(SyntaxError);
    expect(descriptions()[0]).toBe('<p>truncated answer</p>');
  });

  it("leave the default phase ('before') untouched: nothing applied, nothing counted", async () => {
    const before = ts.org().actions(ticketId()).length;
    ts.failNext(1, { status: 503, body: 'Service Unavailable', phase: 'before' });
    ts.failNext(1, { status: 502, body: 'Bad Gateway' });
    expect((await addAction('refused')).status).toBe(503);
    expect((await addAction('refused too')).status).toBe(502);
    expect(ts.org().actions(ticketId())).toHaveLength(before);
    expect(ts.org().counters().total).toBe(0);
    expect(ts.requests().map((entry) => entry.orgId)).toEqual([null, null]);
  });
});

describe('dropped connections', () => {
  it("after the write (phase 'after'): applied, the client sees the connection fail", async () => {
    const before = ts.org().actions(ticketId()).length;
    ts.failNext(1, { dropConnection: true, phase: 'after', pathIncludes: '/actions' });
    await expect(addAction('cut after')).rejects.toThrow(/fetch failed/);
    expect(ts.org().actions(ticketId())).toHaveLength(before + 1);
    expect(ts.requests().map((entry) => [entry.status, entry.fault, entry.responseBody])).toEqual([
      [0, true, ''],
    ]);
    expect((await addAction('then fine')).status).toBe(200);
  });

  it('before the write (default phase): nothing applied', async () => {
    const before = ts.org().actions(ticketId()).length;
    ts.failNext(1, { dropConnection: true });
    await expect(addAction('cut before')).rejects.toThrow(/fetch failed/);
    expect(ts.org().actions(ticketId())).toHaveLength(before);
  });

  it('need a status unless they drop the connection', () => {
    expect(() => ts.failNext(1, { body: 'no status' })).toThrow(/needs a status/);
  });
});

describe('/_sandbox/faults with phase and dropConnection', () => {
  async function postFault(body: unknown): Promise<{ status: number; json: unknown }> {
    const response = await platformFetch()(`${ts.adminUrl}/faults`, {
      method: 'POST',
      headers: { 'Content-Type': 'application/json' },
      body: JSON.stringify(body),
    });
    return { status: response.status, json: await response.json() };
  }

  it("takes phase: 'after' and dropConnection", async () => {
    const before = ts.org().actions(ticketId()).length;
    expect(
      await postFault({ count: 1, status: 504, body: 'Gateway Timeout', phase: 'after', method: 'POST' }),
    ).toEqual({ status: 200, json: { pending: 1 } });
    expect(await postFault({ dropConnection: true, phase: 'after' })).toEqual({
      status: 200,
      json: { pending: 2 },
    });
    expect((await addAction('one')).status).toBe(504);
    await expect(addAction('two')).rejects.toThrow(/fetch failed/);
    expect(ts.org().actions(ticketId())).toHaveLength(before + 2);
  });

  it('refuses an unknown phase, and a fault without status that keeps the connection', async () => {
    expect((await postFault({ status: 503, phase: 'during' })).status).toBe(400);
    expect((await postFault({ body: 'x' })).status).toBe(400);
    expect(ts.faults.pendingCount()).toBe(0);
  });
});
