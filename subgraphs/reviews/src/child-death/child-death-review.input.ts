import { Field, ID, InputType, Int } from 'type-graphql';
import { DateScalar } from '@safeguarding/shared';
import { CdopCategory } from './child-death-review.entity';

@InputType({ description: "A child's death, as the child death review partners record it" })
export class RecordChildDeathInput {
  @Field(() => ID)
  partnershipId!: string;

  @Field({ description: 'GSS code of the local authority area the child normally lived in' })
  localAuthorityGssCode!: string;

  @Field({ description: 'ODS code of the integrated care board' })
  integratedCareBoardOdsCode!: string;

  @Field({ description: 'Pseudonymous reference' })
  childReference!: string;

  @Field(() => Int)
  ageAtDeathYears!: number;

  @Field(() => DateScalar)
  dateOfDeath!: string;

  @Field(() => DateScalar, { nullable: true })
  cdopNotifiedOn?: string | null;

  @Field()
  jointAgencyResponseNeeded!: boolean;

  @Field(() => String, { nullable: true, description: 'Required when a Joint Agency Response was needed' })
  jointAgencyResponseReason?: string | null;
}

@InputType({ description: "The child death overview panel's review" })
export class RecordChildDeathPanelReviewInput {
  @Field(() => ID)
  id!: string;

  @Field(() => DateScalar)
  panelReviewOn!: string;

  @Field(() => CdopCategory)
  category!: CdopCategory;

  @Field()
  modifiableFactorsIdentified!: boolean;
}
