// The time an invocation has left. Forge stops an invocation at its timeout; work that might not finish in time is
// handed over (queue continuation, next cycle) instead of being cut off half-way.
export interface Budget {
  remainingMs(): number;
}

export const unlimitedBudget: Budget = { remainingMs: () => Number.POSITIVE_INFINITY };

export function fixedBudget(ms: number, now: () => number = Date.now): Budget {
  const deadline = now() + ms;
  return { remainingMs: () => deadline - now() };
}
