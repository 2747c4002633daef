// Delivers the Jira emulator's product events to its listeners (the Forge runtime emulator, tests) and keeps their
// history.
import type { ProductEvent } from './event-types';

export type ProductEventListener = (event: ProductEvent) => unknown;

/**
 * Delivers product events to listeners (the Forge runtime emulator, tests) synchronously after the change, so
 * tests need no waiting. Real delivery is asynchronous and at least once; the runtime emulator can add that.
 */
export class EventBus {
  private readonly listeners = new Set<ProductEventListener>();
  private readonly delivered: ProductEvent[] = [];

  on(listener: ProductEventListener): () => void {
    this.listeners.add(listener);
    return () => this.listeners.delete(listener);
  }

  emit(event: ProductEvent): void {
    this.delivered.push(event);
    for (const listener of this.listeners) {
      try {
        const result = listener(structuredClone(event));
        if (result instanceof Promise) result.catch((error: unknown) => reportListenerError(event, error));
      } catch (error) {
        reportListenerError(event, error);
      }
    }
  }

  history(): ProductEvent[] {
    return this.delivered.map((event) => structuredClone(event));
  }

  clearHistory(): void {
    this.delivered.length = 0;
  }
}

function reportListenerError(event: ProductEvent, error: unknown): void {
  console.error(`[jira-emulator] listener failed for ${event.eventType}`, error);
}
