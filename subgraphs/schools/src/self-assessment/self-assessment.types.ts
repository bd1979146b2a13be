import { selfAssessmentTypes } from '@safeguarding/shared';
import { School } from '../school/school.entity';

export { RagRating } from '@safeguarding/shared';

/**
 * A designated school's yearly section 175/157 safeguarding self-assessment for one partnership
 * (Education Act 2002, through Keeping Children Safe in Education): the shared self-assessment
 * engine's entities, named and worded for schools. A URN is public, so returns and actions show it.
 */
export const schoolSafeguardingTypes = selfAssessmentTypes(
  {
    prefix: 'SchoolSafeguarding',
    tables: 'school_safeguarding',
    rating: 'Rating',
    member: { key: 'urn', length: 6, exposed: true, inputType: String },
    describe: {
      standardType: 'A standard of a partnership\'s annual school safeguarding self-assessment (Education Act 2002 s175/s157)',
      standardKey: 'Stable code a return rates the standard by, e.g. ONLINE_SAFETY',
      returnType: 'A school\'s yearly section 175/157 safeguarding self-assessment (restricted)',
      ratingType: 'How a school rated itself against one standard',
      actionType: 'An action from a school\'s safeguarding self-assessment',
      actionOwner: 'Who in the school owns the action (a post or team)',
      summaryType: 'How many schools rated one standard RED, AMBER and GREEN in a year',
      overviewType: 'A partnership\'s view of its schools\' section 175/157 self-assessments for one year (partnership staff)',
      notReturned: 'Schools designated during the year that have not returned, by name',
      summaries: 'Ratings across the schools that returned, per standard',
      standardInput: 'One school safeguarding standard; its position is its place in the list',
      standardInputKey: 'Stable code, capitals and underscores, e.g. ONLINE_SAFETY',
      actionInput: 'An improvement action committed to in a school\'s return',
      actionInputOwner: 'Who in the school owns it (a post or team)',
      ratingInput: 'A school\'s rating of itself against one standard',
      submitInput: 'A designated school\'s yearly section 175/157 return, rating every standard of the partnership',
      standardsField: 'The standards its schools rate themselves against in their section 175/157 return (the default set until configured)',
      returnsField: 'Section 175/157 returns you may see: your own school\'s, or all of them for the partnership\'s staff (restricted)',
      overviewField: 'Schools that have not returned, ratings across schools and overdue actions (partnership staff)',
      memberReturnsField: 'The school\'s section 175/157 returns: for the school itself and the partnerships\' staff (restricted)',
      submitMutation: 'A school\'s yearly section 175/157 self-assessment, by its designated safeguarding lead',
      configureMutation: 'Replaces a partnership\'s school safeguarding standards (administrators acting in it); returns already made keep theirs',
      completeMutation: 'Records a school safeguarding action as done (the school, or the partnership\'s administrators)',
    },
  },
  () => School,
);

// The entities under the names the subgraph, its migrations and its tests know them by.
export const { Standard: SchoolSafeguardingStandard, Return: SchoolSafeguardingReturn, Rating: SchoolSafeguardingRating, Action: SchoolSafeguardingAction, Settings: SchoolSafeguardingSettings } = schoolSafeguardingTypes;
