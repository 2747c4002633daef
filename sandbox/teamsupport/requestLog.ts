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
  readonly requestBody: string;
  readonly responseBody: string;
  readonly fault: boolean;
}

const MAX_ENTRIES = 5000;

export class RequestLog {
  private entries: RequestLogEntry[] = [];
  private seq = 0;

  add(entry: Omit<RequestLogEntry, 'seq'>): void {
    this.seq += 1;
    this.entries.push({ ...entry, seq: this.seq });
    if (this.entries.length > MAX_ENTRIES) this.entries = this.entries.slice(-MAX_ENTRIES);
  }

  list(): readonly RequestLogEntry[] {
    return [...this.entries];
  }

  clear(): void {
    this.entries = [];
  }
}
