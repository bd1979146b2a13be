import type { DomainEvent } from './outbox';

/** Handles one event; a rejection means "not taken", and the event comes again. */
export type EventHandler = (event: DomainEvent) => Promise<void>;

export interface EventSubscription {
  stop(): Promise<void>;
}

/**
 * Where the relays hand events and consumers take them from. Both adapters promise the same: at
 * least once, in order per entity (each relay publishes one after another and waits for the bus to
 * accept each), with `eventId` for the consumer to drop repeats.
 */
export interface EventBus {
  readonly kind: 'embedded' | 'nats';
  /** Resolves once the bus holds the event (NATS: the stream acknowledged it; embedded: every subscriber took it). */
  publish(event: DomainEvent): Promise<void>;
  /** `consumer` names a durable subscriber: on NATS it resumes where it left off after a restart. */
  subscribe(consumer: string, handler: EventHandler): Promise<EventSubscription>;
  close(): Promise<void>;
}

/** Event types become subject tokens; a dot in an entity id would split a token, so it is never used. */
export function eventSubject(prefix: string, event: Pick<DomainEvent, 'source' | 'type'>): string {
  return `${prefix}.${event.source}.${event.type}`;
}
