import { Field, ID, InputType } from 'type-graphql';
import { DateScalar } from '@safeguarding/shared';
import { PracticeReviewKind } from './practice-review.entity';

@InputType({ description: 'The partners\' decision to undertake a practice review; the review starts IN_PROGRESS' })
export class RecordPracticeReviewDecisionInput {
  @Field(() => ID)
  partnershipId!: string;

  @Field(() => PracticeReviewKind)
  kind!: PracticeReviewKind;

  @Field({ description: 'The title it will be published under; never a child\'s name' })
  title!: string;

  @Field(() => DateScalar, { description: 'When the partners decided to undertake the review; not in the future' })
  decisionDate!: string;
}
