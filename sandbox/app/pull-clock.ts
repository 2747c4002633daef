// The scheduled pull on a clock of real time, with "run now": Forge runs `pull-tickets` every five minutes; the
// sandbox does the same and lets the user run it at once (which starts the interval over, as a fresh schedule would).
export class PullClock {
  private timer: NodeJS.Timeout | undefined;
  private nextAt = 0;
  private running: Promise<unknown> | undefined;

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

  /** Runs the pull now (or waits for the one already running) and restarts the interval. */
  async runNow(): Promise<void> {
    this.stop();
    try {
      await this.run();
    } finally {
      this.schedule();
    }
  }

  /** A pull already under way is joined rather than doubled: two at once would only race for the same tickets. */
  private run(): Promise<unknown> {
    this.running ??= this.runPull().finally(() => {
      this.running = undefined;
    });
    return this.running;
  }

  private schedule(): void {
    this.stop();
    this.nextAt = Date.now() + this.everyMs;
    this.timer = setTimeout(() => {
      void this.run().finally(() => this.schedule());
    }, this.everyMs);
    this.timer.unref();
  }
}
