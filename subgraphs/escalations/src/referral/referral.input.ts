import { Field, InputType } from 'type-graphql';
import {
  ConcernCategory,
  EarlyHelpIndicator,
  ReferralConsent,
  ReferralDecision,
  ReferralLawfulBasis,
} from './referral.entity';

/** A list names each value at most once, so it holds at most as many as there are. */
export const concernCategoriesLimit = Object.keys(ConcernCategory).length;
export const earlyHelpIndicatorsLimit = Object.keys(EarlyHelpIndicator).length;

@InputType({
  description: "A referral your organisation makes to the children's social care of the child's home local authority",
})
export class SubmitReferralInput {
  @Field({
    description:
      "Your system's key for this submission (unique per organisation): a retry with the same key returns the first referral",
  })
  idempotencyKey!: string;

  @Field({ description: 'Pseudonymous reference to the child in your system (letters, digits, hyphens); never a name' })
  childReference!: string;

  @Field(() => String, {
    nullable: true,
    description: '10 digits with a valid check digit; seen only by your organisation and the receiving authority',
  })
  nhsNumber?: string | null;

  @Field({ description: "GSS code of the child's home local authority; a retired code is routed to its successor" })
  homeLocalAuthorityGssCode!: string;

  @Field(() => [ConcernCategory], {
    description: `Each category of concern once; at most ${concernCategoriesLimit}, the number there are`,
  })
  concernCategories!: ConcernCategory[];

  @Field({ description: 'The child is suffering or likely to suffer significant harm: the referral is immediate' })
  significantHarm!: boolean;

  @Field(() => [EarlyHelpIndicator], {
    defaultValue: [],
    description: `Each indicator once; at most ${earlyHelpIndicatorsLimit}, the number there are`,
  })
  earlyHelpIndicators!: EarlyHelpIndicator[];

  @Field(() => ReferralLawfulBasis)
  lawfulBasis!: ReferralLawfulBasis;

  @Field(() => ReferralConsent)
  consent!: ReferralConsent;

  @Field(() => String, { nullable: true, description: 'Required when consent was NOT_SOUGHT or REFUSED_OVERRIDDEN' })
  consentReason?: string | null;

  @Field(() => String, {
    nullable: true,
    description: "The referring practitioner's name as it should be shown to the authority",
  })
  practitionerName?: string | null;

  @Field(() => String, { nullable: true, description: 'The referring practitioner\'s role, e.g. "Health visitor"' })
  practitionerRole?: string | null;

  @Field(() => String, {
    nullable: true,
    description:
      'ISO 8601 instant (with offset) your system received or recorded the concern, e.g. a backlog loaded after an outage; not in the future. Left out: now. The one-working-day clock (Working Together 2023) runs from its London date',
  })
  receivedAt?: string | null;
}

@InputType({ description: "The local authority's decision on a referral, with its feedback to the referrer" })
export class DecideReferralInput {
  @Field(() => ReferralDecision)
  decision!: ReferralDecision;

  @Field({ description: "What the referrer is told: the decision's reasons and what happens next" })
  feedback!: string;

  @Field(() => String, {
    nullable: true,
    description:
      'ISO 8601 instant (with offset) the decision was made, as your system recorded it; not in the future, not before the referral was received. Left out: now',
  })
  decidedAt?: string | null;
}
