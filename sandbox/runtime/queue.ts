// The async-events queue the platform runs behind `Queue.push` (docs/forge-platform.md §1.8, §6.4): at-least-once
// delivery, per-event delays, retries driven by the consumer's InvocationError, and job statistics. Delivery itself is
// driven by the sandbox scheduler; this class keeps the queued events and answers the publish/stats/cancel wire calls.
import { randomUUID } from 'node:crypto';
import { z } from 'zod';

const publishSchema = z.object({
  queueName: z.string().regex(/^[a-zA-Z0-9-_]+$/),
  jobId: z.string().min(1),
  type: z.literal('avi:forge:app:event'),
  schema: z.string(),
  payload: z
    .array(
      z.object({
        body: z.record(z.string(), z.unknown()),
        delayInSeconds: z.number().min(0).max(900).optional(),
        concurrency: z.object({ key: z.string(), limit: z.number().int().min(1) }).optional(),
      }),
    )
    .min(1)
    .max(50),
  time: z.string(),
});

const jobRequestSchema = z.object({ queueName: z.string(), jobId: z.string() });

export interface RetryContext {
  retryCount: number;
  retryReason: string;
  retryData: unknown;
}

export interface QueuedEvent {
  eventId: string;
  jobId: string;
  queueName: string;
  body: Record<string, unknown>;
  delayInSeconds: number | undefined;
  concurrency: { key: string; limit: number } | undefined;
  availableAt: number;
  retryContext: RetryContext | undefined;
  /** how many times the platform handed this event to a consumer */
  deliveries: number;
}

export interface QueueReply {
  status: number;
  body?: unknown;
}

interface JobStats {
  success: number;
  inProgress: number;
  failed: number;
  cancelled: boolean;
}

// Platform limits: 500 events a minute per installation (docs/forge-platform.md §5.1).
const EVENTS_PER_MINUTE = 500;

export class QueueEmulator {
  private pending: QueuedEvent[] = [];
  private jobs = new Map<string, JobStats>();
  private publishedInWindow: number[] = [];
  /** events given up on after too many attempts, for tests and the sandbox page */
  readonly deadLetters: QueuedEvent[] = [];
  /** every event that completed successfully, newest last, so tests can force a redelivery */
  readonly completed: QueuedEvent[] = [];

  constructor(
    private readonly knownQueues: () => ReadonlySet<string>,
    private readonly now: () => number,
  ) {}

  handle(path: string, rawBody: unknown): QueueReply {
    if (path.startsWith('/webhook/queue/publish/')) return this.publish(rawBody);
    const job = jobRequestSchema.safeParse(rawBody);
    if (!job.success) return { status: 400, body: { errorMessage: z.prettifyError(job.error) } };
    const stats = this.jobs.get(job.data.jobId);
    if (!stats) return { status: 404, body: { errorMessage: `Job ${job.data.jobId} does not exist` } };
    if (path.startsWith('/webhook/queue/stats/')) {
      return {
        status: 200,
        body: { success: stats.success, inProgress: stats.inProgress, failed: stats.failed },
      };
    }
    if (path.startsWith('/webhook/queue/cancel/')) {
      stats.cancelled = true;
      this.pending = this.pending.filter((e) => e.jobId !== job.data.jobId);
      return { status: 204 };
    }
    return { status: 404, body: { errorMessage: `Unknown queue operation ${path}` } };
  }

  private publish(rawBody: unknown): QueueReply {
    const parsed = publishSchema.safeParse(rawBody);
    if (!parsed.success) return { status: 400, body: { errorMessage: z.prettifyError(parsed.error) } };
    const request = parsed.data;
    if (!this.knownQueues().has(request.queueName)) {
      return {
        status: 400,
        body: { errorMessage: `No consumer is declared for queue "${request.queueName}"` },
      };
    }
    const now = this.now();
    this.publishedInWindow = this.publishedInWindow.filter((t) => now - t < 60_000);
    if (this.publishedInWindow.length + request.payload.length > EVENTS_PER_MINUTE) {
      return { status: 429, body: { errorMessage: 'Rate limit exceeded' } };
    }
    const stats = this.jobs.get(request.jobId) ?? { success: 0, inProgress: 0, failed: 0, cancelled: false };
    this.jobs.set(request.jobId, stats);
    for (const item of request.payload) {
      this.publishedInWindow.push(now);
      stats.inProgress += 1;
      this.pending.push({
        eventId: randomUUID(),
        jobId: request.jobId,
        queueName: request.queueName,
        body: item.body,
        delayInSeconds: item.delayInSeconds,
        concurrency: item.concurrency,
        availableAt: now + (item.delayInSeconds ?? 0) * 1000,
        retryContext: undefined,
        deliveries: 0,
      });
    }
    return { status: 201 };
  }

  /** Takes every event due at `now`, honouring each concurrency key's limit against events already running. */
  takeDue(now: number, running: ReadonlyMap<string, number>): QueuedEvent[] {
    const taken: QueuedEvent[] = [];
    const inFlight = new Map(running);
    this.pending.sort((a, b) => a.availableAt - b.availableAt);
    this.pending = this.pending.filter((event) => {
      if (event.availableAt > now) return true;
      if (event.concurrency) {
        const active = inFlight.get(event.concurrency.key) ?? 0;
        if (active >= event.concurrency.limit) return true;
        inFlight.set(event.concurrency.key, active + 1);
      }
      taken.push(event);
      return false;
    });
    return taken;
  }

  nextAvailableAt(): number | undefined {
    return this.pending.reduce<number | undefined>(
      (min, e) => (min === undefined ? e.availableAt : Math.min(min, e.availableAt)),
      undefined,
    );
  }

  pendingCount(): number {
    return this.pending.length;
  }

  succeeded(event: QueuedEvent): void {
    const stats = this.jobs.get(event.jobId);
    if (stats) {
      stats.inProgress -= 1;
      stats.success += 1;
    }
    this.completed.push(event);
    if (this.completed.length > 10_000) this.completed.shift();
  }

  retry(event: QueuedEvent, availableAt: number, context: RetryContext): void {
    this.pending.push({ ...event, availableAt, retryContext: context });
  }

  giveUp(event: QueuedEvent): void {
    const stats = this.jobs.get(event.jobId);
    if (stats) {
      stats.inProgress -= 1;
      stats.failed += 1;
    }
    this.deadLetters.push(event);
  }

  /** At-least-once delivery means a handled event may arrive again; tests use this to prove idempotency. */
  redeliver(event: QueuedEvent, now: number): void {
    const stats = this.jobs.get(event.jobId);
    if (stats) stats.inProgress += 1;
    this.pending.push({ ...event, availableAt: now, retryContext: undefined });
  }
}
