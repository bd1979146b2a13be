import { selfAssessmentTypes, type SelfAssessmentMemberColumn } from '@safeguarding/shared';
// The schema's wording of the return, its parts and its fields: prose, kept as data.
import wording from './self-assessment.wording.json';
import { School } from '../school/school.entity';

export { RagRating } from '@safeguarding/shared';

const school: SelfAssessmentMemberColumn<'urn'> = {
  key: 'urn',
  length: 6,
  exposed: true,
  inputType: String,
  field: 'school',
  returnsField: 'safeguardingReturns',
  entityKey: 'urn',
};

/**
 * A designated school's yearly section 175/157 safeguarding self-assessment for one partnership
 * (Education Act 2002, through Keeping Children Safe in Education): the shared self-assessment
 * engine's entities, named and worded for schools. A URN is public, so returns and actions show it.
 */
export const schoolSafeguardingTypes = selfAssessmentTypes(
  { prefix: 'SchoolSafeguarding', rating: 'Rating', member: school, describe: wording },
  () => School,
);

// The entities under the names the subgraph, its migrations and its tests know them by.
export const {
  Standard: SchoolSafeguardingStandard,
  Return: SchoolSafeguardingReturn,
  Rating: SchoolSafeguardingRating,
  Action: SchoolSafeguardingAction,
  Settings: SchoolSafeguardingSettings,
} = schoolSafeguardingTypes;
