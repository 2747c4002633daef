// Keeps a stream of writes under a per-minute rate: at most `perMinute` in any 60-second window, waiting (within the
// invocation's time) when the window is full. Counts are kept per second, so the state is small enough to travel with
// a pull's cursor to the invocation that continues it (a continuation must not start a fresh minute).
const WINDOW_MS = 60_000;
const SECOND = 1_000;

export interface PacerOptions {
  perMinute: number;
  now?: () => number;
  sleep?: (ms: number) => Promise<void>;
}

export class Pacer {
  private readonly perMinute: number;
  private readonly now: () => number;
  private readonly sleep: (ms: number) => Promise<void>;
  private readonly counts = new Map<number, number>();

  constructor(options: PacerOptions) {
    if (!Number.isInteger(options.perMinute) || options.perMinute < 1) {
      throw new RangeError('A pacer needs a positive whole number of writes per minute.');
    }
    this.perMinute = options.perMinute;
    this.now = options.now ?? Date.now;
    this.sleep = options.sleep ?? ((ms) => new Promise((resolve) => setTimeout(resolve, ms)));
  }

  /** Adds the counts of an earlier invocation's last minute (see recent()). */
  restore(recent: Readonly<Record<string, number>>): void {
    for (const [second, count] of Object.entries(recent)) {
      if (/^\d+$/.test(second) && Number.isInteger(count) && count > 0) {
        this.counts.set(Number(second), (this.counts.get(Number(second)) ?? 0) + count);
      }
    }
  }

  /** Waits until one more write fits in the last minute, then counts it. */
  async take(): Promise<void> {
    for (;;) {
      const now = this.now();
      this.forgetBefore(now - WINDOW_MS);
      if (this.total() < this.perMinute) break;
      const oldest = Math.min(...this.counts.keys());
      await this.sleep(Math.max(1, (oldest + 1) * SECOND + WINDOW_MS - now));
    }
    const second = Math.floor(this.now() / SECOND);
    this.counts.set(second, (this.counts.get(second) ?? 0) + 1);
  }

  /** The counts of the last minute, for the invocation that continues this work. */
  recent(): Record<string, number> {
    this.forgetBefore(this.now() - WINDOW_MS);
    return Object.fromEntries([...this.counts].map(([second, count]) => [String(second), count]));
  }

  private total(): number {
    let sum = 0;
    for (const count of this.counts.values()) sum += count;
    return sum;
  }

  private forgetBefore(time: number): void {
    const first = Math.floor(time / SECOND);
    for (const second of this.counts.keys()) if (second <= first) this.counts.delete(second);
  }
}
