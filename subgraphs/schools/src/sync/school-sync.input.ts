import { Field, InputType } from 'type-graphql';
import { SchoolPhase, SchoolStatus } from '../school/school.entity';

/** One school as an MIS or GIAS extract holds it: the whole record, so a blank field means "none". */
@InputType({ description: "A school's GIAS record for a bulk sync, matched by URN" })
export class SchoolRowInput {
  @Field({ description: 'GIAS URN: 6 digits' })
  urn!: string;

  @Field()
  name!: string;

  @Field({ description: "DfE 3-digit LA code of the school's local authority" })
  localAuthorityDfeCode!: string;

  @Field(() => String, { nullable: true, description: '4-digit establishment number; or give laestab' })
  establishmentNumber?: string | null;

  @Field(() => String, {
    nullable: true,
    description: 'LA code and establishment number, 7 digits; must agree with localAuthorityDfeCode',
  })
  laestab?: string | null;

  @Field(() => SchoolPhase)
  phase!: SchoolPhase;

  @Field(() => SchoolStatus)
  status!: SchoolStatus;

  @Field(() => String, { nullable: true })
  establishmentType?: string | null;

  @Field(() => String, { nullable: true })
  establishmentTypeGroup?: string | null;

  @Field(() => String, { nullable: true, description: 'UKPRN: 8 digits' })
  ukprn?: string | null;

  @Field(() => String, { nullable: true, description: "GIAS group UID of the school's trust" })
  trustUid?: string | null;

  @Field(() => String, { nullable: true, description: "The trust's name; needed when the trust is not yet known" })
  trustName?: string | null;

  @Field(() => String, { nullable: true })
  postcode?: string | null;
}
