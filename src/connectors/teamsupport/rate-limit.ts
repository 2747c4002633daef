// TeamSupport's request limits (docs/teamsupport-api.md §12): exceeding one answers 403 (not 429) with a JSON-looking
// text body and no Retry-After. The minute limit is counted per clock minute, so the earliest useful retry is just
// after the next minute boundary; the 24-hour limit does not reset within any invocation.

export type RateLimitKind = 'minute' | 'day';

export interface RateLimitHit {
  kind: RateLimitKind;
  /** the limit named in the body, when it says */
  limit: number | undefined;
}

/** Reads a 403 body; undefined when it is not a rate-limit answer. */
export function readRateLimit(status: number, body: string): RateLimitHit | undefined {
  if (status !== 403 || !/exceeded your/i.test(body)) return undefined;
  const limitMatch = /limit of\s*([\d,.]+)/i.exec(body);
  const limitText = limitMatch?.[1]?.replace(/[,.]/g, '');
  const limit = limitText ? Number(limitText) : undefined;
  return { kind: /24[\s-]*hour|daily|\bday\b/i.test(body) ? 'day' : 'minute', limit };
}

/** Jitter added after the boundary, so instances held back together do not all return in the same second. */
export const MINUTE_JITTER_MS = { min: 250, spread: 2_000 } as const;

/** How long to wait from `nowMs` until just past the next minute boundary. */
export function minuteLimitWaitMs(nowMs: number, random: () => number): number {
  const untilBoundary = 60_000 - (((nowMs % 60_000) + 60_000) % 60_000);
  return untilBoundary + MINUTE_JITTER_MS.min + Math.round(random() * MINUTE_JITTER_MS.spread);
}
