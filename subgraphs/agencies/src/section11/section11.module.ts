import { z } from 'zod';
import {
  reconcileSelfAssessmentObligations,
  Role,
  uuidPattern,
  type SelfAssessmentModule,
  type SubgraphRuntime,
} from '@safeguarding/shared';
import type { Agency } from '../agency/agency.entity';
import { AgencyService } from '../agency/agency.service';
import { Designation } from '../designation/designation.entity';
import { DesignationRepository } from '../designation/designation.repository';
import { defaultSection11Standards } from './default-section11-standards';
import { section11Types } from './section11.types';

/**
 * What is particular to section 11 (Children Act 2004 s11): the members are the agencies a
 * partnership designates as relevant agencies, identified by id; their safeguarding leads and
 * managers make the return, and an action plan sets dates still to come.
 */
export const section11: SelfAssessmentModule<'agencyId', Agency> = {
  types: section11Types,
  label: 'section 11',
  memberSchema: z.string().trim().toLowerCase().regex(uuidPattern, 'must be a uuid'),
  ownMembers: ({ identity }) => (identity ? [identity.organisation.id] : []),
  submitters: [Role.SAFEGUARDING_MANAGER, Role.DESIGNATED_SAFEGUARDING_LEAD],
  refusedSubmitter: "Only the agency's own staff submit its section 11 return",
  actionsFromToday: true,
  actionBasis: 'Section 11 self-assessment action plan (Children Act 2004 s11; due date set by the agency)',
  actionRule: (financialYear) => `due date set in the agency's ${financialYear} section 11 return`,
  defaultStandards: defaultSection11Standards,
  duties: {
    subgraph: 'agencies',
    memberKind: 'AGENCY',
    returns: 'SECTION_11_RETURN',
    actions: 'SECTION_11_ACTION',
    returnBasis:
      "Children Act 2004 s11 (Working Together 2023: the partnership checks each relevant agency's arrangements yearly)",
  },
  designatedDuring: async (manager, scope, partnershipIds, startsOn, endsOn) =>
    (await new DesignationRepository(manager, scope).overlapping(partnershipIds, startsOn, endsOn)).map((d) => ({
      partnershipId: d.partnershipId,
      memberId: d.agencyId,
    })),
  member: (ctx, agencyId) => new AgencyService(ctx).byId(agencyId),
  designations: { entity: Designation, relation: 'agency' },
};

/** SECTION_11_RETURN and SECTION_11_ACTION recomputed from the rows at start (see SubgraphDefinition.reconcileObligations). */
export function reconcileSection11Obligations(runtime: Pick<SubgraphRuntime, 'db' | 'now'>): Promise<void> {
  return reconcileSelfAssessmentObligations(runtime, section11);
}
