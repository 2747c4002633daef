// Every request the emulated API received, with what it answered, for tests and the sandbox page.
export interface RequestLogEntry {
  readonly seq: number;
  readonly at: Date;
  readonly method: string;
  /** path and query as received */
  readonly url: string;
  /** the authenticated organisation, null when authentication failed or a fault answered first */
  readonly orgId: number | null;
  readonly status: number;
  /** empty once the entry is older than the newest MAX_ENTRIES_WITH_BODIES */
  readonly requestBody: string;
  /** empty once the entry is older than the newest MAX_ENTRIES_WITH_BODIES */
  readonly responseBody: string;
  readonly fault: boolean;
}

const MAX_ENTRIES = 5000;
// Bodies are what weighs: a page of 100 tickets is hundreds of KB, and a long benchmark fills the whole log with them.
// Tests read the bodies of the last few requests only, so older entries keep their request line and status alone.
const MAX_ENTRIES_WITH_BODIES = 200;

export class RequestLog {
  private entries: RequestLogEntry[] = [];
  private seq = 0;

  add(entry: Omit<RequestLogEntry, 'seq'>): void {
    this.seq += 1;
    this.entries.push({ ...entry, seq: this.seq });
    const aged = this.entries.length - 1 - MAX_ENTRIES_WITH_BODIES;
    const old = this.entries[aged];
    if (old) this.entries[aged] = { ...old, requestBody: '', responseBody: '' };
    if (this.entries.length > MAX_ENTRIES) this.entries.splice(0, this.entries.length - MAX_ENTRIES);
  }

  list(): readonly RequestLogEntry[] {
    return [...this.entries];
  }

  clear(): void {
    this.entries = [];
  }
}
