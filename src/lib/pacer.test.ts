// The write pacer: at most perMinute writes in any 60-second window, carried over to a continuation.
import { Pacer } from './pacer';

function clock(start = 1_000_000) {
  let now = start;
  const slept: number[] = [];
  return {
    now: () => now,
    sleep: (ms: number) => {
      slept.push(ms);
      now += ms;
      return Promise.resolve();
    },
    advance: (ms: number) => {
      now += ms;
    },
    slept,
  };
}

describe('Pacer', () => {
  it('lets writes through at once while the last minute has room', async () => {
    const c = clock();
    const pacer = new Pacer({ perMinute: 3, now: c.now, sleep: c.sleep });
    await pacer.take();
    await pacer.take();
    await pacer.take();
    expect(c.slept).toEqual([]);
  });

  it('waits for the oldest second to leave the window when the minute is full', async () => {
    const c = clock();
    const pacer = new Pacer({ perMinute: 2, now: c.now, sleep: c.sleep });
    await pacer.take();
    c.advance(10_000);
    await pacer.take();
    await pacer.take();
    expect(c.slept).toHaveLength(1);
    // The first write's second ends 1 s after it, plus the 60 s window, less the 10 s already past.
    expect(c.slept[0]).toBe(51_000);
  });

  it('never lets more than perMinute writes into any 60-second window', async () => {
    const c = clock();
    const pacer = new Pacer({ perMinute: 100, now: c.now, sleep: c.sleep });
    const times: number[] = [];
    for (let i = 0; i < 1_000; i++) {
      await pacer.take();
      times.push(c.now());
      c.advance(37);
    }
    for (const start of times) {
      expect(times.filter((t) => t >= start && t < start + 60_000).length).toBeLessThanOrEqual(100);
    }
  });

  it('carries the last minute over to a continuation, so a new invocation does not start a fresh minute', async () => {
    const c = clock();
    const first = new Pacer({ perMinute: 2, now: c.now, sleep: c.sleep });
    await first.take();
    await first.take();
    const second = new Pacer({ perMinute: 2, now: c.now, sleep: c.sleep });
    second.restore(first.recent());
    await second.take();
    expect(c.slept).toHaveLength(1);
  });

  it('refuses a rate that is not a positive whole number', () => {
    expect(() => new Pacer({ perMinute: 0 })).toThrow(RangeError);
  });
});
