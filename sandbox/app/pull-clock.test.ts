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

it('joins a pull already running instead of starting a second one', async () => {
  let release: () => void = () => undefined;
  let started = 0;
  const clock = new PullClock(300_000, () => {
    started += 1;
    return new Promise<void>((resolve) => (release = resolve));
  });
  const a = clock.runNow();
  const b = clock.runNow();
  release();
  await Promise.all([a, b]);
  expect(started).toBe(1);
  clock.stop();
});
