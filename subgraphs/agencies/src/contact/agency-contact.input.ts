import { Field, InputType } from 'type-graphql';
import { AgencyContactRole } from './agency-contact.entity';

@InputType({ description: "A contact of an agency; replaces the agency's contact of the same role" })
export class AgencyContactInput {
  @Field(() => AgencyContactRole)
  role!: AgencyContactRole;

  @Field(() => String, { nullable: true, description: 'A person or team' })
  name?: string | null;

  @Field({ description: 'A UK telephone number' })
  telephone!: string;

  @Field(() => String, { nullable: true })
  email?: string | null;

  @Field(() => String, { nullable: true, description: 'When it answers, e.g. "Mon-Thu 8:30-17:00, Fri 8:30-16:30"' })
  hours?: string | null;
}
