import { Field, InputType } from 'type-graphql';
import { SchoolPhase, SchoolStatus } from './school.entity';

@InputType({ description: 'A school as recorded in Get Information About Schools' })
export class RegisterSchoolInput {
  @Field({ description: 'GIAS URN: 6 digits' })
  urn!: string;

  @Field()
  name!: string;

  @Field({ description: 'DfE 3-digit LA code of a live local authority followed by the 4-digit establishment number' })
  laestab!: string;

  @Field(() => SchoolPhase)
  phase!: SchoolPhase;

  @Field(() => SchoolStatus, { defaultValue: SchoolStatus.OPEN })
  status!: SchoolStatus;

  @Field(() => String, { nullable: true, description: 'UKPRN: 8 digits' })
  ukprn?: string | null;

  @Field(() => String, { nullable: true, description: 'GIAS type of establishment' })
  establishmentType?: string | null;

  @Field(() => String, { nullable: true, description: 'GIAS establishment type group' })
  establishmentTypeGroup?: string | null;

  @Field(() => String, { nullable: true, description: "GIAS group UID of the school's trust, recorded already" })
  trustUid?: string | null;

  @Field(() => String, { nullable: true })
  postcode?: string | null;
}
