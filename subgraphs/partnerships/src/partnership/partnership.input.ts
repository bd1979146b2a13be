import { Field, InputType } from 'type-graphql';
import { DateScalar } from '@safeguarding/shared';

/**
 * Each list may name at most a few more codes than England has (153 live local authorities, 42
 * integrated care boards, 39 police force areas), so no real footprint is refused.
 */
export const footprintLimits = { localAuthorities: 160, integratedCareBoards: 45, policeForces: 45 } as const;

/** What one delegate may be given: the partnership's functions, one entry each. */
export const delegatedFunctionsLimit = 30;

@InputType({ description: 'A new local safeguarding arrangement, created as DRAFT' })
export class CreatePartnershipInput {
  @Field()
  name!: string;

  @Field(() => [String], {
    description: `GSS codes of the live local authorities in the footprint; at most ${footprintLimits.localAuthorities}`,
  })
  localAuthorityGssCodes!: string[];

  @Field(() => [String], {
    description: `ODS codes of the integrated care boards that are partners; at most ${footprintLimits.integratedCareBoards}`,
  })
  integratedCareBoardOdsCodes!: string[];

  @Field(() => [String], {
    description: `GSS codes of the police force areas whose chief officers are partners; at most ${footprintLimits.policeForces}`,
  })
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

  @Field(() => [String], {
    description: `What is delegated (Working Together 2023, chapter 2), one function each; at most ${delegatedFunctionsLimit}`,
  })
  functions!: string[];

  @Field(() => DateScalar)
  delegatedFrom!: string;
}
