// The request meter: one write per instance per invocation, only what was sent after tracking, failures logged.
import { hourOf, type RequestUsage } from '../domain/request-usage';
import { createLogger, SecretRegistry } from '../lib/logger';
import type { RequestUsageStore } from './ports/request-usage-store';
import { RequestMeter } from './request-meter';

const now = new Date('2026-03-02T12:30:00Z');
const hour = String(hourOf(now));

/** A connector as the meter sees it: `send(n)` stands for n requests. */
function connector() {
  let sent = 0;
  return {
    requestsSent: () => sent,
    send: (n: number) => {
      sent += n;
    },
  };
}

class FakeStore implements RequestUsageStore {
  adds: Array<{ instanceId: string; change: RequestUsage; known: RequestUsage | undefined }> = [];
  records = new Map<string, RequestUsage>();
  failing = false;

  read(instanceId: string): Promise<RequestUsage | undefined> {
    if (this.failing) return Promise.reject(new Error('storage is down'));
    return Promise.resolve(this.records.get(instanceId));
  }

  add(instanceId: string, change: RequestUsage, known?: RequestUsage): Promise<RequestUsage | undefined> {
    if (this.failing) return Promise.reject(new Error('storage is down'));
    this.adds.push({ instanceId, change, known });
    return Promise.resolve(change);
  }
}

describe('RequestMeter', () => {
  let invocation = 'inv-1';
  let store: FakeStore;
  let warnings: string[];
  let meter: RequestMeter;

  beforeEach(() => {
    invocation = 'inv-1';
    store = new FakeStore();
    warnings = [];
    meter = new RequestMeter({
      store: () => store,
      now: () => now,
      logger: createLogger({
        sink: (level, line) => (level === 'warn' ? warnings.push(line) : undefined),
        secrets: new SecretRegistry(),
      }),
      invocation: () => invocation,
    });
  });

  it('records the requests of every connector of an instance in one write per instance', async () => {
    const a = meter.track('inst-a', connector());
    const b = meter.track('inst-a', connector());
    const c = meter.track('inst-b', connector());
    a.send(2);
    b.send(3);
    c.send(1);
    await meter.flush();
    expect(store.adds).toEqual([
      { instanceId: 'inst-a', change: { hours: { [hour]: 5 } }, known: undefined },
      { instanceId: 'inst-b', change: { hours: { [hour]: 1 } }, known: undefined },
    ]);
    // A second flush has nothing new to record.
    await meter.flush();
    expect(store.adds).toHaveLength(2);
  });

  it('counts only what a connector sent after it was tracked', async () => {
    const system = connector();
    system.send(4);
    meter.track('inst-a', system).send(1);
    await meter.flush();
    expect(store.adds.map((add) => add.change.hours)).toEqual([{ [hour]: 1 }]);
  });

  it('keeps invocations apart: a flush records its own invocation only', async () => {
    const first = meter.track('inst-a', connector());
    invocation = 'inv-2';
    const second = meter.track('inst-a', connector());
    first.send(7);
    second.send(1);
    await meter.flush();
    expect(store.adds.map((add) => add.change.hours)).toEqual([{ [hour]: 1 }]);
    invocation = 'inv-1';
    first.send(1);
    await meter.flush();
    expect(store.adds.map((add) => add.change.hours)).toEqual([{ [hour]: 1 }, { [hour]: 8 }]);
  });

  it('writes over the record it read, with the facts noted, even without requests', async () => {
    const stored: RequestUsage = { hours: { [hour]: 10 } };
    store.records.set('inst-a', stored);
    expect(await meter.read('inst-a')).toEqual(stored);
    meter.note('inst-a', { warned: { hourly: now.toISOString() } });
    meter.note('inst-a', { pulledAt: now.toISOString() });
    await meter.flush();
    expect(store.adds).toEqual([
      {
        instanceId: 'inst-a',
        change: { hours: {}, pulledAt: now.toISOString(), warned: { hourly: now.toISOString() } },
        known: stored,
      },
    ]);
  });

  it('never throws: a storage failure is logged and the sync goes on', async () => {
    store.failing = true;
    meter.track('inst-a', connector()).send(1);
    expect(await meter.read('inst-a')).toBeUndefined();
    await expect(meter.flush()).resolves.toBeUndefined();
    expect(warnings).toHaveLength(2);
  });
});
