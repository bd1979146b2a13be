import {
  AckPolicy,
  connect,
  DeliverPolicy,
  JSONCodec,
  RetentionPolicy,
  type ConsumerMessages,
  type JetStreamClient,
  type JetStreamManager,
  type NatsConnection,
} from 'nats';
import type { DomainEvent } from './outbox';
import {
  eventSubject,
  type EventBus,
  type EventDestination,
  type EventHandler,
  type EventSubscription,
} from './event-bus';

export interface NatsEventBusOptions {
  readonly url: string;
  /** One stream holds every subgraph's events; tests give their own to stay apart. */
  readonly stream?: string;
  readonly subjectPrefix?: string;
  /** How long a consumer has to take a message before JetStream sends it again. */
  readonly ackWaitMs?: number;
}

const codec = JSONCodec<DomainEvent>();

/**
 * JetStream as the bus: a publish resolves on the stream's acknowledgement, with the event id as
 * the message id, so a relay that publishes again after a crash (before it stamped the row) is
 * deduplicated by the broker within its window and by the consumer after it. Consumers are
 * durable and take one message at a time (max_ack_pending 1), which is what keeps the order per
 * entity when a message is redelivered.
 */
export class NatsEventBus implements EventBus {
  readonly kind = 'nats' as const;
  private readonly stream: string;
  private readonly prefix: string;

  private constructor(
    private readonly connection: NatsConnection,
    private readonly jetstream: JetStreamClient,
    private readonly manager: JetStreamManager,
    options: NatsEventBusOptions,
    private readonly ackWaitMs: number,
  ) {
    this.stream = options.stream ?? 'SAFEGUARDING_EVENTS';
    this.prefix = options.subjectPrefix ?? 'safeguarding';
  }

  static async connect(options: NatsEventBusOptions): Promise<NatsEventBus> {
    const url = new URL(options.url);
    const connection = await connect({ servers: `${url.hostname}:${url.port || 4222}`, name: 'safeguarding-graph' });
    const manager = await connection.jetstreamManager();
    const bus = new NatsEventBus(connection, connection.jetstream(), manager, options, options.ackWaitMs ?? 30_000);
    await bus.ensureStream();
    return bus;
  }

  private async ensureStream(): Promise<void> {
    const config = {
      name: this.stream,
      subjects: [`${this.prefix}.>`],
      retention: RetentionPolicy.Limits,
      // The broker's own duplicate window (nanoseconds): a relay's retry within it is dropped.
      duplicate_window: 2 * 60 * 1_000_000_000,
    };
    try {
      await this.manager.streams.info(this.stream);
    } catch {
      await this.manager.streams.add(config);
    }
  }

  async publish(event: DomainEvent): Promise<void> {
    await this.jetstream.publish(eventSubject(this.prefix, event), codec.encode(event), { msgID: event.eventId });
  }

  /** One destination: the stream. Each consumer's position is JetStream's durable consumer. */
  destinations(): readonly EventDestination[] {
    return [{ name: 'jetstream', deliver: (event) => this.publish(event) }];
  }

  async subscribe(consumer: string, handler: EventHandler): Promise<EventSubscription> {
    const durable = consumer.replace(/[^A-Za-z0-9_-]/g, '_');
    try {
      await this.manager.consumers.info(this.stream, durable);
    } catch {
      await this.manager.consumers.add(this.stream, {
        durable_name: durable,
        ack_policy: AckPolicy.Explicit,
        deliver_policy: DeliverPolicy.All,
        max_ack_pending: 1,
        ack_wait: this.ackWaitMs * 1_000_000,
        filter_subject: `${this.prefix}.>`,
      });
    }
    const source = await this.jetstream.consumers.get(this.stream, durable);
    const messages: ConsumerMessages = await source.consume({ max_messages: 64 });
    const loop = (async () => {
      for await (const message of messages) {
        try {
          await handler(codec.decode(message.data));
          message.ack();
        } catch {
          // Not taken: JetStream sends it again after a pause, and nothing behind it overtakes it.
          message.nak(Math.min(1000 * message.info.deliveryCount, 30_000));
        }
      }
    })();
    return {
      stop: async () => {
        await messages.close();
        await loop.catch(() => undefined);
      },
    };
  }

  async close(): Promise<void> {
    if (!this.connection.isClosed()) await this.connection.drain();
  }

  /** For tests: removes the stream and everything in it. */
  async deleteStream(): Promise<void> {
    await this.manager.streams.delete(this.stream).catch(() => false);
  }
}
