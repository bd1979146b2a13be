import { Field, ID, InputType } from 'type-graphql';
import { DateScalar } from '@safeguarding/shared';

/* A footprint joins at most a handful of LAs; 1,000 URNs is more than the largest county lists by hand. */
export const designateLimits = { urns: 1000, localAuthorityDfeCodes: 20 } as const;

@InputType({
  description:
    'Names schools as relevant agencies of a partnership: listed URNs, all open schools of the given LAs, or both',
})
export class DesignateSchoolsInput {
  @Field(() => ID)
  partnershipId!: string;

  @Field(() => [String], {
    defaultValue: [],
    description: `URNs of the schools to designate; at most ${designateLimits.urns}`,
  })
  urns!: string[];

  @Field(() => [String], {
    defaultValue: [],
    description: `DfE 3-digit codes of the partnership's footprint LAs: designates every open school (or proposed to open or close) in them; at most ${designateLimits.localAuthorityDfeCodes}`,
  })
  localAuthorityDfeCodes!: string[];

  @Field(() => DateScalar, { description: 'First day the designation is in force' })
  designatedFrom!: string;
}

@InputType({ description: "Ends a school's designation after the given day" })
export class EndSchoolDesignationInput {
  @Field(() => ID)
  partnershipId!: string;

  @Field()
  urn!: string;

  @Field(() => DateScalar, { description: 'The last day in force' })
  designatedUntil!: string;
}
