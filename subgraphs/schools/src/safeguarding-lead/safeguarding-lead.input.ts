import { Field, InputType } from 'type-graphql';
import { DateScalar } from '@safeguarding/shared';
import { SafeguardingLeadRole } from './safeguarding-lead.entity';

/* One DSL and deputies: even the largest school names far fewer than this. */
export const safeguardingLeadsLimit = 20;

@InputType({ description: 'A designated safeguarding lead or deputy' })
export class SafeguardingLeadInput {
  @Field()
  name!: string;

  @Field(() => SafeguardingLeadRole)
  role!: SafeguardingLeadRole;

  @Field(() => String, { nullable: true })
  jobTitle?: string | null;

  @Field(() => String, { nullable: true })
  email?: string | null;

  @Field(() => String, { nullable: true })
  phone?: string | null;

  @Field(() => DateScalar, { nullable: true, description: 'Date of the last DSL training' })
  lastTrainedOn?: string | null;
}

@InputType({ description: "Replaces a school's safeguarding leads: exactly one DSL and any deputies" })
export class SetSafeguardingLeadsInput {
  @Field()
  urn!: string;

  @Field(() => [SafeguardingLeadInput], { description: `The DSL and any deputies; at most ${safeguardingLeadsLimit}` })
  leads!: SafeguardingLeadInput[];
}
