import { ID } from 'type-graphql';
import { selfAssessmentTypes } from '@safeguarding/shared';
import { Agency } from '../agency/agency.entity';

export { RagRating } from '@safeguarding/shared';

/**
 * A designated agency's yearly section 11 self-assessment for one partnership (Children Act 2004
 * s11): the shared self-assessment engine's entities, named and worded for agencies. An agency is
 * shown as its entity, so its id is a column but not a field.
 */
export const section11Types = selfAssessmentTypes(
  {
    prefix: 'Section11',
    tables: 'section11',
    rating: 'StandardRating',
    member: { key: 'agencyId', length: 36, exposed: false, inputType: ID },
    describe: {
      standardType: 'A standard of a partnership\'s section 11 self-assessment (Children Act 2004 s11)',
      standardKey: 'Stable code a return rates the standard by, e.g. SAFER_RECRUITMENT',
      returnType: 'A relevant agency\'s yearly section 11 self-assessment (restricted)',
      ratingType: 'How an agency rated itself against one standard',
      actionType: 'An action from a section 11 self-assessment',
      actionOwner: 'Who in the agency owns the action (a post or team)',
      summaryType: 'How many agencies rated one standard RED, AMBER and GREEN in a year',
      overviewType: 'A partnership\'s view of its section 11 self-assessments for one year (partnership staff)',
      notReturned: 'Agencies designated during the year that have not returned',
      summaries: 'Ratings across the agencies that returned, per standard',
      standardInput: 'One section 11 standard; its position is its place in the list',
      standardInputKey: 'Stable code, capitals and underscores, e.g. SAFER_RECRUITMENT',
      actionInput: 'An improvement action committed to in a return',
      actionInputOwner: 'Who in the agency owns it (a post or team)',
      ratingInput: 'An agency\'s rating of itself against one standard',
      submitInput: 'A designated agency\'s yearly section 11 self-assessment, rating every standard of the partnership',
      standardsField: 'The section 11 standards its agencies assess themselves against (the default set until configured)',
      returnsField: 'Section 11 returns you may see: your own agency\'s, or all of them for the partnership\'s staff (restricted)',
      overviewField: 'Who has not returned, ratings across agencies and overdue actions (partnership staff)',
      memberReturnsField: 'The agency\'s section 11 returns: for the agency itself and the partnerships\' staff (restricted)',
      submitMutation: 'An agency\'s yearly self-assessment, by its safeguarding lead or manager',
      configureMutation: 'Replaces a partnership\'s section 11 standards; returns already made keep theirs',
      completeMutation: 'Records a section 11 action as done (the agency, or the partnership\'s administrators)',
    },
  },
  () => Agency,
);

// The entities under the names the subgraph, its migrations and its tests know them by.
export const { Standard: Section11Standard, Return: Section11Return, Rating: Section11Rating, Action: Section11Action, Settings: Section11Settings } = section11Types;
