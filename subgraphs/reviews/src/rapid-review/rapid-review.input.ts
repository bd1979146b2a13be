import { Field, ID, InputType } from 'type-graphql';
import { DateScalar } from '@safeguarding/shared';

@InputType({ description: "The rapid review's decision" })
export class DecideRapidReviewInput {
  @Field(() => ID)
  rapidReviewId!: string;

  @Field(() => DateScalar)
  decidedOn!: string;

  @Field({ description: 'Undertake a local child safeguarding practice review' })
  localPracticeReview!: boolean;

  @Field({ description: 'Recommend a national review to the Panel' })
  nationalReviewRecommended!: boolean;

  @Field({ description: 'The reasons for the decision' })
  reasons!: string;
}

@InputType({ description: "The Panel's response to a rapid review" })
export class RecordPanelResponseInput {
  @Field(() => ID)
  rapidReviewId!: string;

  @Field(() => DateScalar)
  respondedOn!: string;

  @Field({ description: "Whether the Panel agrees with the partners' decision" })
  agreed!: boolean;

  @Field()
  response!: string;
}
