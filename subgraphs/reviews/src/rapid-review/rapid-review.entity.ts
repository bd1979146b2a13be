import { Directive, Field, ID, ObjectType, registerEnumType } from 'type-graphql';
import { Column, Entity, Index, PrimaryColumn } from 'typeorm';
import { DateScalar } from '@safeguarding/shared';
import { PartnershipReference } from '../external/partnership.type';

/** A rapid review's stages, in the only order they can happen. */
export enum RapidReviewStatus {
  OPEN = 'OPEN',
  DECIDED = 'DECIDED',
  SENT_TO_PANEL = 'SENT_TO_PANEL',
  PANEL_RESPONDED = 'PANEL_RESPONDED',
}
registerEnumType(RapidReviewStatus, {
  name: 'RapidReviewStatus',
  description: 'OPEN -> DECIDED -> SENT_TO_PANEL -> PANEL_RESPONDED; no stage can be skipped or repeated',
});

/** The partners' rapid review of a notified incident (Panel FAQ; Working Together 2023). */
@ObjectType({ description: 'A rapid review of a notified serious incident (restricted)' })
@Directive('@key(fields: "id")')
@Entity('rapid_reviews')
export class RapidReview {
  @Field(() => ID)
  @PrimaryColumn('varchar', { length: 36 })
  id!: string;

  /** One rapid review per notification, and never one without it. */
  @Index({ unique: true })
  @Column('varchar', { length: 36 })
  notificationId!: string;

  @Index()
  @Column('varchar', { length: 36 })
  partnershipId!: string;

  @Field(() => RapidReviewStatus)
  @Column('varchar', { length: 16 })
  status!: RapidReviewStatus;

  @Field(() => DateScalar)
  @Column('date')
  openedOn!: string;

  /** The notification's dateNotified: day 0 of the 15 working days. */
  @Field(() => DateScalar, { description: 'When the notification was sent: day 0 of the 15 working days' })
  @Column('date')
  notificationSentOn!: string;

  @Field(() => DateScalar, { nullable: true })
  @Column('date', { nullable: true })
  decidedOn!: string | null;

  @Field(() => Boolean, {
    nullable: true,
    description: 'Decision: undertake a local child safeguarding practice review',
  })
  @Column('boolean', { nullable: true })
  localPracticeReviewDecided!: boolean | null;

  @Field(() => Boolean, { nullable: true, description: 'Decision: recommend a national review to the Panel' })
  @Column('boolean', { nullable: true })
  nationalReviewRecommended!: boolean | null;

  @Field(() => String, { nullable: true })
  @Column('varchar', { length: 4000, nullable: true })
  decisionReasons!: string | null;

  @Field(() => DateScalar, { nullable: true })
  @Column('date', { nullable: true })
  sentToPanelOn!: string | null;

  @Field(() => DateScalar, { nullable: true })
  @Column('date', { nullable: true })
  panelRespondedOn!: string | null;

  @Field(() => Boolean, { nullable: true, description: 'Whether the Panel agreed with the decision' })
  @Column('boolean', { nullable: true })
  panelAgreed!: boolean | null;

  @Field(() => String, { nullable: true })
  @Column('varchar', { length: 4000, nullable: true })
  panelResponse!: string | null;

  @Field(() => PartnershipReference, { nullable: true })
  partnership(): PartnershipReference {
    return PartnershipReference.of(this.partnershipId);
  }
}
