// holdSandboxClock: every reading of the sandbox clock gives the held moment, however much real time passes, until
// the clock is moved (scripts/screenshots.ts takes each step of the demo at a fixed moment this way).
import { holdSandboxClock } from './globals';

it('stops Date at the held moment, and moves it only when told', async () => {
  const nine = Date.UTC(2026, 2, 2, 9, 0, 0);
  holdSandboxClock(nine);
  expect(Date.now()).toBe(nine);
  await new Promise((resolve) => setTimeout(resolve, 30));
  expect(new Date().toISOString()).toBe('2026-03-02T09:00:00.000Z');
  // Dates made from a value are left alone.
  expect(new Date(0).getTime()).toBe(0);
  holdSandboxClock(nine + 90_000);
  expect(Date.now()).toBe(nine + 90_000);
});
