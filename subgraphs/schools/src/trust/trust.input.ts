import { Field, InputType } from 'type-graphql';

@InputType({ description: 'A trust as GIAS records it; recording one already known updates it' })
export class RecordTrustInput {
  @Field({ description: 'GIAS group UID: 1 to 10 digits' })
  uid!: string;

  @Field()
  name!: string;

  @Field(() => String, { nullable: true, description: 'Companies House number: 8 digits, or 2 letters and 6 digits' })
  companiesHouseNumber?: string | null;
}
