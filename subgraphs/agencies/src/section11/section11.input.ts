import { Field, ID, InputType } from 'type-graphql';
import { DateScalar } from '@safeguarding/shared';
import { RagRating } from './section11-return.entity';

@InputType({ description: 'One section 11 standard; its position is its place in the list' })
export class Section11StandardInput {
  @Field({ description: 'Stable code, capitals and underscores, e.g. SAFER_RECRUITMENT' })
  key!: string;

  @Field()
  title!: string;

  @Field()
  description!: string;
}

@InputType({ description: 'An improvement action committed to in a return' })
export class Section11ActionInput {
  @Field()
  description!: string;

  @Field({ description: 'Who in the agency owns it (a post or team)' })
  owner!: string;

  @Field(() => DateScalar)
  dueOn!: string;
}

@InputType({ description: 'An agency\'s rating of itself against one standard' })
export class Section11StandardRatingInput {
  @Field()
  standardKey!: string;

  @Field(() => RagRating)
  rating!: RagRating;

  @Field()
  evidence!: string;

  @Field(() => [Section11ActionInput], { defaultValue: [] })
  actions!: Section11ActionInput[];
}

@InputType({ description: 'A designated agency\'s yearly section 11 self-assessment, rating every standard of the partnership' })
export class SubmitSection11ReturnInput {
  @Field(() => ID)
  partnershipId!: string;

  @Field(() => ID)
  agencyId!: string;

  @Field({ description: 'e.g. 2025-26' })
  financialYear!: string;

  @Field(() => [Section11StandardRatingInput])
  standards!: Section11StandardRatingInput[];
}

@InputType()
export class CompleteSection11ActionInput {
  @Field(() => ID)
  actionId!: string;

  @Field(() => DateScalar)
  completedOn!: string;
}
