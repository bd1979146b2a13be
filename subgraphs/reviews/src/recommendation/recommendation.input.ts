import { Field, ID, InputType } from 'type-graphql';
import { DateScalar } from '@safeguarding/shared';
import { OwnerKind } from '../common/organisation-owner';
import { ReviewActionStatus } from './recommendation.entity';

@InputType({ description: 'A recommendation of a practice review' })
export class AddRecommendationInput {
  @Field(() => ID)
  practiceReviewId!: string;

  @Field()
  text!: string;

  @Field(() => OwnerKind)
  ownerKind!: OwnerKind;

  @Field(() => String, {
    nullable: true,
    description: 'An Agency id (AGENCY) or a URN (SCHOOL); leave out for PARTNERSHIP',
  })
  ownerId?: string | null;
}

@InputType({ description: 'An action agreed against a recommendation' })
export class AddReviewActionInput {
  @Field(() => ID)
  recommendationId!: string;

  @Field()
  description!: string;

  @Field(() => OwnerKind)
  ownerKind!: OwnerKind;

  @Field(() => String, {
    nullable: true,
    description: 'An Agency id (AGENCY) or a URN (SCHOOL); leave out for PARTNERSHIP',
  })
  ownerId?: string | null;

  @Field(() => DateScalar, { description: 'Not before today: an action is set for what is still to be done' })
  dueOn!: string;
}

@InputType({ description: 'Moves an action to its next status: OPEN -> IN_PROGRESS -> COMPLETED -> EVIDENCED' })
export class ProgressReviewActionInput {
  @Field(() => ID)
  id!: string;

  @Field(() => ReviewActionStatus)
  to!: ReviewActionStatus;

  @Field(() => DateScalar)
  on!: string;

  @Field(() => String, { nullable: true, description: 'Required to move to EVIDENCED' })
  evidence?: string | null;

  @Field(() => String, { nullable: true })
  impactNotes?: string | null;
}
