import { Field, ID, InputType, Int } from 'type-graphql';
import { DateScalar } from '@safeguarding/shared';
import { DisagreementIssueType } from './professional-disagreement.entity';

/* A resolution agrees a short action plan; more than this is a review, not a resolution. */
export const agreedActionsLimit = 20;

@InputType({
  description: 'A disagreement your organisation raises about a decision or action of another organisation',
})
export class RaiseProfessionalDisagreementInput {
  @Field(() => ID, { description: 'A partnership you act in' })
  partnershipId!: string;

  @Field({ description: "Pseudonymous case reference (letters, digits, hyphens); never a child's name" })
  caseReference!: string;

  @Field(() => String, {
    nullable: true,
    description:
      "Optional: the child the disagreement is about, by the pseudonymous reference referrals use (up to 40 letters, digits, - and /; never a name). Given, the two organisations appear as involved in the child's picture",
  })
  childReference?: string | null;

  @Field(() => ID, {
    nullable: true,
    description:
      'The agency (partners included) whose decision is disputed; or give raisedWithSchoolUrn. Not a local authority, ICB or police force that had ended by the day it was raised: name its successor. Any other agency must be on the register of relevant agencies (Working Together to Safeguard Children 2023, chapter 2) and not closed',
  })
  raisedWithAgencyId?: string | null;

  @Field(() => String, {
    nullable: true,
    description:
      'The school whose decision is disputed (6-digit URN); or give raisedWithAgencyId. It must be an establishment on Get Information About Schools that has not closed',
  })
  raisedWithSchoolUrn?: string | null;

  @Field(() => DisagreementIssueType)
  issueType!: DisagreementIssueType;

  @Field({ description: 'What is disputed; seen only by the two organisations' })
  summary!: string;

  @Field({ defaultValue: false, description: 'True starts the disagreement at the stage that can act now' })
  childAtImmediateRisk!: boolean;

  @Field(() => DateScalar, {
    nullable: true,
    description:
      "The day it was raised, as your system recorded it (e.g. a backlog); not in the future. Left out: today. Stage 1's timescale runs from it",
  })
  raisedOn?: string | null;
}

@InputType({ description: 'Moving a disagreement to the next stage of the policy' })
export class EscalateProfessionalDisagreementInput {
  @Field({ description: 'Why the current stage did not resolve it' })
  reason!: string;

  @Field(() => Int, {
    nullable: true,
    description: 'Default: the next stage. A later one only when the child is at immediate risk',
  })
  toStagePosition?: number | null;

  @Field({
    defaultValue: false,
    description: 'The child is (now) at immediate risk: allows going straight to a later stage',
  })
  childAtImmediateRisk!: boolean;

  @Field(() => DateScalar, {
    nullable: true,
    description:
      "The day it was escalated, as your system recorded it; not in the future, not before the current stage began. Left out: today. The new stage's timescale runs from it",
  })
  escalatedOn?: string | null;
}

@InputType({ description: 'An action agreed at resolution' })
export class AgreedActionInput {
  @Field()
  description!: string;

  @Field(() => ID, {
    description:
      "The organisation that owns the action: an agency id, or a school's URN; not a statutory partner that has ended, nor an agency that is not on the register of relevant agencies or has closed, nor a school not on Get Information About Schools or closed",
  })
  ownerOrganisationId!: string;

  @Field(() => DateScalar)
  dueOn!: string;
}

@InputType({ description: 'How a disagreement was resolved' })
export class ResolveProfessionalDisagreementInput {
  @Field()
  outcome!: string;

  @Field(() => [AgreedActionInput], {
    defaultValue: [],
    description: `Actions agreed to resolve it; at most ${agreedActionsLimit}`,
  })
  agreedActions!: AgreedActionInput[];

  @Field(() => DateScalar, {
    nullable: true,
    description:
      'The day it was resolved, as your system recorded it; not in the future, not before the last escalation. Left out: today',
  })
  resolvedOn?: string | null;
}
