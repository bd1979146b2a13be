import { Directive, Field, ID, Int, ObjectType, registerEnumType } from 'type-graphql';
import { Column, Entity, Index, PrimaryColumn } from 'typeorm';
import { AgencyReference, DateScalar } from '@safeguarding/shared';

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

/**
 * A disagreement between agencies about a child's case, escalated stage by stage (DOMAIN.md §2,
 * restricted). The current stage and its deadline are copied from the policy when the stage
 * starts, so a later change of policy never moves a running deadline.
 */
@ObjectType({ description: 'A professional disagreement between agencies and its escalation (restricted)' })
@Directive('@key(fields: "id")')
@Entity('professional_disagreements')
export class ProfessionalDisagreement {
  @Field(() => ID)
  @PrimaryColumn('varchar', { length: 36 })
  id!: string;

  @Field(() => ID)
  @Index()
  @Column('varchar', { length: 36 })
  partnershipId!: string;

  @Field({ description: 'Pseudonymous case reference; never a child\'s name' })
  @Column('varchar', { length: 40 })
  caseReference!: string;

  @Index()
  @Column('varchar', { length: 36 })
  raisedByOrganisationId!: string;

  @Index()
  @Column('varchar', { length: 36 })
  raisedWithOrganisationId!: string;

  @Field(() => DisagreementIssueType)
  @Column('varchar', { length: 40 })
  issueType!: DisagreementIssueType;

  @Column('varchar', { length: 2000 })
  summary!: string;

  @Field({ description: 'When true the child\'s safety cannot wait for the stage timescales' })
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

  // Set when the disagreement is resolved or withdrawn; completes the stage deadline.
  @Column('date', { nullable: true })
  closedOn!: string | null;

  @Field(() => AgencyReference, { description: 'The agency that raised the disagreement' })
  raisedBy(): AgencyReference {
    return AgencyReference.of(this.raisedByOrganisationId);
  }

  @Field(() => AgencyReference, { description: 'The agency whose decision or action is disputed' })
  raisedWith(): AgencyReference {
    return AgencyReference.of(this.raisedWithOrganisationId);
  }
}
