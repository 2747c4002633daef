// The emulator's only source of time. Tests freeze or advance it so that createdAt/modifiedAt, event dates and the
// rate-limit windows are deterministic; without overrides it follows the injected source (real time by default).
export class ControllableClock {
  private frozenAtMs: number | null = null;
  private offsetMs = 0;

  constructor(private readonly source: () => Date = () => new Date()) {}

  now(): Date {
    return new Date(this.frozenAtMs ?? this.source().getTime() + this.offsetMs);
  }

  /** Freeze the clock at `at`; `null` resumes the source (keeping any earlier advance). */
  set(at: Date | null): void {
    this.frozenAtMs = at === null ? null : at.getTime();
  }

  advance(ms: number): void {
    if (this.frozenAtMs !== null) this.frozenAtMs += ms;
    else this.offsetMs += ms;
  }
}
