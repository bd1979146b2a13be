import { Field, ID, InputType } from 'type-graphql';
import { DateScalar } from '@safeguarding/shared';
import { RagRating } from './school-safeguarding-return.entity';

@InputType({ description: 'One school safeguarding standard; its position is its place in the list' })
export class SchoolSafeguardingStandardInput {
  @Field({ description: 'Stable code, capitals and underscores, e.g. ONLINE_SAFETY' })
  key!: string;

  @Field()
  title!: string;

  @Field()
  description!: string;
}

@InputType({ description: 'An improvement action committed to in a school\'s return' })
export class SchoolSafeguardingActionInput {
  @Field()
  description!: string;

  @Field({ description: 'Who in the school owns it (a post or team)' })
  owner!: string;

  @Field(() => DateScalar)
  dueOn!: string;
}

@InputType({ description: 'A school\'s rating of itself against one standard' })
export class SchoolSafeguardingRatingInput {
  @Field()
  standardKey!: string;

  @Field(() => RagRating)
  rating!: RagRating;

  @Field()
  evidence!: string;

  @Field(() => [SchoolSafeguardingActionInput], { defaultValue: [] })
  actions!: SchoolSafeguardingActionInput[];
}

@InputType({ description: 'A designated school\'s yearly section 175/157 return, rating every standard of the partnership' })
export class SubmitSchoolSafeguardingReturnInput {
  @Field(() => ID)
  partnershipId!: string;

  @Field()
  urn!: string;

  @Field({ description: 'e.g. 2025-26' })
  financialYear!: string;

  @Field(() => [SchoolSafeguardingRatingInput])
  standards!: SchoolSafeguardingRatingInput[];
}

@InputType()
export class CompleteSchoolSafeguardingActionInput {
  @Field(() => ID)
  actionId!: string;

  @Field(() => DateScalar)
  completedOn!: string;
}
