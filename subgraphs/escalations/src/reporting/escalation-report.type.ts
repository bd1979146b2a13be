import { Field, Float, ID, Int, ObjectType } from 'type-graphql';
import { connectionOf, DateScalar } from '@safeguarding/shared';
import { DisagreementIssueType } from '../disagreement/professional-disagreement.entity';

@ObjectType({
  description:
    'A count from a report: in a published or shared report, null and suppressed when below 5 or when it could be worked out from the others',
})
export class EscalationReportCount {
  @Field(() => Int, { nullable: true })
  count!: number | null;

  @Field()
  suppressed!: boolean;
}

@ObjectType({ description: 'Open disagreements at one stage of the policy' })
export class EscalationStageCount {
  @Field(() => Int)
  stagePosition!: number;

  @Field()
  stageName!: string;

  @Field(() => EscalationReportCount)
  open!: EscalationReportCount;

  @Field(() => EscalationReportCount, { description: 'Open ones past their stage deadline' })
  overdue!: EscalationReportCount;
}

@ObjectType({ description: 'Disagreements raised about one kind of issue' })
export class EscalationIssueTypeCount {
  @Field(() => DisagreementIssueType)
  issueType!: DisagreementIssueType;

  @Field(() => EscalationReportCount)
  raised!: EscalationReportCount;
}

@ObjectType({ description: 'Disagreements raised by one organisation with another' })
export class EscalationOrganisationPairCount {
  @Field(() => ID, { description: "An agency id, or a school's URN" })
  raisedByOrganisationId!: string;

  @Field(() => ID)
  raisedWithOrganisationId!: string;

  @Field(() => EscalationReportCount)
  raised!: EscalationReportCount;
}

export const EscalationOrganisationPairCountConnection = connectionOf<EscalationOrganisationPairCount>(
  () => EscalationOrganisationPairCount,
  'EscalationOrganisationPairCount',
  "A page of organisation pairs, by the raising then the receiving organisation's id; totalCount is counted only when asked for",
);

@ObjectType({ description: 'Working days from raising to resolution, over the disagreements resolved' })
export class EscalationTimeToResolve {
  @Field(() => EscalationReportCount)
  resolved!: EscalationReportCount;

  @Field(() => Float, { nullable: true, description: 'Null when fewer than 5 were resolved' })
  medianWorkingDays!: number | null;

  @Field(() => Float, { nullable: true, description: 'Null when fewer than 5 were resolved' })
  meanWorkingDays!: number | null;
}

@ObjectType({
  description:
    'Professional disagreements raised in a partnership in a period, with their state today; exact to its staff, every count below 5 suppressed where published or shared',
})
export class EscalationReport {
  @Field(() => DateScalar)
  from!: string;

  @Field(() => DateScalar)
  to!: string;

  @Field(() => DateScalar, { description: 'The day the statuses and deadlines were judged on' })
  asOf!: string;

  @Field(() => EscalationReportCount)
  raised!: EscalationReportCount;

  @Field(() => EscalationReportCount)
  open!: EscalationReportCount;

  @Field(() => EscalationReportCount)
  resolved!: EscalationReportCount;

  @Field(() => EscalationReportCount)
  withdrawn!: EscalationReportCount;

  @Field(() => EscalationReportCount, { description: 'Open ones past their stage deadline' })
  overdue!: EscalationReportCount;

  @Field(() => [EscalationStageCount], { description: 'Open and overdue ones by current stage' })
  openByStage!: EscalationStageCount[];

  @Field(() => [EscalationIssueTypeCount])
  byIssueType!: EscalationIssueTypeCount[];

  /** Every pair of the period, suppressed against each other before any page is cut (see the resolver's byOrganisationPair). */
  organisationPairs!: EscalationOrganisationPairCount[];

  @Field(() => EscalationTimeToResolve)
  timeToResolve!: EscalationTimeToResolve;
}
