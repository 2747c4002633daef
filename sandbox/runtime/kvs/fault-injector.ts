// Scripted failures for tests: the next N requests answer with a given error (e.g. 429 RATE_LIMIT_EXCEEDED) without
// touching state, so app code can be exercised under KVS rate limiting or outages.
import type { KvsReply } from './types';

interface Fault {
  status: number;
  code: string;
  message: string;
  remaining: number;
}

export class FaultInjector {
  private readonly queue: Fault[] = [];

  add(code: string, status: number, count: number, message: string): void {
    if (!Number.isInteger(count) || count < 1) throw new Error('failNext: count must be a positive integer');
    if (!Number.isInteger(status) || status < 400 || status > 599)
      throw new Error('failNext: status must be 4xx or 5xx');
    this.queue.push({ status, code, message, remaining: count });
  }

  /** The reply of the next scripted failure, consuming it; undefined when none is pending. */
  take(): KvsReply | undefined {
    const fault = this.queue[0];
    if (!fault) return undefined;
    fault.remaining -= 1;
    if (fault.remaining === 0) this.queue.shift();
    return { status: fault.status, body: { code: fault.code, message: fault.message } };
  }

  clear(): void {
    this.queue.length = 0;
  }
}
