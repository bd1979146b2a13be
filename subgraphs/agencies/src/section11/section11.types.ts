import { ID } from 'type-graphql';
import { selfAssessmentTypes, type SelfAssessmentMemberColumn } from '@safeguarding/shared';
// The schema's wording of the return, its parts and its fields: prose, kept as data.
import wording from './section11.wording.json';
import { Agency } from '../agency/agency.entity';

export { RagRating } from '@safeguarding/shared';

const agency: SelfAssessmentMemberColumn<'agencyId'> = {
  key: 'agencyId',
  length: 36,
  exposed: false,
  inputType: ID,
  field: 'agency',
  returnsField: 'section11Returns',
  entityKey: 'id',
};

/**
 * A designated agency's yearly section 11 self-assessment for one partnership (Children Act 2004
 * s11): the shared self-assessment engine's entities, named and worded for agencies. An agency is
 * shown as its entity, so its id is a column but not a field.
 */
export const section11Types = selfAssessmentTypes(
  { prefix: 'Section11', rating: 'StandardRating', member: agency, describe: wording },
  () => Agency,
);

// The entities under the names the subgraph, its migrations and its tests know them by.
export const {
  Standard: Section11Standard,
  Return: Section11Return,
  Rating: Section11Rating,
  Action: Section11Action,
  Settings: Section11Settings,
} = section11Types;
