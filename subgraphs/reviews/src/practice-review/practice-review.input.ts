import { Field, ID, InputType } from 'type-graphql';
import { DateScalar } from '@safeguarding/shared';
import { PracticeReviewKind } from './practice-review.entity';

@InputType({ description: "The partners' decision to undertake a practice review; the review starts IN_PROGRESS" })
export class RecordPracticeReviewDecisionInput {
  @Field(() => ID)
  partnershipId!: string;

  @Field(() => PracticeReviewKind)
  kind!: PracticeReviewKind;

  @Field({ description: "The title it will be published under; never a child's name" })
  title!: string;

  @Field(() => ID, {
    nullable: true,
    description: "The rapid review whose decision this follows; its decision date becomes the review's decision date",
  })
  rapidReviewId?: string | null;

  @Field(() => DateScalar, {
    nullable: true,
    description:
      "When the partners decided to undertake the review; not in the future. Required without rapidReviewId; with it, must equal the rapid review's decision date if given",
  })
  decisionDate?: string | null;
}

@InputType({ description: 'Who conducts a practice review and on what terms; only before publication' })
export class UpdatePracticeReviewInput {
  @Field(() => ID)
  id!: string;

  @Field(() => ID, { nullable: true, description: "A reviewer from the Panel's pool (required for a national review)" })
  reviewerId?: string | null;

  @Field(() => String, { nullable: true, description: "A local review's reviewer from outside the pool" })
  localReviewerName?: string | null;

  @Field(() => String, { nullable: true })
  termsOfReference?: string | null;
}
