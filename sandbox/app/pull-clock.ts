// The scheduled pull on a clock of real time, with "run now": Forge runs `pull-tickets` every five minutes; the
// sandbox does the same and lets the user run it at once (which starts the interval over, as a fresh schedule would).
export class PullClock {
  private timer: NodeJS.Timeout | undefined;
  private nextAt = 0;
  private last: Promise<unknown> = Promise.resolve();

  constructor(
    private readonly everyMs: number,
    private readonly runPull: () => Promise<unknown>,
  ) {}

  get nextPullAt(): number {
    return this.nextAt;
  }

  get intervalMs(): number {
    return this.everyMs;
  }

  start(): void {
    this.schedule();
  }

  stop(): void {
    if (this.timer) clearTimeout(this.timer);
    this.timer = undefined;
  }

  /** Stops the clock and waits for a pull under way to finish (before the sandbox shuts down). */
  async stopAndSettle(): Promise<void> {
    this.stop();
    await this.last.catch(() => undefined);
  }

  /**
   * Runs a pull that starts after this call (after one already under way, so nothing the user just did is missed)
   * and restarts the interval.
   */
  async runNow(): Promise<void> {
    this.stop();
    try {
      await this.run();
    } finally {
      this.schedule();
    }
  }

  /** One pull at a time: two at once would only race each other for the same tickets. */
  private run(): Promise<unknown> {
    const next = this.last.catch(() => undefined).then(() => this.runPull());
    this.last = next;
    return next;
  }

  private schedule(): void {
    this.stop();
    this.nextAt = Date.now() + this.everyMs;
    this.timer = setTimeout(() => {
      void this.run()
        .catch(() => undefined)
        .finally(() => this.schedule());
    }, this.everyMs);
    this.timer.unref();
  }
}
