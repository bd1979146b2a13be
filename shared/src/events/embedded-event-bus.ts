import type { DomainEvent } from './outbox';
import type { EventBus, EventDestination, EventHandler, EventSubscription } from './event-bus';

/**
 * No broker: the outbox is the durable store, and the relay delivers to each subscriber as a
 * destination of its own, from that subscriber's own position in the outbox. A subscriber that
 * fails is retried from where it stopped while the others go on; one named later starts from the
 * outbox's first event. `publish` (every subscriber, failing if any fails) is for in-process use.
 */
export class EmbeddedEventBus implements EventBus {
  readonly kind = 'embedded' as const;
  private readonly subscribers = new Map<string, EventHandler>();

  async publish(event: DomainEvent): Promise<void> {
    const failures: unknown[] = [];
    for (const handler of this.subscribers.values()) {
      try {
        await handler(event);
      } catch (error) {
        failures.push(error);
      }
    }
    if (failures.length > 0)
      throw new AggregateError(failures, `${failures.length} subscriber(s) did not take ${event.type}`);
  }

  destinations(): readonly EventDestination[] {
    return [...this.subscribers].map(([name, deliver]) => ({ name, deliver }));
  }

  async subscribe(consumer: string, handler: EventHandler): Promise<EventSubscription> {
    if (this.subscribers.has(consumer)) throw new Error(`a subscriber named ${consumer} is already attached`);
    this.subscribers.set(consumer, handler);
    return { stop: async () => void this.subscribers.delete(consumer) };
  }

  async close(): Promise<void> {
    this.subscribers.clear();
  }
}

/**
 * A subscriber in another process, for the embedded bus: the event is POSTed as JSON and taken
 * when the answer is 2xx. A timeout counts as not taken.
 */
export function httpEventHandler(
  url: string,
  options: { timeoutMs?: number; headers?: Record<string, string> } = {},
): EventHandler {
  return async (event) => {
    const response = await fetch(url, {
      method: 'POST',
      headers: { 'content-type': 'application/json', ...options.headers },
      body: JSON.stringify(event),
      signal: AbortSignal.timeout(options.timeoutMs ?? 5000),
    });
    if (!response.ok) throw new Error(`event subscriber answered ${response.status}`);
  };
}
