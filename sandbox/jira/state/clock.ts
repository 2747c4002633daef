/**
 * The emulator's time. Tests move it instead of sleeping (`advance`, `set`), and every write takes a
 * strictly later instant (`tick`), so an edit always changes `updated` even within one millisecond.
 */
export class Clock {
  private offsetMs = 0;
  private lastWriteMs = 0;

  constructor(private readonly source: () => number = Date.now) {}

  now(): number {
    return this.source() + this.offsetMs;
  }

  /** The instant of a write: never earlier than, nor equal to, the previous write. */
  tick(): number {
    const at = Math.max(this.now(), this.lastWriteMs + 1);
    this.lastWriteMs = at;
    return at;
  }

  advance(ms: number): void {
    this.offsetMs += ms;
  }

  set(epochMs: number): void {
    this.offsetMs = epochMs - this.source();
  }
}

const pad = (value: number, width = 2): string => String(value).padStart(width, '0');

/** Jira's timestamp format, always in UTC: `2026-11-21T10:00:00.000+0000`. */
export function formatJiraDate(epochMs: number): string {
  const d = new Date(epochMs);
  return (
    `${d.getUTCFullYear()}-${pad(d.getUTCMonth() + 1)}-${pad(d.getUTCDate())}` +
    `T${pad(d.getUTCHours())}:${pad(d.getUTCMinutes())}:${pad(d.getUTCSeconds())}.${pad(d.getUTCMilliseconds(), 3)}+0000`
  );
}

/** The instant of a timestamp written by `formatJiraDate` (or any `yyyy-MM-ddTHH:mm:ss.SSS±hhmm`); undefined otherwise. */
export function parseJiraDate(text: string): number | undefined {
  const match = /^(\d{4}-\d{2}-\d{2}T\d{2}:\d{2}:\d{2}\.\d{3})([+-])(\d{2})(\d{2})$/.exec(text);
  if (!match) return undefined;
  const ms = Date.parse(`${match[1] ?? ''}${match[2] ?? ''}${match[3] ?? ''}:${match[4] ?? ''}`);
  return Number.isNaN(ms) ? undefined : ms;
}
