import { z } from 'zod';
import {
  reconcileSelfAssessmentObligations,
  Role,
  type SelfAssessmentModule,
  type SubgraphRuntime,
} from '@safeguarding/shared';
import type { School } from '../school/school.entity';
import { SchoolDesignation } from '../school/school-designation.entity';
import { SchoolRepository } from '../school/school.repository';
import { SchoolService } from '../school/school.service';
import { defaultSchoolSafeguardingStandards } from './default-school-safeguarding-standards';
import { schoolSafeguardingTypes } from './self-assessment.types';

/**
 * What is particular to the section 175/157 return: the members are the schools a partnership
 * designates, known by URN; only a caller acting for a school is one, and only its designated
 * safeguarding lead makes the return. An action's due date is set for what is still to be done, so
 * not before the day the return is made (as for section 11).
 */
export const schoolSafeguarding: SelfAssessmentModule<'urn', School> = {
  types: schoolSafeguardingTypes,
  label: 'school safeguarding',
  memberSchema: z
    .string()
    .trim()
    .regex(/^\d{6}$/, 'must be a URN: exactly 6 digits'),
  ownMembers: (scope) => scope.schoolsActedFor,
  submitters: [Role.DESIGNATED_SAFEGUARDING_LEAD],
  refusedSubmitter: "Only the school's own designated safeguarding lead submits its safeguarding return",
  actionsFromToday: true,
  actionBasis:
    'Section 175/157 safeguarding self-assessment action plan (Education Act 2002; due date set by the school)',
  actionRule: (financialYear) => `due date set in the school's ${financialYear} safeguarding self-assessment`,
  defaultStandards: defaultSchoolSafeguardingStandards,
  duties: {
    subgraph: 'schools',
    memberKind: 'SCHOOL',
    returns: 'SCHOOL_SAFEGUARDING_RETURN',
    actions: 'SCHOOL_SAFEGUARDING_ACTION',
    returnBasis:
      'Education Act 2002 s175 and s157 (KCSIE: the school reports its safeguarding arrangements to the partnership each year)',
  },
  async designatedDuring(manager, scope, partnershipIds, startsOn, endsOn) {
    const designations = await new SchoolRepository(manager, scope).designationsOverlapping(
      partnershipIds,
      startsOn,
      endsOn,
    );
    return designations.map(({ partnershipId, urn }) => ({ partnershipId, memberId: urn }));
  },
  member: (ctx, urn) => new SchoolService(ctx).byUrn(urn),
  designations: { entity: SchoolDesignation, relation: 'school' },
};

/** SCHOOL_SAFEGUARDING_RETURN and SCHOOL_SAFEGUARDING_ACTION recomputed from the rows at start (see SubgraphDefinition.reconcileObligations). */
export function reconcileSchoolSafeguardingObligations(runtime: Pick<SubgraphRuntime, 'db' | 'now'>): Promise<void> {
  return reconcileSelfAssessmentObligations(runtime, schoolSafeguarding);
}
