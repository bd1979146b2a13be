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
});
export type EventBusConfig = z.infer<typeof eventBusEnvironment>;

export async function createEventBus(config: EventBusConfig): Promise<EventBus> {
  switch (config.EVENT_BUS) {
    case 'embedded':
      return new EmbeddedEventBus();
    case 'nats':
      return NatsEventBus.connect({ url: config.NATS_URL });
  }
}
