// Retries of transient failures: Retry-After, the remaining time budget, attempts and back-off.
import { fixedBudget } from './budget';
import { IntegrationError } from './errors';
import { backoffDelay, defaultRetryPolicy, parseRetryAfterMs, withRetry } from './retry';

const transient = (retryAfterMs?: number): IntegrationError =>
  new IntegrationError('transient', 'boom', {
    system: 'test',
    ...(retryAfterMs !== undefined ? { retryAfterMs } : {}),
  });

describe('withRetry', () => {
  it('retries transient failures and returns the first success', async () => {
    const sleeps: number[] = [];
    let calls = 0;
    const value = await withRetry(
      async () => {
        calls += 1;
        if (calls < 3) throw transient();
        return 'done';
      },
      { budget: fixedBudget(60_000), sleep: async (ms) => void sleeps.push(ms), random: () => 1 },
    );
    expect(value).toBe('done');
    expect(sleeps).toEqual([250, 500]);
  });

  it('waits what Retry-After says', async () => {
    const sleeps: number[] = [];
    let calls = 0;
    await withRetry(
      async () => {
        if (++calls === 1)
          throw new IntegrationError('rate-limited', 'slow down', { system: 'jira', retryAfterMs: 7_000 });
      },
      { budget: fixedBudget(60_000), sleep: async (ms) => void sleeps.push(ms) },
    );
    expect(sleeps).toEqual([7_000]);
  });

  it('gives up when the wait would not fit in the remaining budget', async () => {
    let calls = 0;
    const attempt = withRetry(
      async () => {
        calls += 1;
        throw transient(30_000);
      },
      { budget: fixedBudget(10_000), sleep: async () => undefined },
    );
    await expect(attempt).rejects.toThrow('boom');
    expect(calls).toBe(1);
  });

  it.each([
    ['validation', new IntegrationError('validation', 'bad input', { system: 'test' })],
    ['auth', new IntegrationError('auth', 'bad token', { system: 'test' })],
    ['a plain error', new Error('bug')],
  ])('never retries %s', async (_name, error) => {
    let calls = 0;
    await expect(
      withRetry(
        async () => {
          calls += 1;
          throw error;
        },
        { budget: fixedBudget(60_000), sleep: async () => undefined },
      ),
    ).rejects.toBe(error);
    expect(calls).toBe(1);
  });

  it('stops after the policy’s attempts', async () => {
    let calls = 0;
    await expect(
      withRetry(
        async () => {
          calls += 1;
          throw transient();
        },
        { budget: fixedBudget(600_000), sleep: async () => undefined },
      ),
    ).rejects.toThrow('boom');
    expect(calls).toBe(defaultRetryPolicy.maxAttempts);
  });
});

describe('backoffDelay', () => {
  it('grows exponentially up to the cap, scaled by jitter', () => {
    expect([1, 2, 3, 10].map((a) => backoffDelay(a, defaultRetryPolicy, () => 1))).toEqual([
      250, 500, 1_000, 20_000,
    ]);
    expect(backoffDelay(3, defaultRetryPolicy, () => 0.5)).toBe(500);
  });
});

describe('parseRetryAfterMs', () => {
  it.each<[string | null, number | undefined]>([
    ['5', 5_000],
    [' 0 ', 0],
    ['Sat, 21 Nov 2026 10:00:30 GMT', 30_000],
    ['Sat, 21 Nov 2026 09:00:00 GMT', 0],
    ['soon', undefined],
    [null, undefined],
  ])('%s → %s', (header, expected) => {
    expect(parseRetryAfterMs(header, Date.parse('2026-11-21T10:00:00Z'))).toBe(expected);
  });
});
