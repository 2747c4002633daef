// The worker pool's promises: a bounded number in flight, the next item started as soon as any finishes, and every
// kind of stop (declined, stopped, thrown) waiting for the items in flight before it answers.
import { runPool } from './worker-pool';

/** Items whose work finishes when the test says so, with a log of what started and finished. */
function controlledWork(outcomes: Record<string, boolean | Error> = {}) {
  const release = new Map<string, () => void>();
  const log: string[] = [];
  let running = 0;
  let peak = 0;
  const work = async (item: string): Promise<boolean> => {
    running += 1;
    peak = Math.max(peak, running);
    log.push(`start ${item}`);
    await new Promise<void>((resolve) => release.set(item, resolve));
    running -= 1;
    log.push(`end ${item}`);
    const outcome = outcomes[item] ?? true;
    if (outcome instanceof Error) throw outcome;
    return outcome;
  };
  const settle = async () => {
    for (let i = 0; i < 5; i++) await new Promise((resolve) => setImmediate(resolve));
  };
  return {
    work,
    log,
    peak: () => peak,
    /** lets `item` finish and waits until the pool has reacted */
    finish: async (item: string) => {
      const resolve = release.get(item);
      if (!resolve) throw new Error(`${item} has not started`);
      resolve();
      await settle();
    },
    settle,
  };
}

describe('runPool', () => {
  it('starts the next item as soon as one finishes, while a slow one is still in flight', async () => {
    const items = controlledWork();
    const pool = runPool(['slow', 'b', 'c', 'd', 'e'], {
      limit: 2,
      shouldStart: () => true,
      work: items.work,
    });
    await items.settle();
    expect(items.log).toEqual(['start slow', 'start b']);
    await items.finish('b');
    await items.finish('c');
    await items.finish('d');
    // Three items came and went beside the slow one; the last is in flight with it.
    expect(items.log).toEqual([
      'start slow',
      'start b',
      'end b',
      'start c',
      'end c',
      'start d',
      'end d',
      'start e',
    ]);
    await items.finish('e');
    await items.finish('slow');
    await expect(pool).resolves.toEqual({ end: 'done', started: 5 });
    expect(items.peak()).toBe(2);
  });

  it('starts nothing once shouldStart says no, and answers after the items in flight', async () => {
    const items = controlledWork();
    let timeLeft = true;
    let answered = false;
    const pool = runPool(['a', 'b', 'c', 'd'], { limit: 2, shouldStart: () => timeLeft, work: items.work });
    void pool.then(() => (answered = true));
    await items.settle();
    timeLeft = false;
    await items.finish('a');
    expect(answered).toBe(false);
    await items.finish('b');
    await expect(pool).resolves.toEqual({ end: 'declined', started: 2 });
    expect(items.log).toEqual(['start a', 'start b', 'end a', 'end b']);
  });

  it('asks before every item, the first included', async () => {
    const items = controlledWork();
    await expect(runPool(['a'], { limit: 4, shouldStart: () => false, work: items.work })).resolves.toEqual({
      end: 'declined',
      started: 0,
    });
    expect(items.log).toEqual([]);
  });

  it('stops starting items when one answers false, and says so even if time ran out meanwhile', async () => {
    const items = controlledWork({ a: false });
    let timeLeft = true;
    const pool = runPool(['a', 'b', 'c'], { limit: 2, shouldStart: () => timeLeft, work: items.work });
    await items.settle();
    await items.finish('a');
    timeLeft = false;
    await items.finish('b');
    await expect(pool).resolves.toEqual({ end: 'stopped', started: 2 });
    expect(items.log).not.toContain('start c');
  });

  it('rethrows the first failure only once the items in flight have settled, starting nothing after it', async () => {
    const first = new Error('the whole instance failed');
    const items = controlledWork({ a: first, b: new Error('later') });
    let rejected = false;
    const pool = runPool(['a', 'b', 'c'], { limit: 2, shouldStart: () => true, work: items.work });
    pool.catch(() => (rejected = true));
    await items.settle();
    await items.finish('a');
    expect(rejected).toBe(false);
    await items.finish('b');
    await expect(pool).rejects.toBe(first);
    expect(items.log).toEqual(['start a', 'start b', 'end a', 'end b']);
  });

  it('runs nothing for no items, and refuses a limit below one', async () => {
    await expect(runPool([], { limit: 4, shouldStart: () => true, work: async () => true })).resolves.toEqual(
      {
        end: 'done',
        started: 0,
      },
    );
    await expect(
      runPool(['a'], { limit: 0, shouldStart: () => true, work: async () => true }),
    ).rejects.toThrow(RangeError);
  });
});
