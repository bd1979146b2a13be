import type { Identity, SubgraphContext } from '@safeguarding/shared';
import { EventDateSource } from '../event-date/event-date';
import type { EscalationEventKind, EscalationStreamType } from './escalation-event.entity';
import type { EscalationEventDraft } from './escalation-event.repository';

/** Who did what to which escalation, now: the common part of every event. */
export function draftEvent(
  ctx: SubgraphContext,
  identity: Identity,
  stream: { readonly type: EscalationStreamType; readonly id: string; readonly partnershipId: string },
  kind: EscalationEventKind,
  details: Partial<EscalationEventDraft>,
): EscalationEventDraft {
  return {
    streamType: stream.type,
    streamId: stream.id,
    partnershipId: stream.partnershipId,
    kind,
    occurredAt: ctx.now.toISOString(),
    occurredOn: ctx.today,
    occurredOnSource: EventDateSource.SERVER,
    subject: identity.subject,
    organisationId: identity.organisation.id,
    organisationKind: identity.organisation.kind,
    fromStage: null,
    toStage: null,
    stageName: null,
    stageDueOn: null,
    stageDueRule: null,
    stageDueProvisional: null,
    reason: null,
    outcome: null,
    agreedActionsJson: null,
    ...details,
  };
}
