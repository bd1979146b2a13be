import { selfAssessmentResolvers } from '@safeguarding/shared';
import { PartnershipReference } from '../external/partnership.type';
import { School } from '../school/school.entity';
import { schoolSafeguarding } from './self-assessment.module';

/** Partnership.schoolSafeguardingStandards/Returns/Overview, School.safeguardingReturns, the return types and their mutations. */
export const schoolSafeguardingResolvers = selfAssessmentResolvers(schoolSafeguarding, {
  partnership: PartnershipReference,
  reference: (id) => PartnershipReference.of(id),
  member: School,
  memberField: 'school',
  memberReturnsField: 'safeguardingReturns',
  memberIdOf: (school) => school.urn,
});
