import { registerEnumType } from 'type-graphql';

/** The yearly report's content (DOMAIN.md §4; seed 003 §2.1.11–2.1.12). */
export enum YearlyReportContent {
  PARTNER_ACTIVITY = 'PARTNER_ACTIVITY',
  EFFECTIVENESS = 'EFFECTIVENESS',
  PARTNER_CONTRIBUTIONS = 'PARTNER_CONTRIBUTIONS',
  SCRUTINY_THEMES = 'SCRUTINY_THEMES',
  IMPACT_EVIDENCE = 'IMPACT_EVIDENCE',
  LITTLE_PROGRESS_ANALYSIS = 'LITTLE_PROGRESS_ANALYSIS',
  SERIOUS_INCIDENT_LEARNING = 'SERIOUS_INCIDENT_LEARNING',
  KEY_DECISIONS_AND_ACTIONS = 'KEY_DECISIONS_AND_ACTIONS',
  CHILD_AND_FAMILY_FEEDBACK = 'CHILD_AND_FAMILY_FEEDBACK',
  COSTS_AND_VALUE_FOR_MONEY = 'COSTS_AND_VALUE_FOR_MONEY',
  EDUCATION_REPRESENTATION = 'EDUCATION_REPRESENTATION',
  DATA_AND_INFORMATION_SHARING = 'DATA_AND_INFORMATION_SHARING',
  SCRUTINY_IMPACT = 'SCRUTINY_IMPACT',
  ARRANGEMENTS_UPDATES = 'ARRANGEMENTS_UPDATES',
  NATIONAL_REFORMS = 'NATIONAL_REFORMS',
  RESTRAINT_REVIEW = 'RESTRAINT_REVIEW',
}
registerEnumType(YearlyReportContent, { name: 'YearlyReportContent' });

export enum ContentRequirement {
  MUST = 'MUST',
  SHOULD = 'SHOULD',
  /** Must, where there is a secure establishment in the area. */
  WHERE_SECURE_ESTABLISHMENT = 'WHERE_SECURE_ESTABLISHMENT',
}
registerEnumType(ContentRequirement, { name: 'YearlyReportContentRequirement' });

export const yearlyReportContent: ReadonlyArray<{
  item: YearlyReportContent;
  requirement: ContentRequirement;
  description: string;
}> = [
  {
    item: YearlyReportContent.PARTNER_ACTIVITY,
    requirement: ContentRequirement.MUST,
    description: 'What the partners have done under the arrangements, including on child safeguarding practice reviews',
  },
  {
    item: YearlyReportContent.EFFECTIVENESS,
    requirement: ContentRequirement.MUST,
    description: 'How effective the arrangements have been',
  },
  {
    item: YearlyReportContent.PARTNER_CONTRIBUTIONS,
    requirement: ContentRequirement.SHOULD,
    description: "Each partner's contribution",
  },
  {
    item: YearlyReportContent.SCRUTINY_THEMES,
    requirement: ContentRequirement.SHOULD,
    description: 'Themes from aggregated scrutiny (reviews, scrutineer activity, multi-agency audits)',
  },
  {
    item: YearlyReportContent.IMPACT_EVIDENCE,
    requirement: ContentRequirement.SHOULD,
    description: 'Evidence of impact, including of training, on outcomes',
  },
  {
    item: YearlyReportContent.LITTLE_PROGRESS_ANALYSIS,
    requirement: ContentRequirement.SHOULD,
    description: 'Analysis of areas with little or no progress',
  },
  {
    item: YearlyReportContent.SERIOUS_INCIDENT_LEARNING,
    requirement: ContentRequirement.SHOULD,
    description: 'Analysis of learning from serious incidents',
  },
  {
    item: YearlyReportContent.KEY_DECISIONS_AND_ACTIONS,
    requirement: ContentRequirement.SHOULD,
    description: 'Key decisions and actions, including on recommendations from local and national reviews',
  },
  {
    item: YearlyReportContent.CHILD_AND_FAMILY_FEEDBACK,
    requirement: ContentRequirement.SHOULD,
    description: 'How feedback from children and families was used',
  },
  {
    item: YearlyReportContent.COSTS_AND_VALUE_FOR_MONEY,
    requirement: ContentRequirement.SHOULD,
    description: "Costs and each partner's financial contribution, with value for money",
  },
  {
    item: YearlyReportContent.EDUCATION_REPRESENTATION,
    requirement: ContentRequirement.SHOULD,
    description: 'How education is represented',
  },
  {
    item: YearlyReportContent.DATA_AND_INFORMATION_SHARING,
    requirement: ContentRequirement.SHOULD,
    description: 'How data is used for learning and how information sharing improved practice',
  },
  {
    item: YearlyReportContent.SCRUTINY_IMPACT,
    requirement: ContentRequirement.SHOULD,
    description: 'The impact of independent scrutiny',
  },
  {
    item: YearlyReportContent.ARRANGEMENTS_UPDATES,
    requirement: ContentRequirement.SHOULD,
    description: 'Updates to the published arrangements',
  },
  {
    item: YearlyReportContent.NATIONAL_REFORMS,
    requirement: ContentRequirement.SHOULD,
    description: 'Evidence that national reforms are implemented',
  },
  {
    item: YearlyReportContent.RESTRAINT_REVIEW,
    requirement: ContentRequirement.WHERE_SECURE_ESTABLISHMENT,
    description: "A review of the secure establishment's use of restraint, reported also to the YJB, YCS and HMIP",
  },
];
