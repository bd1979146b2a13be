import { Field, ID, InputType } from 'type-graphql';
import { DateScalar } from '@safeguarding/shared';
import { Forum } from './arrangements.entity';

@InputType()
export class SignOffInput {
  @Field(() => ID, { description: 'The statutory partner whose Lead Safeguarding Partner signed off' })
  partnerId!: string;

  @Field(() => DateScalar)
  signedOn!: string;
}

@InputType()
export class ScrutinyReportInput {
  @Field()
  title!: string;

  @Field()
  url!: string;

  @Field(() => DateScalar)
  publishedOn!: string;
}

@InputType()
export class ForumLinkInput {
  @Field(() => Forum)
  forum!: Forum;

  @Field()
  name!: string;

  @Field({ nullable: true })
  url?: string;
}

@InputType({ description: 'A new published version of the arrangements' })
export class PublishArrangementsInput {
  @Field(() => DateScalar)
  publishedOn!: string;

  @Field()
  url!: string;

  @Field(() => [SignOffInput], { description: 'One per statutory partner: the lead partners sign off the arrangements' })
  signOffs!: SignOffInput[];

  @Field(() => [ID], { description: 'Agencies named as relevant agencies' })
  relevantAgencyIds!: string[];

  @Field(() => [String], { description: 'Schools named as relevant agencies, by URN' })
  relevantSchoolUrns!: string[];

  @Field()
  educationStrategic!: string;

  @Field()
  educationOperational!: string;

  @Field()
  scrutineer!: string;

  @Field(() => [String])
  scrutinyFunctions!: string[];

  @Field(() => [ScrutinyReportInput])
  scrutinyReports!: ScrutinyReportInput[];

  @Field(() => [ID], { description: 'The LA and ICB partners as child death review partners (Children Act 2004 s16Q)' })
  childDeathReviewPartnerIds!: string[];

  @Field(() => [ForumLinkInput])
  forums!: ForumLinkInput[];
}
