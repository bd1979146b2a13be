import { Field, InputType } from 'type-graphql';
import { DateScalar } from '@safeguarding/shared';

@InputType({ description: "A reviewer joining the Panel's pool" })
export class AddReviewerInput {
  @Field()
  name!: string;

  @Field()
  expertise!: string;

  @Field(() => DateScalar)
  joinedPoolOn!: string;
}
