import type { DomainEvent } from './outbox';

/** Handles one event; a rejection means "not taken", and the event comes again. */
export type EventHandler = (event: DomainEvent) => Promise<void>;

/** Somewhere a relay delivers its outbox, with a durable position of its own in that outbox. */
export interface EventDestination {
  /** Names its `OutboxPosition` row: stable across restarts, at most 40 characters. */
  readonly name: string;
  /** Resolves once the destination took the event; a rejection means "not taken", and it comes again. */
  readonly deliver: EventHandler;
}

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
  /**
   * Where a relay delivers, each from its own position in the outbox: the stream on NATS (which
   * keeps a position per consumer itself); each subscriber on the embedded bus, where the outbox is
   * the only durable store, so one subscriber's failure must not hold back or replay another's.
   */
  destinations(): readonly EventDestination[];
  /** `consumer` names a durable subscriber: on NATS it resumes where it left off after a restart. */
  subscribe(consumer: string, handler: EventHandler): Promise<EventSubscription>;
  close(): Promise<void>;
}

/** Event types become subject tokens; a dot in an entity id would split a token, so it is never used. */
export function eventSubject(prefix: string, event: Pick<DomainEvent, 'source' | 'type'>): string {
  return `${prefix}.${event.source}.${event.type}`;
}
