import type { DomainEvent, ObligationAudience, SubgraphRuntime } from '@safeguarding/shared';
import type { IntakeStep } from '../event-intake/event-intake.service';
import { endpointsAdmittedBy, queueMessage } from './webhook-fanout';
import { messageOfEvent } from './webhook-message';

/**
 * Queues a delivery of each event taken to every endpoint its audience admits, in the intake's own
 * transaction: an event recorded is an event queued, and a repeat (dropped by the intake) queues nothing.
 */
export function webhookIntakeStep(runtime: Pick<SubgraphRuntime, 'now'>): IntakeStep {
  return async (manager, event: DomainEvent) => {
    const audience = (event.payload as { audience?: ObligationAudience }).audience;
    if (!audience) return 0;
    const endpoints = await endpointsAdmittedBy(manager, audience);
    if (endpoints.length === 0) return 0;
    return queueMessage(manager, endpoints, event.eventId, messageOfEvent(event), runtime.now());
  };
}
