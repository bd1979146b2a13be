import { selfAssessmentResolvers } from '@safeguarding/shared';
import { PartnershipReference } from '../external/partnership.type';
import { section11 } from './section11.module';

/** Partnership.section11Standards/Returns/Overview, Agency.section11Returns, the return, rating and action types and their mutations. */
export const section11Resolvers = selfAssessmentResolvers(section11, PartnershipReference);
