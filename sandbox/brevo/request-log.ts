// Every request the emulated API received, with what it answered, for tests and the sandbox console. The api-key
// header is never kept.
import type { FaultPhase } from './faults';

export interface RequestLogEntry {
  readonly seq: number;
  /** ISO-8601, on the emulator's clock */
  readonly at: string;
  readonly method: string;
  /** path and query as received */
  readonly url: string;
  /** the account the api-key belongs to; null when it was missing or wrong, or a fault answered first */
  readonly accountId: number | null;
  /** the operation of the OpenAPI document the request reached, if any */
  readonly operationId: string | null;
  /** what the client got: 0 when the connection was dropped */
  readonly status: number;
  /** what the operation answered before an injected fault replaced it (phase 'after' only) */
  readonly appliedStatus?: number;
  /** empty once the entry is older than the newest MAX_ENTRIES_WITH_BODIES */
  readonly requestBody: string;
  /** empty once the entry is older than the newest MAX_ENTRIES_WITH_BODIES */
  readonly responseBody: string;
  /** the phase of the injected fault that hit the request, if one did */
  readonly fault: FaultPhase | null;
}

const MAX_ENTRIES = 5000;
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
