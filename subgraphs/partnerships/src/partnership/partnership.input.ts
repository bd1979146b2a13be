import { Field, InputType } from 'type-graphql';

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
