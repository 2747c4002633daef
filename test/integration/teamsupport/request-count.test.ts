// Issue 18: the connector counts what TeamSupport counts against the organization's 24-hour limit
// (docs/teamsupport-api.md §12): every request that reached it, each retry and probe included, and none that never
// left (no time left, blocked by the egress permissions).
import { createServer } from 'node:http';
import { defaultRetryPolicy } from '../../../src/lib/retry';
import type { TicketSystem } from '../../../src/sync/ports/ticket-system';
import { startHarness, type Harness } from './harness';

let h: Harness;

beforeAll(async () => {
  h = await startHarness();
});
beforeEach(() => {
  h.reset();
  h.ts.clearRequests();
});
afterAll(() => h.close());

/** Runs `body` with a fresh connector and answers how many requests it says it sent. */
function sentBy(body: (system: TicketSystem) => Promise<unknown>, options = {}): Promise<number> {
  return h.run(async (system) => {
    await body(system).catch(() => undefined);
    return system.requestsSent?.() ?? -1;
  }, options);
}

describe('requestsSent', () => {
  it('counts each request of a read, and a fresh connector starts at zero', async () => {
    const sent = await sentBy(async (ts) => {
      await ts.listTicketTypes();
      await ts.listStatuses();
    });
    expect(sent).toBeGreaterThan(1);
    expect(sent).toBe(h.apiRequests().length);
    expect(await sentBy(() => Promise.resolve())).toBe(0);
  });

  it('counts every retry TeamSupport answered', async () => {
    h.ts.failNext(2, { status: 503, method: 'GET', pathIncludes: '/properties/tickettypes' });
    const sent = await sentBy((ts) => ts.listTicketTypes());
    expect(sent).toBe(3);
    expect(h.apiRequests()).toHaveLength(3);
  });

  it('counts the probes that tell a missing ticket from a failing server', async () => {
    const sent = await sentBy((ts) => ts.getTicket('99999999'));
    expect(sent).toBe(h.apiRequests().length);
    expect(sent).toBeGreaterThan(1);
  });

  it('counts requests that failed for good', async () => {
    h.ts.failNext(defaultRetryPolicy.maxAttempts, { status: 503, method: 'GET' });
    const sent = await sentBy((ts) => ts.listTicketTypes());
    expect(sent).toBe(defaultRetryPolicy.maxAttempts);
    expect(h.apiRequests()).toHaveLength(defaultRetryPolicy.maxAttempts);
  });

  it('does not count a request that never left', async () => {
    expect(await sentBy((ts) => ts.listTicketTypes(), { budgetMs: 1_200 })).toBe(0);
    expect(await sentBy((ts) => ts.listTicketTypes(), { baseUrl: 'https://evil.example.com' })).toBe(0);
    expect(h.apiRequests()).toHaveLength(0);
  });

  it('does not count a connection that was refused: the request never reached TeamSupport', async () => {
    const server = createServer();
    await new Promise<void>((resolve) => server.listen(0, '127.0.0.1', resolve));
    const address = server.address();
    const port = typeof address === 'object' && address !== null ? address.port : 0;
    await new Promise<void>((resolve) => server.close(() => resolve()));
    h.sandbox.routeEgress('https://closed.teamsupport.com', `http://127.0.0.1:${port}`);
    expect(await sentBy((ts) => ts.listTicketTypes(), { baseUrl: 'https://closed.teamsupport.com' })).toBe(0);
    expect(h.waits.length).toBeGreaterThan(0);
  });
});
