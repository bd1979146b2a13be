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
  PUBLISHED = 'PUBLISHED',
}
registerEnumType(PracticeReviewStatus, {
  name: 'PracticeReviewStatus',
  description: 'IN_PROGRESS from the decision to undertake the review until its report is published',
});

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

  @Field(() => PartnershipReference, { description: 'The partnership whose review it is' })
  partnership(): PartnershipReference {
    return PartnershipReference.of(this.partnershipId);
  }
}
