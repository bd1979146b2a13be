import {
  recordEvent,
  referralImmediateBasis,
  referralResponseBasis,
  settleObligations,
  type DesiredObligation,
  type DomainEventPayload,
  type ObligationAudience,
  type Obligation,
} from '@safeguarding/shared';
import type { EntityManager } from 'typeorm';
import { Referral, ReferralUrgency, ReferrerKind } from './referral.entity';
import { referralRoles } from './referral.roles';

export const escalationsSource = 'escalations';

/**
 * Exactly who reads a referral (ReferralRepository.visible): case-work roles of the referring
 * organisation and of the receiving authority. No partnership and no national role widens it.
 */
export function referralAudience(referral: Referral): ObligationAudience {
  return {
    organisationIds: [...new Set([referral.referrerOrganisationId, referral.receivingAuthorityId])],
    organisationRoles: [...referralRoles],
    partnershipIds: [],
    partnershipRoles: [],
    nationalRoles: [],
  };
}

/** The receiving authority owes the referrer an acknowledgement and a decision, on the deadline fixed at receipt. */
export function referralObligations(referral: Referral): DesiredObligation[] {
  const common = {
    about: { type: 'Referral', id: referral.id },
    // The receiving authority is a local authority: an agency.
    owner: { organisationId: referral.receivingAuthorityId, organisationKind: 'AGENCY' as const, partnershipId: null },
    owedTo: referral.referrerOrganisationId,
    owedToKind: referral.referrerKind === ReferrerKind.SCHOOL ? ('SCHOOL' as const) : ('AGENCY' as const),
    deadline: { due: referral.dueOn, rule: referral.dueRule, provisional: Boolean(referral.dueProvisional) },
    basis: referral.urgency === ReferralUrgency.IMMEDIATE ? referralImmediateBasis : referralResponseBasis,
    audience: referralAudience(referral),
  };
  return [
    { draft: { ...common, kind: 'REFERRAL_ACKNOWLEDGEMENT' }, metOn: referral.acknowledgedOn ?? referral.decidedOn },
    { draft: { ...common, kind: 'REFERRAL_DECISION' }, metOn: referral.decidedOn },
  ];
}

export function settleReferralObligations(
  manager: EntityManager,
  at: Date,
  referrals: readonly Referral[],
  existing?: readonly Obligation[],
): Promise<void> {
  return settleObligations(
    manager,
    escalationsSource,
    at,
    referrals.flatMap(referralObligations),
    existing ? { existing } : {},
  );
}

/** Thin: ids, dates and who may hear of it; never the child's reference, NHS number or the feedback. */
export function referralEvent(
  manager: EntityManager,
  at: Date,
  type: 'referral.received' | 'referral.decided',
  referral: Referral,
) {
  const payload: DomainEventPayload = {
    ids: {
      referralId: referral.id,
      referrerOrganisationId: referral.referrerOrganisationId,
      receivingAuthorityId: referral.receivingAuthorityId,
    },
    dates:
      type === 'referral.received'
        ? { receivedAt: referral.receivedAt, receivedOn: referral.receivedOn, dueOn: referral.dueOn }
        : {
            receivedAt: referral.receivedAt,
            decidedAt: referral.decidedAt,
            decidedOn: referral.decidedOn,
            dueOn: referral.dueOn,
          },
    audience: referralAudience(referral),
  };
  return recordEvent(manager, { type, entityType: 'Referral', entityId: referral.id, occurredAt: at, payload });
}
