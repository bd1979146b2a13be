import {
  nationalEscalationBasis,
  nationalEscalationDeadline,
  type WorkingDayCalendar,
  partnershipStaffRoles,
  Role,
  settleObligations,
  type DesiredObligation,
  type Obligation,
  type ObligationAudience,
} from '@safeguarding/shared';
import type { EntityManager } from 'typeorm';
import { escalationsSource } from '../referral/referral.obligations';
import { NationalEscalationStatus, type NationalEscalation } from './national-escalation.entity';

/** Exactly who reads a national escalation (NationalEscalationRepository.visible): the Panel, and the partnership's staff. */
export function nationalEscalationAudience(escalation: NationalEscalation): ObligationAudience {
  return {
    organisationIds: [],
    organisationRoles: [],
    partnershipIds: [escalation.partnershipId],
    partnershipRoles: [...partnershipStaffRoles],
    nationalRoles: [Role.PANEL_MEMBER],
  };
}

/**
 * The national recipient's acknowledgement, owed to the partnership that escalated the matter.
 * The recipient (the Panel or the Secretary of State) is no organisation the graph holds by id, so
 * the owner is the partnership's matter with no organisation; met when acknowledged (or closed),
 * cancelled when the partnership withdraws it.
 */
export function nationalEscalationObligation(
  escalation: NationalEscalation,
  calendar: WorkingDayCalendar,
): DesiredObligation {
  const draft: DesiredObligation['draft'] = {
    kind: 'NATIONAL_ESCALATION',
    about: { type: 'NationalEscalation', id: escalation.id },
    owner: { organisationId: null, organisationKind: null, partnershipId: escalation.partnershipId },
    owedTo: 'PARTNERSHIP',
    owedToKind: null,
    deadline: nationalEscalationDeadline(escalation.raisedOn, calendar),
    basis: nationalEscalationBasis,
    audience: nationalEscalationAudience(escalation),
  };
  switch (escalation.status) {
    case NationalEscalationStatus.OPEN:
      return { draft, metOn: null };
    case NationalEscalationStatus.ACKNOWLEDGED:
    case NationalEscalationStatus.CLOSED:
      return { draft, metOn: escalation.acknowledgedOn ?? escalation.closedOn ?? escalation.raisedOn };
    case NationalEscalationStatus.WITHDRAWN:
      return { draft, metOn: null, cancelled: true };
    default: {
      const unhandled: never = escalation.status;
      throw new Error(`unhandled national escalation status ${String(unhandled)}`);
    }
  }
}

export function settleNationalEscalationObligations(
  manager: EntityManager,
  at: Date,
  calendar: WorkingDayCalendar,
  escalations: readonly NationalEscalation[],
  existing?: readonly Obligation[],
): Promise<void> {
  const desired = escalations.map((escalation) => nationalEscalationObligation(escalation, calendar));
  return settleObligations(manager, escalationsSource, at, desired, existing ? { existing } : {});
}
