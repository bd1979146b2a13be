import { Field, InputType } from 'type-graphql';
import { DateScalar } from '@safeguarding/shared';

@InputType({ description: 'A new local safeguarding arrangement, created as DRAFT' })
export class CreatePartnershipInput {
  @Field()
  name!: string;

  @Field(() => [String], { description: 'GSS codes of the live local authorities in the footprint' })
  localAuthorityGssCodes!: string[];

  @Field(() => [String], { description: 'ODS codes of the integrated care boards that are partners' })
  integratedCareBoardOdsCodes!: string[];

  @Field(() => [String], { description: 'GSS codes of the police force areas whose chief officers are partners' })
  policeForceGssCodes!: string[];
}

@InputType({ description: 'The office holder who is Lead Safeguarding Partner for a statutory partner' })
export class LeadSafeguardingPartnerInput {
  @Field()
  name!: string;

  @Field({ description: 'e.g. "Chief Executive", "Chief Constable"' })
  office!: string;

  @Field(() => DateScalar, { description: 'The day the office holder was named; not in the future' })
  namedOn!: string;
}

@InputType({ description: 'A Delegated Safeguarding Partner and what is delegated to them' })
export class DelegateInput {
  @Field()
  name!: string;

  @Field()
  office!: string;

  @Field(() => [String])
  functions!: string[];

  @Field(() => DateScalar)
  delegatedFrom!: string;
}
