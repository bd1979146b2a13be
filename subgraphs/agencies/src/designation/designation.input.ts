import { Field, ID, InputType } from 'type-graphql';
import { DateScalar } from '@safeguarding/shared';

@InputType({ description: 'A partnership naming an agency as a relevant agency from a date' })
export class DesignateRelevantAgencyInput {
  @Field(() => ID, { description: 'A partnership you act in' })
  partnershipId!: string;

  @Field(() => ID)
  agencyId!: string;

  @Field(() => DateScalar)
  designatedFrom!: string;

  @Field({ description: 'Why the partnership names it, e.g. as published in the arrangements' })
  reason!: string;
}

@InputType({
  description: 'Ends a designation: the agency is no longer a relevant agency of the partnership after that day',
})
export class EndDesignationInput {
  @Field(() => ID)
  designationId!: string;

  @Field(() => DateScalar, { description: 'The last day in force; not before designatedFrom' })
  designatedUntil!: string;

  @Field()
  reason!: string;
}
