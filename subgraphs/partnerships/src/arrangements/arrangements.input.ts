import { Field, ID, InputType } from 'type-graphql';
import { DateScalar } from '@safeguarding/shared';
import { Forum } from './arrangements.entity';

/*
 * Caps on what one publication stores and every later answer repeats (issue 12, item 8). Each is well
 * above what a real footprint needs: a partnership's statutory partners are one LA, ICB and police
 * force per area (the largest footprints join a handful of LAs); the schools of the largest county
 * (state-funded and independent) number under 1,000, so 3,000 leaves room for multi-LA footprints; a
 * partnership names tens, not hundreds, of other relevant agencies; scrutiny reports are yearly plus
 * thematic ones; forums are one per kind, so their enum bounds them.
 */
export const publishArrangementsLimits = {
  signOffs: 50,
  relevantAgencyIds: 500,
  relevantSchoolUrns: 3000,
  scrutinyFunctions: 30,
  scrutinyReports: 50,
  childDeathReviewPartnerIds: 50,
  forums: Object.keys(Forum).length,
} as const;

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

  @Field(() => [SignOffInput], {
    description: `One per statutory partner: the lead partners sign off the arrangements; at most ${publishArrangementsLimits.signOffs}`,
  })
  signOffs!: SignOffInput[];

  @Field(() => [ID], {
    description: `Agencies named as relevant agencies; at most ${publishArrangementsLimits.relevantAgencyIds}`,
  })
  relevantAgencyIds!: string[];

  @Field(() => [String], {
    description: `Schools named as relevant agencies, by URN; at most ${publishArrangementsLimits.relevantSchoolUrns}`,
  })
  relevantSchoolUrns!: string[];

  @Field()
  educationStrategic!: string;

  @Field()
  educationOperational!: string;

  @Field()
  scrutineer!: string;

  @Field(() => [String], {
    description: `What the independent scrutineer does; at most ${publishArrangementsLimits.scrutinyFunctions}`,
  })
  scrutinyFunctions!: string[];

  @Field(() => [ScrutinyReportInput], {
    description: `Scrutiny reports already published; at most ${publishArrangementsLimits.scrutinyReports}`,
  })
  scrutinyReports!: ScrutinyReportInput[];

  @Field(() => [ID], {
    description: `The LA and ICB partners as child death review partners (Children Act 2004 s16Q); at most ${publishArrangementsLimits.childDeathReviewPartnerIds}`,
  })
  childDeathReviewPartnerIds!: string[];

  @Field(() => [ForumLinkInput], {
    description: `Links to other local forums, one per kind; at most ${publishArrangementsLimits.forums}`,
  })
  forums!: ForumLinkInput[];
}
