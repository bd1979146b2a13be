import { selfAssessmentResolvers } from '@safeguarding/shared';
import { Agency } from '../agency/agency.entity';
import { PartnershipReference } from '../external/partnership.type';
import { section11 } from './section11.module';

/** Partnership.section11Standards/Returns/Overview, Agency.section11Returns, the return, rating and action types and their mutations. */
export const section11Resolvers = selfAssessmentResolvers(section11, {
  partnership: PartnershipReference,
  reference: (id) => PartnershipReference.of(id),
  member: Agency,
  memberField: 'agency',
  memberReturnsField: 'section11Returns',
  memberIdOf: (agency) => agency.id,
});
