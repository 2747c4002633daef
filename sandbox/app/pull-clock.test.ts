// The sandbox's scheduled-pull clock: pulls on its interval, "run now" restarts the interval, never two at once.
import { PullClock } from './pull-clock';

beforeEach(() => jest.useFakeTimers());
afterEach(() => jest.useRealTimers());

it('runs the pull on its interval and starts the interval over after "run now"', async () => {
  const runs: number[] = [];
  const clock = new PullClock(300_000, async () => {
    runs.push(Date.now());
  });
  clock.start();
  expect(clock.nextPullAt - Date.now()).toBe(300_000);
  await jest.advanceTimersByTimeAsync(300_000);
  expect(runs).toHaveLength(1);
  await jest.advanceTimersByTimeAsync(100_000);
  await clock.runNow();
  expect(runs).toHaveLength(2);
  expect(clock.nextPullAt - Date.now()).toBe(300_000);
  await jest.advanceTimersByTimeAsync(299_999);
  expect(runs).toHaveLength(2);
  await jest.advanceTimersByTimeAsync(1);
  expect(runs).toHaveLength(3);
  clock.stop();
});

it('runs "run now" after a pull already under way, never two at once', async () => {
  const releases: Array<() => void> = [];
  let active = 0;
  let mostActive = 0;
  let started = 0;
  const clock = new PullClock(300_000, () => {
    started += 1;
    active += 1;
    mostActive = Math.max(mostActive, active);
    return new Promise<void>((resolve) =>
      releases.push(() => {
        active -= 1;
        resolve();
      }),
    );
  });
  const a = clock.runNow();
  const b = clock.runNow();
  await jest.advanceTimersByTimeAsync(0);
  expect(started).toBe(1);
  releases.shift()?.();
  await a;
  await jest.advanceTimersByTimeAsync(0);
  expect(started).toBe(2);
  releases.shift()?.();
  await b;
  expect(mostActive).toBe(1);
  await clock.stopAndSettle();
});
