import express from 'express';
import type { Logger } from '../logger';
import type { DomainEvent } from './outbox';
import type { EventHandler } from './event-bus';
import {
  EventDeliveryRefused,
  eventSignatureHeader,
  eventTimestampHeader,
  verifyEventDelivery,
} from './signed-delivery';

/** Where the embedded bus's relays POST events; on the subgraph's own port, never proxied by the gateway. */
export const eventIntakePath = '/internal/events';

/**
 * The receiving end of the embedded bus. Only a POST signed with the internal secret is taken; the
 * answer is 204 once the handler committed it, and anything else makes the relay send it again.
 */
export function mountEventIntake(
  app: express.Express,
  handler: EventHandler,
  secret: string | undefined,
  logger: Logger,
): void {
  app.post(eventIntakePath, express.raw({ type: () => true, limit: '1mb' }), async (request, response) => {
    if (!secret) {
      response.status(503).json({ error: 'this service takes no events: INTERNAL_TOKEN_SECRET is not set' });
      return;
    }
    const body = Buffer.isBuffer(request.body) ? request.body.toString('utf8') : '';
    try {
      verifyEventDelivery(
        secret,
        { signature: request.header(eventSignatureHeader), timestamp: request.header(eventTimestampHeader) },
        body,
      );
    } catch (error) {
      if (error instanceof EventDeliveryRefused) {
        logger.warn({ reason: error.message }, 'event delivery refused');
        response.status(401).json({ error: 'refused' });
        return;
      }
      throw error;
    }
    let event: DomainEvent;
    try {
      event = JSON.parse(body) as DomainEvent;
    } catch {
      response.status(400).json({ error: 'not JSON' });
      return;
    }
    try {
      await handler(event);
      response.status(204).end();
    } catch (error) {
      const malformed = error instanceof Error && error.name === 'MalformedEventError';
      logger.warn(
        { err: error, eventId: typeof event?.eventId === 'string' ? event.eventId : null },
        'event not taken',
      );
      response.status(malformed ? 400 : 500).json({ error: malformed ? 'malformed event' : 'not taken' });
    }
  });
}
