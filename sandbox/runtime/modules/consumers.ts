// Queue consumers (the platform side of src/entry/consumers.ts): each due event goes to the consumer of its queue,
// one at a time per concurrency key; a failure, a time-out or an InvocationError retries it with back-off, and it is
// dead-lettered after the sandbox's attempt limit (the platform keeps retrying for 24 h).
import type { InvocationResult } from '../host';
import type { QueueEmulator, QueuedEvent } from '../queue';
import type { ModuleContext } from './context';
import { describeResult, retryRequested } from './invocation-outcome';

export class QueueConsumers {
  /** events in flight per concurrency key */
  private readonly running = new Map<string, number>();

  constructor(
    private readonly context: ModuleContext,
    private readonly queue: QueueEmulator,
    private readonly maxAttempts: number,
  ) {}

  takeDue(now: number): Array<() => Promise<void>> {
    return this.queue.takeDue(now, this.running).map((event) => () => this.deliver(event));
  }

  /** Hands already-handled queue events to the consumer again, as at-least-once delivery may. */
  redeliverCompleted(predicate: (event: QueuedEvent) => boolean): number {
    const events = this.queue.completed.filter(predicate);
    for (const event of events) this.queue.redeliver(event, this.context.now());
    return events.length;
  }

  private async deliver(event: QueuedEvent): Promise<void> {
    const consumer = this.context.manifest.consumers.find((c) => c.queue === event.queueName);
    if (!consumer) return;
    event.deliveries += 1;
    const key = event.concurrency?.key;
    if (key) this.running.set(key, (this.running.get(key) ?? 0) + 1);
    try {
      const result = await this.context.host.invoke({
        functionKey: consumer.function,
        moduleKey: consumer.key,
        kind: 'consumer',
        args: [
          {
            body: event.body,
            queueName: event.queueName,
            jobId: event.jobId,
            eventId: event.eventId,
            ...(event.delayInSeconds !== undefined ? { delayInSeconds: event.delayInSeconds } : {}),
            ...(event.concurrency ? { concurrency: event.concurrency } : {}),
            ...(event.retryContext ? { retryContext: event.retryContext } : {}),
          },
          { installContext: this.context.installContext },
        ],
      });
      this.settle(event, result);
    } finally {
      if (key) this.running.set(key, (this.running.get(key) ?? 1) - 1);
    }
  }

  private settle(event: QueuedEvent, result: InvocationResult): void {
    const { log, now } = this.context;
    const retry = retryRequested(result);
    if (result.status === 'ok' && !retry) {
      this.queue.succeeded(event);
      log('queue', `${event.queueName} event ${event.eventId} handled`);
      return;
    }
    const retryCount = (event.retryContext?.retryCount ?? 0) + 1;
    if (retryCount >= this.maxAttempts) {
      this.queue.giveUp(event);
      log(
        'queue',
        `${event.queueName} event ${event.eventId} failed ${retryCount} times and was dead-lettered`,
        {
          reason: describeResult(result),
        },
      );
      return;
    }
    const reason =
      retry?.retryOptions?.retryReason ??
      (result.status === 'timeout' ? 'FUNCTION_TIME_OUT' : 'FUNCTION_PLATFORM_UNKNOWN_ERROR');
    // InvocationError sets the delay; other failures back off exponentially, up to the platform's ~15 minutes.
    const afterSeconds = retry?.retryOptions?.retryAfter ?? Math.min(900, 2 ** retryCount * 5);
    this.queue.retry(event, now() + afterSeconds * 1000, {
      retryCount,
      retryReason: reason,
      retryData: retry?.retryOptions?.retryData,
    });
    log('queue', `${event.queueName} event ${event.eventId} will retry in ${afterSeconds}s (${reason})`, {
      reason: describeResult(result),
    });
  }
}
