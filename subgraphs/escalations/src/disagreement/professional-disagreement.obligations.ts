import {
  escalationStageBasis,
  partnershipStaffRoles,
  recordEvent,
  settleObligations,
  type DesiredObligation,
  type DomainEventPayload,
  type Obligation,
  type ObligationAudience,
} from '@safeguarding/shared';
import type { EntityManager } from 'typeorm';
import { escalationsSource } from '../referral/referral.obligations';
import {
  DisagreementPartyKind,
  DisagreementStatus,
  type ProfessionalDisagreement,
} from './professional-disagreement.entity';

const partyKind = (kind: DisagreementPartyKind) =>
  kind === DisagreementPartyKind.SCHOOL ? ('SCHOOL' as const) : ('AGENCY' as const);

/**
 * Exactly who reads a disagreement (ProfessionalDisagreementRepository.visible): anyone of the two
 * organisations party to it, and its partnership's staff, who may know that a case of their
 * partnership exists (reading what it says needs a stated reason; an obligation says nothing of it).
 */
export function disagreementAudience(disagreement: ProfessionalDisagreement): ObligationAudience {
  return {
    organisationIds: [...new Set([disagreement.raisedByOrganisationId, disagreement.raisedWithOrganisationId])],
    organisationRoles: [],
    partnershipIds: [disagreement.partnershipId],
    partnershipRoles: [...partnershipStaffRoles],
    nationalRoles: [],
  };
}

export function stageOccurrence(position: number): string {
  return `stage-${position}`;
}

/**
 * The stage the disagreement is at, resolved or escalated by its deadline: owed by the organisation
 * whose decision is disputed, to the one that raised it, under the partnership's policy. Met when
 * the stage ends (escalated on, or resolved); cancelled when the disagreement is withdrawn.
 */
export function stageObligation(
  disagreement: ProfessionalDisagreement,
  position = disagreement.stagePosition,
): DesiredObligation['draft'] {
  return {
    kind: 'ESCALATION_STAGE',
    about: { type: 'ProfessionalDisagreement', id: disagreement.id },
    occurrence: stageOccurrence(position),
    owner: {
      organisationId: disagreement.raisedWithOrganisationId,
      organisationKind: partyKind(disagreement.raisedWithKind),
      partnershipId: disagreement.partnershipId,
    },
    owedTo: disagreement.raisedByOrganisationId,
    owedToKind: partyKind(disagreement.raisedByKind),
    deadline: {
      due: disagreement.stageDueOn,
      rule: disagreement.stageDueRule,
      provisional: Boolean(disagreement.stageDueProvisional),
    },
    basis: escalationStageBasis,
    audience: disagreementAudience(disagreement),
  };
}

/** The current stage's duty as the row says it stands now. */
export function currentStageObligation(disagreement: ProfessionalDisagreement): DesiredObligation {
  const draft = stageObligation(disagreement);
  switch (disagreement.status) {
    case DisagreementStatus.OPEN:
      return { draft, metOn: null };
    case DisagreementStatus.RESOLVED:
      return { draft, metOn: disagreement.closedOn ?? disagreement.stageStartedOn };
    case DisagreementStatus.WITHDRAWN:
      return { draft, metOn: null, cancelled: true };
    default: {
      const unhandled: never = disagreement.status;
      throw new Error(`unhandled disagreement status ${String(unhandled)}`);
    }
  }
}

export function settleDisagreementObligations(
  manager: EntityManager,
  at: Date,
  desired: readonly DesiredObligation[],
  existing?: readonly Obligation[],
): Promise<void> {
  return settleObligations(manager, escalationsSource, at, desired, existing ? { existing } : {});
}

export type DisagreementEventType = 'disagreement.raised' | 'disagreement.escalated' | 'disagreement.resolved';

/** Thin: ids, stage numbers, dates and who may hear of it; never the case reference, summary or outcome. */
export function disagreementEvent(
  manager: EntityManager,
  at: Date,
  type: DisagreementEventType,
  disagreement: ProfessionalDisagreement,
  details: { readonly fromStage: number | null; readonly dates: Record<string, string | null> },
) {
  const payload: DomainEventPayload = {
    ids: {
      disagreementId: disagreement.id,
      partnershipId: disagreement.partnershipId,
      raisedByOrganisationId: disagreement.raisedByOrganisationId,
      raisedWithOrganisationId: disagreement.raisedWithOrganisationId,
    },
    stages: { from: details.fromStage, to: type === 'disagreement.resolved' ? null : disagreement.stagePosition },
    dates: { raisedOn: disagreement.raisedOn, ...details.dates },
    audience: disagreementAudience(disagreement),
  };
  return recordEvent(manager, {
    type,
    entityType: 'ProfessionalDisagreement',
    entityId: disagreement.id,
    occurredAt: at,
    payload,
  });
}
