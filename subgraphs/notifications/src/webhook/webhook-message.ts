import type { DomainEvent, ObligationEventPayload } from '@safeguarding/shared';

/**
 * What a receiver gets: the event type, the ids it needs to fetch details through the graph (under
 * its own access rules and audit), and the deadline where there is one. Never a child identifier or
 * free text; the audience stays inside the graph.
 */
export interface WebhookMessage {
  readonly type: string;
  readonly timestamp: string;
  readonly data: Readonly<Record<string, unknown>>;
}

export function messageOfEvent(event: DomainEvent): WebhookMessage {
  if (event.type.startsWith('obligation.')) {
    const payload = event.payload as ObligationEventPayload;
    return {
      type: event.type,
      timestamp: event.occurredAt,
      data: { eventId: event.eventId, obligation: obligationData(payload) },
    };
  }
  const payload = event.payload as { ids?: Record<string, string | null>; dates?: Record<string, string | null> };
  return {
    type: event.type,
    timestamp: event.occurredAt,
    data: {
      eventId: event.eventId,
      entity: { type: event.entityType, id: event.entityId },
      ids: payload.ids ?? {},
      dates: payload.dates ?? {},
    },
  };
}

export interface ObligationData {
  readonly id: string;
  readonly kind: string;
  readonly about: { readonly type: string; readonly id: string };
  readonly owner: { readonly organisationId: string | null; readonly partnershipId: string | null };
  readonly owedTo: string;
  readonly deadline: {
    readonly due: string;
    readonly rule: string;
    readonly basis: string;
    readonly provisional: boolean;
  };
  readonly status: string;
  readonly metOn: string | null;
}

export function obligationData(payload: ObligationEventPayload): ObligationData {
  return {
    id: payload.obligationId,
    kind: payload.kind,
    about: payload.about,
    // The same shape as a reminder's: the owner's kind stays inside the graph (its `organisation` field says it).
    owner: { organisationId: payload.owner.organisationId, partnershipId: payload.owner.partnershipId },
    owedTo: payload.owedTo,
    deadline: payload.deadline,
    status: payload.status,
    metOn: payload.metOn,
  };
}
