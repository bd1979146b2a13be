import { selfAssessmentResolvers } from '@safeguarding/shared';
import { PartnershipReference } from '../external/partnership.type';
import { schoolSafeguarding } from './self-assessment.module';

/** Partnership.schoolSafeguardingStandards/Returns/Overview, School.safeguardingReturns, the return types and their mutations. */
export const schoolSafeguardingResolvers = selfAssessmentResolvers(schoolSafeguarding, PartnershipReference);
