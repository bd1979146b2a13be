import { Field, ID, InputType } from 'type-graphql';
import { EducationRepresentationLevel } from './education-representative.entity';

/** Every forum's education members together: a large partnership names a few dozen. */
export const educationRepresentativesLimit = 50;

@InputType()
export class EducationRepresentativeInput {
  @Field(() => EducationRepresentationLevel)
  level!: EducationRepresentationLevel;

  @Field()
  forum!: string;

  @Field()
  name!: string;

  @Field()
  role!: string;

  @Field()
  represents!: string;

  @Field(() => String, { nullable: true, description: 'URN of their school, if they come from one' })
  urn?: string | null;
}

@InputType({
  description:
    'Replaces how education is represented in a partnership; at least one STRATEGIC representative (WT 2023)',
})
export class SetEducationRepresentationInput {
  @Field(() => ID)
  partnershipId!: string;

  @Field(() => [EducationRepresentativeInput], {
    description: `Every representative, strategic and operational; at most ${educationRepresentativesLimit}`,
  })
  representatives!: EducationRepresentativeInput[];
}
