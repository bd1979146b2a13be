import { Directive, Field, ID, ObjectType, registerEnumType } from 'type-graphql';
import { Column, Entity, Index, PrimaryColumn } from 'typeorm';
import { DateScalar } from '@safeguarding/shared';
import { PartnershipReference } from '../external/partnership.type';

export enum PracticeReviewKind {
  LOCAL = 'LOCAL',
  NATIONAL = 'NATIONAL',
}
registerEnumType(PracticeReviewKind, {
  name: 'PracticeReviewKind',
  description: 'LOCAL: a local child safeguarding practice review (LCSPR); NATIONAL: one commissioned by the Panel',
});

export enum PracticeReviewStatus {
  IN_PROGRESS = 'IN_PROGRESS',
  REPORT_SENT = 'REPORT_SENT',
  PUBLISHED = 'PUBLISHED',
}
registerEnumType(PracticeReviewStatus, {
  name: 'PracticeReviewStatus',
  description:
    'IN_PROGRESS from the decision to undertake the review; REPORT_SENT once the Panel and the Secretary of State have the report; PUBLISHED after',
});

/** Still restricted: everything before publication. */
export const unpublishedStatuses: readonly PracticeReviewStatus[] = [
  PracticeReviewStatus.IN_PROGRESS,
  PracticeReviewStatus.REPORT_SENT,
];

/** A child safeguarding practice review (Working Together 2023); public once published. */
@ObjectType({ description: 'A child safeguarding practice review, from the decision to undertake it to publication' })
@Directive('@key(fields: "id")')
@Entity('practice_reviews')
export class PracticeReview {
  @Field(() => ID)
  @PrimaryColumn('varchar', { length: 36 })
  id!: string;

  @Index()
  @Column('varchar', { length: 36 })
  partnershipId!: string;

  @Field(() => PracticeReviewKind)
  @Column('varchar', { length: 16 })
  kind!: PracticeReviewKind;

  @Field({ description: 'The published title; never names a child' })
  @Column('varchar', { length: 300 })
  title!: string;

  @Field(() => DateScalar, { description: 'When the partners decided to undertake the review' })
  @Column('date')
  decisionDate!: string;

  @Field(() => PracticeReviewStatus)
  @Index()
  @Column('varchar', { length: 16 })
  status!: PracticeReviewStatus;

  @Field(() => DateScalar, { nullable: true })
  @Column('date', { nullable: true })
  publishedOn!: string | null;

  @Field(() => String, { nullable: true, description: 'Where the published report can be read' })
  @Column('varchar', { length: 500, nullable: true })
  publicationUrl!: string | null;

  /** The rapid review whose decision this (local) review follows. */
  @Index()
  @Column('varchar', { length: 36, nullable: true })
  rapidReviewId!: string | null;

  /** A reviewer from the Panel's pool (always, for a national review). */
  @Column('varchar', { length: 36, nullable: true })
  reviewerId!: string | null;

  @Field(() => String, { nullable: true, description: "A local review's reviewer from outside the Panel's pool" })
  @Column('varchar', { length: 200, nullable: true })
  localReviewerName!: string | null;

  @Field(() => String, { nullable: true })
  @Column('varchar', { length: 4000, nullable: true })
  termsOfReference!: string | null;

  @Field(() => DateScalar, {
    nullable: true,
    description: 'When the report was sent to the Panel and the Secretary of State',
  })
  @Column('date', { nullable: true })
  reportSentOn!: string | null;

  @Field(() => PartnershipReference, { nullable: true, description: 'The partnership whose review it is' })
  partnership(): PartnershipReference {
    return PartnershipReference.of(this.partnershipId);
  }
}
