import { Directive, Field, ID, ObjectType, registerEnumType } from 'type-graphql';
import { Column, Entity, Index, PrimaryColumn } from 'typeorm';
import { DateScalar } from '@safeguarding/shared';
import { EventDateSource } from '../event-date/event-date';
import { AgencyStub } from '../external/agency.type';
import { SchoolStub } from '../external/school.type';

/** The categories of abuse and neglect, and the contextual harms, of Working Together (DOMAIN.md §2). */
export enum ConcernCategory {
  PHYSICAL_ABUSE = 'PHYSICAL_ABUSE',
  EMOTIONAL_ABUSE = 'EMOTIONAL_ABUSE',
  SEXUAL_ABUSE = 'SEXUAL_ABUSE',
  NEGLECT = 'NEGLECT',
  CHILD_SEXUAL_EXPLOITATION = 'CHILD_SEXUAL_EXPLOITATION',
  CHILD_CRIMINAL_EXPLOITATION = 'CHILD_CRIMINAL_EXPLOITATION',
  COUNTY_LINES = 'COUNTY_LINES',
  RADICALISATION = 'RADICALISATION',
  TRAFFICKING_AND_MODERN_SLAVERY = 'TRAFFICKING_AND_MODERN_SLAVERY',
  FEMALE_GENITAL_MUTILATION = 'FEMALE_GENITAL_MUTILATION',
  DOMESTIC_ABUSE = 'DOMESTIC_ABUSE',
  ONLINE_HARM = 'ONLINE_HARM',
}
registerEnumType(ConcernCategory, { name: 'ConcernCategory', description: 'What the referrer is concerned about' });

/** The children practitioners should consider for early help (WT 2018; DOMAIN.md §2). */
export enum EarlyHelpIndicator {
  DISABLED_WITH_ADDITIONAL_NEEDS = 'DISABLED_WITH_ADDITIONAL_NEEDS',
  SPECIAL_EDUCATIONAL_NEEDS = 'SPECIAL_EDUCATIONAL_NEEDS',
  YOUNG_CARER = 'YOUNG_CARER',
  DRAWN_INTO_ANTI_SOCIAL_OR_CRIMINAL_BEHAVIOUR = 'DRAWN_INTO_ANTI_SOCIAL_OR_CRIMINAL_BEHAVIOUR',
  FREQUENTLY_MISSING_FROM_CARE_OR_HOME = 'FREQUENTLY_MISSING_FROM_CARE_OR_HOME',
  AT_RISK_OF_MODERN_SLAVERY_TRAFFICKING_OR_EXPLOITATION = 'AT_RISK_OF_MODERN_SLAVERY_TRAFFICKING_OR_EXPLOITATION',
  AT_RISK_OF_RADICALISATION_OR_EXPLOITATION = 'AT_RISK_OF_RADICALISATION_OR_EXPLOITATION',
  LIVES_WITH_DRUG_OR_ALCOHOL_MISUSE = 'LIVES_WITH_DRUG_OR_ALCOHOL_MISUSE',
  LIVES_WITH_ADULT_MENTAL_HEALTH_ISSUES = 'LIVES_WITH_ADULT_MENTAL_HEALTH_ISSUES',
  LIVES_WITH_DOMESTIC_ABUSE = 'LIVES_WITH_DOMESTIC_ABUSE',
  MISUSES_DRUGS_OR_ALCOHOL = 'MISUSES_DRUGS_OR_ALCOHOL',
  RETURNED_HOME_FROM_CARE = 'RETURNED_HOME_FROM_CARE',
  PRIVATELY_FOSTERED = 'PRIVATELY_FOSTERED',
}
registerEnumType(EarlyHelpIndicator, {
  name: 'EarlyHelpIndicator',
  description: 'Signs that a child may need early help (Working Together)',
});

/** UK GDPR article 6 bases; the special-category condition is DPA 2018 Sch 1 para 18 (safeguarding) in every case. */
export enum ReferralLawfulBasis {
  PUBLIC_TASK = 'PUBLIC_TASK',
  LEGAL_OBLIGATION = 'LEGAL_OBLIGATION',
  VITAL_INTERESTS = 'VITAL_INTERESTS',
  LEGITIMATE_INTERESTS = 'LEGITIMATE_INTERESTS',
  CONSENT = 'CONSENT',
}
registerEnumType(ReferralLawfulBasis, {
  name: 'ReferralLawfulBasis',
  description: 'The lawful basis for sharing (UK GDPR art. 6)',
});

export enum ReferralConsent {
  OBTAINED = 'OBTAINED',
  /** Seeking consent would put the child at risk or prejudice an investigation: the reason is required. */
  NOT_SOUGHT = 'NOT_SOUGHT',
  /** The family refused and the referrer shared anyway to protect the child: the reason is required. */
  REFUSED_OVERRIDDEN = 'REFUSED_OVERRIDDEN',
}
registerEnumType(ReferralConsent, {
  name: 'ReferralConsent',
  description: "Whether the family's consent was obtained",
});

export enum ReferralUrgency {
  /** Significant harm: the authority acts on the day of receipt. */
  IMMEDIATE = 'IMMEDIATE',
  WITHIN_ONE_WORKING_DAY = 'WITHIN_ONE_WORKING_DAY',
}
registerEnumType(ReferralUrgency, { name: 'ReferralUrgency' });

export enum ReferralStatus {
  RECEIVED = 'RECEIVED',
  ACKNOWLEDGED = 'ACKNOWLEDGED',
  DECIDED = 'DECIDED',
}
registerEnumType(ReferralStatus, { name: 'ReferralStatus' });

/** What the local authority decided the child needs. */
export enum ReferralDecision {
  NO_FURTHER_ACTION = 'NO_FURTHER_ACTION',
  SIGNPOSTING = 'SIGNPOSTING',
  EARLY_HELP = 'EARLY_HELP',
  SECTION_17_ASSESSMENT = 'SECTION_17_ASSESSMENT',
  SECTION_47_STRATEGY_DISCUSSION = 'SECTION_47_STRATEGY_DISCUSSION',
}
registerEnumType(ReferralDecision, { name: 'ReferralDecision' });

export enum ReferrerKind {
  AGENCY = 'AGENCY',
  SCHOOL = 'SCHOOL',
}
registerEnumType(ReferrerKind, {
  name: 'ReferrerKind',
  description: 'Whether an agency (by id) or a school (by URN) referred',
});

@ObjectType({ description: "The person who made a referral, as their organisation's identity provider names them" })
export class ReferringPractitioner {
  @Field({ description: "The subject of the practitioner's token" })
  subject!: string;

  @Field(() => String, { nullable: true })
  name!: string | null;

  @Field(() => String, { nullable: true })
  role!: string | null;
}

/**
 * A concern about a child sent to the children's social care of the child's home local
 * authority (DOMAIN.md §2, restricted to the referrer and that authority). The deadline is fixed
 * at receipt, so a later calendar change never moves it.
 */
@ObjectType({
  description: "A referral of a concern about a child to a local authority's children's social care (restricted)",
})
@Directive('@key(fields: "id")')
@Entity('referrals')
@Index(['referrerOrganisationId', 'idempotencyKey'], { unique: true })
@Index(['receivingAuthorityId', 'childReference'])
// Referrals made and received, newest first, a page at a time from the index.
@Index(['referrerOrganisationId', 'receivedAt', 'id'])
@Index(['receivingAuthorityId', 'receivedAt', 'id'])
export class Referral {
  @Field(() => ID)
  @PrimaryColumn('varchar', { length: 36 })
  id!: string;

  // Unique per referring organisation: a retried submission finds the first referral.
  @Column('varchar', { length: 100 })
  idempotencyKey!: string;

  // SHA-256 of the submitted content, so a key reused for other content is told apart from a retry.
  @Column('varchar', { length: 64 })
  contentHash!: string;

  @Index()
  @Column('varchar', { length: 36 })
  referrerOrganisationId!: string;

  @Field(() => ReferrerKind)
  @Column('varchar', { length: 8 })
  referrerKind!: ReferrerKind;

  @Column('varchar', { length: 200 })
  practitionerSubject!: string;

  @Column('varchar', { length: 120, nullable: true })
  practitionerName!: string | null;

  @Column('varchar', { length: 120, nullable: true })
  practitionerRole!: string | null;

  // Indexed for a child's picture, which reads every referral about the child's references.
  @Field({ description: "Pseudonymous reference to the child in the referrer's system; never a name" })
  @Index()
  @Column('varchar', { length: 40 })
  childReference!: string;

  // Shown only through the nhsNumber field rule; indexed as the link between a child's references.
  @Index()
  @Column('varchar', { length: 10, nullable: true })
  nhsNumber!: string | null;

  @Field({ description: "The child's home local authority as the referrer gave it (GSS code)" })
  @Column('varchar', { length: 9 })
  homeLocalAuthorityGssCode!: string;

  @Field({ description: "The live GSS code the referral was routed to (a retired code's successor)" })
  @Column('varchar', { length: 9 })
  receivingLocalAuthorityGssCode!: string;

  @Column('varchar', { length: 36 })
  receivingAuthorityId!: string;

  @Field(() => [ConcernCategory])
  @Column('simple-json')
  concernCategories!: ConcernCategory[];

  @Field({ description: 'The child is suffering or likely to suffer significant harm: the referral is immediate' })
  @Column('boolean')
  significantHarm!: boolean;

  @Field(() => ReferralUrgency)
  @Column('varchar', { length: 24 })
  urgency!: ReferralUrgency;

  @Field(() => [EarlyHelpIndicator])
  @Column('simple-json')
  earlyHelpIndicators!: EarlyHelpIndicator[];

  @Field(() => ReferralLawfulBasis)
  @Column('varchar', { length: 24 })
  lawfulBasis!: ReferralLawfulBasis;

  @Field(() => ReferralConsent)
  @Column('varchar', { length: 24 })
  consent!: ReferralConsent;

  @Field(() => String, { nullable: true, description: 'Why consent was not sought, or why refusal was overridden' })
  @Column('varchar', { length: 1000, nullable: true })
  consentReason!: string | null;

  @Field({
    description:
      "ISO 8601 instant it was received (as the referrer's system gave it, or when the graph received it); the clock starts on its London date",
  })
  @Column('varchar', { length: 30 })
  receivedAt!: string;

  @Field(() => EventDateSource, {
    description: "Whether receivedAt was supplied by the referrer's system or is the graph's clock",
  })
  @Column('varchar', { length: 8, default: EventDateSource.SERVER })
  receivedAtSource!: EventDateSource;

  @Field(() => DateScalar)
  @Column('date')
  receivedOn!: string;

  // Shown through acknowledgementDeadline and decisionDeadline.
  @Index()
  @Column('date')
  dueOn!: string;

  @Column('varchar', { length: 200 })
  dueRule!: string;

  @Column('boolean')
  dueProvisional!: boolean;

  @Field(() => ReferralStatus)
  @Index()
  @Column('varchar', { length: 16 })
  status!: ReferralStatus;

  @Field(() => String, { nullable: true })
  @Column('varchar', { length: 30, nullable: true })
  acknowledgedAt!: string | null;

  @Column('date', { nullable: true })
  acknowledgedOn!: string | null;

  @Field(() => EventDateSource, {
    nullable: true,
    description: "Whether acknowledgedAt was supplied by the authority's system or is the graph's clock",
  })
  @Column('varchar', { length: 8, nullable: true })
  acknowledgedAtSource!: EventDateSource | null;

  @Field(() => ReferralDecision, { nullable: true })
  @Column('varchar', { length: 40, nullable: true })
  decision!: ReferralDecision | null;

  @Field(() => String, { nullable: true })
  @Column('varchar', { length: 30, nullable: true })
  decidedAt!: string | null;

  @Column('date', { nullable: true })
  decidedOn!: string | null;

  @Field(() => EventDateSource, {
    nullable: true,
    description: "Whether decidedAt was supplied by the authority's system or is the graph's clock",
  })
  @Column('varchar', { length: 8, nullable: true })
  decidedAtSource!: EventDateSource | null;

  @Field(() => String, { nullable: true, description: "The authority's feedback to the referrer with its decision" })
  @Column('varchar', { length: 2000, nullable: true })
  feedback!: string | null;

  // Who in the authority acknowledged and decided, for the record (the subject of their token).
  @Column('varchar', { length: 200, nullable: true })
  respondedBy!: string | null;

  // A referral about the same child to the same authority within 30 days: linked, not refused.
  @Column('varchar', { length: 36, nullable: true })
  possibleDuplicateOfId!: string | null;

  @Field(() => AgencyStub, { nullable: true, description: 'The agency that referred; null when a school did' })
  referringAgency(): AgencyStub | null {
    return this.referrerKind === ReferrerKind.AGENCY ? AgencyStub.of(this.referrerOrganisationId) : null;
  }

  @Field(() => SchoolStub, { nullable: true, description: 'The school that referred; null when an agency did' })
  referringSchool(): SchoolStub | null {
    return this.referrerKind === ReferrerKind.SCHOOL ? SchoolStub.of(this.referrerOrganisationId) : null;
  }

  @Field(() => AgencyStub, {
    nullable: true,
    description:
      "The local authority whose children's social care receives it (contacts: front door, emergency duty team)",
  })
  receivingAuthority(): AgencyStub {
    return AgencyStub.of(this.receivingAuthorityId);
  }

  @Field(() => ReferringPractitioner)
  practitioner(): ReferringPractitioner {
    return Object.assign(new ReferringPractitioner(), {
      subject: this.practitionerSubject,
      name: this.practitionerName,
      role: this.practitionerRole,
    });
  }
}
