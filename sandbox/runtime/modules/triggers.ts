// Product-event triggers (the platform side of src/entry/triggers.ts): a Jira event reaches every trigger subscribed
// to it, events the app caused are dropped for triggers with ignoreSelf, and a trigger that asks for a retry or times
// out gets the event again with back-off, at most 4 times.
import { randomUUID } from 'node:crypto';
import { z } from 'zod';
import type { ModuleContext } from './context';
import { describeResult, retryRequested } from './invocation-outcome';

const productEventSchema = z.looseObject({
  eventType: z.string(),
  selfGenerated: z.boolean().optional(),
  atlassianId: z.string().optional(),
});
export type ProductEvent = z.infer<typeof productEventSchema>;

interface TriggerDelivery {
  id: string;
  triggerKey: string;
  functionKey: string;
  event: ProductEvent;
  availableAt: number;
  retries: number;
}

const PRODUCT_EVENT_MAX_RETRIES = 4;

export class ProductEventTriggers {
  private deliveries: TriggerDelivery[] = [];

  constructor(private readonly context: ModuleContext) {}

  /** Queues the event for every trigger subscribed to it, as the platform would. */
  emit(rawEvent: unknown): void {
    const { manifest, log, now } = this.context;
    const event = productEventSchema.parse(rawEvent);
    for (const trigger of manifest.triggers) {
      if (!trigger.events.includes(event.eventType)) continue;
      if (trigger.filter?.ignoreSelf && event.selfGenerated) {
        log('product-event', `${event.eventType} dropped for ${trigger.key}: caused by the app (ignoreSelf)`);
        continue;
      }
      this.deliveries.push({
        id: randomUUID(),
        triggerKey: trigger.key,
        functionKey: trigger.function,
        event,
        availableAt: now(),
        retries: 0,
      });
      log('product-event', `${event.eventType} → ${trigger.key}`);
    }
  }

  /** The deliveries due now, taken off the list. */
  takeDue(now: number): Array<() => Promise<void>> {
    const due = this.deliveries.filter((d) => d.availableAt <= now);
    this.deliveries = this.deliveries.filter((d) => d.availableAt > now);
    return due.map((d) => () => this.deliver(d));
  }

  nextAvailableAt(): number | undefined {
    return this.deliveries.length === 0 ? undefined : Math.min(...this.deliveries.map((d) => d.availableAt));
  }

  private async deliver(delivery: TriggerDelivery): Promise<void> {
    const { host, installContext, log, now } = this.context;
    const result = await host.invoke({
      functionKey: delivery.functionKey,
      moduleKey: delivery.triggerKey,
      kind: 'trigger',
      args: [
        delivery.event,
        {
          principal: delivery.event.atlassianId ? { accountId: delivery.event.atlassianId } : undefined,
          installContext,
        },
      ],
    });
    const retry = retryRequested(result);
    // The platform retries product events that ask for it (at most 4 times) and invocations that time out.
    if ((retry || result.status === 'timeout') && delivery.retries < PRODUCT_EVENT_MAX_RETRIES) {
      const afterMs = (retry?.retryOptions?.retryAfter ?? 2 ** delivery.retries * 5) * 1000;
      this.deliveries.push({ ...delivery, retries: delivery.retries + 1, availableAt: now() + afterMs });
      log('trigger', `${delivery.triggerKey} will retry ${delivery.event.eventType}`, {
        retries: delivery.retries + 1,
      });
      return;
    }
    log('trigger', `${delivery.triggerKey} handled ${delivery.event.eventType}: ${describeResult(result)}`);
  }
}
