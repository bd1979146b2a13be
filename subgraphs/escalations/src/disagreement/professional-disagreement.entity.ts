import { Directive, Field, ID, Int, ObjectType, registerEnumType } from 'type-graphql';
import { Column, Entity, Index, PrimaryColumn } from 'typeorm';
import { DateScalar } from '@safeguarding/shared';
import { EventDateSource } from '../event-date/event-date';
import { AgencyStub } from '../external/agency.type';
import { SchoolStub } from '../external/school.type';

/** What the practitioners disagree about; the headings of local escalation policies. */
export enum DisagreementIssueType {
  THRESHOLD_OR_REFERRAL_DECISION = 'THRESHOLD_OR_REFERRAL_DECISION',
  SECTION_47_OR_STRATEGY_DISCUSSION = 'SECTION_47_OR_STRATEGY_DISCUSSION',
  CHILD_PROTECTION_PLAN = 'CHILD_PROTECTION_PLAN',
  INFORMATION_SHARING = 'INFORMATION_SHARING',
  PROVISION_OF_SERVICES = 'PROVISION_OF_SERVICES',
  OTHER = 'OTHER',
}
registerEnumType(DisagreementIssueType, { name: 'DisagreementIssueType' });

export enum DisagreementStatus {
  OPEN = 'OPEN',
  RESOLVED = 'RESOLVED',
  WITHDRAWN = 'WITHDRAWN',
}
registerEnumType(DisagreementStatus, { name: 'DisagreementStatus' });

/** Which kind of organisation a party is: an agency (partners included) by id, or a school by URN. */
export enum DisagreementPartyKind {
  AGENCY = 'AGENCY',
  SCHOOL = 'SCHOOL',
}
registerEnumType(DisagreementPartyKind, { name: 'DisagreementPartyKind' });

/**
 * A disagreement between agencies about a child's case, escalated stage by stage (DOMAIN.md §2,
 * restricted). The current stage and its deadline are copied from the policy when the stage
 * starts, so a later change of policy never moves a running deadline.
 */
@ObjectType({ description: 'A professional disagreement between agencies and its escalation (restricted)' })
@Directive('@key(fields: "id")')
@Entity('professional_disagreements')
// The connections' orders, each after its parent column, so a page is read in order from the index (a keyset page, LIMIT first + 1).
@Index(['partnershipId', 'raisedOn', 'caseReference', 'id'])
@Index(['raisedByOrganisationId', 'raisedOn', 'caseReference', 'id'])
@Index(['raisedWithOrganisationId', 'raisedOn', 'caseReference', 'id'])
export class ProfessionalDisagreement {
  @Field(() => ID)
  @PrimaryColumn('varchar', { length: 36 })
  id!: string;

  @Field(() => ID)
  @Index()
  @Column('varchar', { length: 36 })
  partnershipId!: string;

  @Field({ description: "Pseudonymous case reference; never a child's name" })
  @Column('varchar', { length: 40 })
  caseReference!: string;

  @Field(() => String, {
    nullable: true,
    description:
      "The child the disagreement is about, by the same pseudonymous reference referrals name the child by (never a name or an NHS number); null when it names none. Named, the disagreement is part of the child's picture: its two organisations are shown as involved, its content only to those who may read it (Working Together 2023 ch. 2: resolving professional disagreements)",
  })
  @Index()
  @Column('varchar', { length: 40, nullable: true })
  childReference!: string | null;

  @Index()
  @Column('varchar', { length: 36 })
  raisedByOrganisationId!: string;

  @Index()
  @Column('varchar', { length: 36 })
  raisedWithOrganisationId!: string;

  @Field(() => DisagreementPartyKind)
  @Column('varchar', { length: 8, default: DisagreementPartyKind.AGENCY })
  raisedByKind!: DisagreementPartyKind;

  @Field(() => DisagreementPartyKind)
  @Column('varchar', { length: 8, default: DisagreementPartyKind.AGENCY })
  raisedWithKind!: DisagreementPartyKind;

  // The sequence of the last event applied: a transition writes only if no other got there first.
  @Column('int', { default: 0 })
  lastEventSequence!: number;

  @Field(() => DisagreementIssueType)
  @Column('varchar', { length: 40 })
  issueType!: DisagreementIssueType;

  @Column('varchar', { length: 2000 })
  summary!: string;

  @Field({ description: "When true the child's safety cannot wait for the stage timescales" })
  @Column('boolean')
  childAtImmediateRisk!: boolean;

  @Field(() => DisagreementStatus)
  @Column('varchar', { length: 16 })
  status!: DisagreementStatus;

  @Field(() => Int, { description: 'Position of the current escalation stage, from 1' })
  @Column('int')
  stagePosition!: number;

  @Field({ description: 'Name of the current stage as the policy called it when the stage started' })
  @Column('varchar', { length: 120 })
  stageName!: string;

  @Field(() => DateScalar)
  @Column('date')
  stageStartedOn!: string;

  // Shown through stageDeadline.
  @Column('date')
  stageDueOn!: string;

  @Column('varchar', { length: 200 })
  stageDueRule!: string;

  @Column('boolean')
  stageDueProvisional!: boolean;

  @Field(() => DateScalar)
  @Column('date')
  raisedOn!: string;

  @Field(() => EventDateSource, {
    description: "Whether raisedOn was supplied by the raiser's system or is the graph's clock",
  })
  @Column('varchar', { length: 8, default: EventDateSource.SERVER })
  raisedOnSource!: EventDateSource;

  // Set when the disagreement is resolved or withdrawn; completes the stage deadline.
  @Column('date', { nullable: true })
  closedOn!: string | null;

  @Field(() => AgencyStub, {
    nullable: true,
    description: 'The agency that raised the disagreement; null when a school did',
  })
  raisedBy(): AgencyStub | null {
    return this.raisedByKind === DisagreementPartyKind.SCHOOL ? null : AgencyStub.of(this.raisedByOrganisationId);
  }

  @Field(() => SchoolStub, {
    nullable: true,
    description: 'The school that raised the disagreement; null when an agency did',
  })
  raisedBySchool(): SchoolStub | null {
    return this.raisedByKind === DisagreementPartyKind.SCHOOL ? SchoolStub.of(this.raisedByOrganisationId) : null;
  }

  @Field(() => AgencyStub, {
    nullable: true,
    description: 'The agency whose decision or action is disputed; null when it is a school',
  })
  raisedWith(): AgencyStub | null {
    return this.raisedWithKind === DisagreementPartyKind.SCHOOL ? null : AgencyStub.of(this.raisedWithOrganisationId);
  }

  @Field(() => SchoolStub, {
    nullable: true,
    description: 'The school whose decision or action is disputed; null when it is an agency',
  })
  raisedWithSchool(): SchoolStub | null {
    return this.raisedWithKind === DisagreementPartyKind.SCHOOL ? SchoolStub.of(this.raisedWithOrganisationId) : null;
  }
}
