import { z } from 'zod';
import { EmbeddedEventBus } from './embedded-event-bus';
import type { EventBus } from './event-bus';
import { NatsEventBus } from './nats-event-bus';

/** Which bus the relays publish to: `embedded` (no broker, the default) or NATS JetStream. */
export const eventBusEnvironment = z.object({
  EVENT_BUS: z.enum(['embedded', 'nats']).default('embedded'),
  NATS_URL: z
    .string()
    .refine((value) => {
      try {
        return new URL(value).protocol === 'nats:';
      } catch {
        return false;
      }
    }, 'must be a URL of the form nats://host:port')
    .default('nats://127.0.0.1:4222'),
  /** The JetStream stream and subject prefix (defaults SAFEGUARDING_EVENTS, safeguarding); a test graph takes its own. */
  NATS_STREAM: z
    .string()
    .regex(/^[A-Za-z0-9_-]{1,64}$/, 'must be letters, digits, _ or -')
    .optional(),
  /** How long a consumer has to acknowledge before JetStream redelivers (a consumer that died mid-event). */
  NATS_ACK_WAIT_MS: z.coerce.number().int().min(100).max(600_000).default(30_000),
  NATS_SUBJECT_PREFIX: z
    .string()
    .regex(/^[a-z][a-z0-9_]{0,40}$/, 'must be lower-case letters, digits and underscores')
    .optional(),
  /**
   * Embedded bus: where each subgraph's relay POSTs its events, one URL per consuming service (its
   * internal endpoint, signed with INTERNAL_TOKEN_SECRET). Unused on NATS, where each is a durable consumer.
   */
  NOTIFICATIONS_EVENTS_URL: z
    .url({ protocol: /^https?$/, error: 'must be an http(s) URL' })
    .default('http://127.0.0.1:4006/internal/events'),
  ESCALATIONS_EVENTS_URL: z
    .url({ protocol: /^https?$/, error: 'must be an http(s) URL' })
    .default('http://127.0.0.1:4005/internal/events'),
});
export type EventBusConfig = z.infer<typeof eventBusEnvironment>;

export async function createEventBus(
  config: Pick<EventBusConfig, 'EVENT_BUS' | 'NATS_URL' | 'NATS_STREAM' | 'NATS_SUBJECT_PREFIX'> &
    Partial<Pick<EventBusConfig, 'NATS_ACK_WAIT_MS'>>,
): Promise<EventBus> {
  switch (config.EVENT_BUS) {
    case 'embedded':
      return new EmbeddedEventBus();
    case 'nats':
      return NatsEventBus.connect({
        url: config.NATS_URL,
        ...(config.NATS_STREAM ? { stream: config.NATS_STREAM } : {}),
        ...(config.NATS_SUBJECT_PREFIX ? { subjectPrefix: config.NATS_SUBJECT_PREFIX } : {}),
        ...(config.NATS_ACK_WAIT_MS !== undefined ? { ackWaitMs: config.NATS_ACK_WAIT_MS } : {}),
      });
  }
}

/**
 * The services that take events, and the setting naming each one's endpoint on the embedded bus.
 * Each gets every event (on NATS a durable consumer of its own), and keeps only what it uses.
 */
export const eventConsumers = {
  notifications: 'NOTIFICATIONS_EVENTS_URL',
  escalations: 'ESCALATIONS_EVENTS_URL',
} as const satisfies Record<string, keyof EventBusConfig>;
export type EventConsumerName = keyof typeof eventConsumers;
