import { Directive, Field, ID, ObjectType, registerEnumType } from 'type-graphql';
import { Column, Entity, Index, PrimaryColumn } from 'typeorm';
import { DateScalar } from '@safeguarding/shared';

/** Who a partnership matter goes to nationally. */
export enum NationalEscalationRecipient {
  CHILD_SAFEGUARDING_PRACTICE_REVIEW_PANEL = 'CHILD_SAFEGUARDING_PRACTICE_REVIEW_PANEL',
  SECRETARY_OF_STATE = 'SECRETARY_OF_STATE',
}
registerEnumType(NationalEscalationRecipient, { name: 'NationalEscalationRecipient' });

/** What the matter is (seed 003 §2.1.13: a yearly report not published may go to the Secretary of State). */
export enum NationalEscalationMatter {
  YEARLY_REPORT_NOT_PUBLISHED = 'YEARLY_REPORT_NOT_PUBLISHED',
  SERIOUS_INCIDENT_NATIONAL_ISSUES = 'SERIOUS_INCIDENT_NATIONAL_ISSUES',
  PARTNER_NOT_MEETING_DUTIES = 'PARTNER_NOT_MEETING_DUTIES',
  UNRESOLVED_PROFESSIONAL_DISAGREEMENT = 'UNRESOLVED_PROFESSIONAL_DISAGREEMENT',
  OTHER = 'OTHER',
}
registerEnumType(NationalEscalationMatter, { name: 'NationalEscalationMatter' });

export enum NationalEscalationStatus {
  OPEN = 'OPEN',
  ACKNOWLEDGED = 'ACKNOWLEDGED',
  CLOSED = 'CLOSED',
  WITHDRAWN = 'WITHDRAWN',
}
registerEnumType(NationalEscalationStatus, {
  name: 'NationalEscalationStatus',
  description:
    'OPEN until the Panel acknowledges it; CLOSED with the national response, or WITHDRAWN by the partnership',
});

/**
 * A partnership matter escalated to the national Panel or the Secretary of State. Restricted: the
 * partnership's staff and the Panel see it. Its history is the same append-only event record as
 * a professional disagreement's.
 */
@ObjectType({
  description: 'A partnership matter escalated to the national Panel or the Secretary of State (restricted)',
})
@Directive('@key(fields: "id")')
@Entity('national_escalations')
// The connections' orders, each after its parent column, so a page is read in order from the index (a keyset page, LIMIT first + 1).
@Index(['partnershipId', 'raisedOn', 'id'])
export class NationalEscalation {
  @Field(() => ID)
  @PrimaryColumn('varchar', { length: 36 })
  id!: string;

  @Field(() => ID)
  @Index()
  @Column('varchar', { length: 36 })
  partnershipId!: string;

  @Field(() => NationalEscalationRecipient)
  @Column('varchar', { length: 48 })
  escalatedTo!: NationalEscalationRecipient;

  @Field(() => NationalEscalationMatter)
  @Column('varchar', { length: 48 })
  matter!: NationalEscalationMatter;

  @Field({ description: "The matter as the partnership put it; about the arrangements, never a child's name" })
  @Column('varchar', { length: 2000 })
  summary!: string;

  @Field(() => NationalEscalationStatus)
  @Index()
  @Column('varchar', { length: 16 })
  status!: NationalEscalationStatus;

  @Field(() => ID, { description: 'The organisation that escalated it for the partnership' })
  @Column('varchar', { length: 64 })
  raisedByOrganisationId!: string;

  @Field(() => DateScalar)
  @Column('date')
  raisedOn!: string;

  @Field(() => DateScalar, { nullable: true, description: 'The day the national recipient acknowledged it' })
  @Column('date', { nullable: true })
  acknowledgedOn!: string | null;

  @Field(() => DateScalar, { nullable: true })
  @Column('date', { nullable: true })
  closedOn!: string | null;

  // The sequence of the last event applied: a transition writes only if no other got there first.
  @Column('int', { default: 0 })
  lastEventSequence!: number;
}
