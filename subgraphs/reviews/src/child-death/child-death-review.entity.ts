import { Directive, Field, ID, Int, ObjectType, registerEnumType } from 'type-graphql';
import { Column, Entity, Index, PrimaryColumn } from 'typeorm';
import { DateScalar } from '@safeguarding/shared';
import { AgencyStub } from '../external/agency.type';
import { PartnershipReference } from '../external/partnership.type';

/** The ten CDOP categories of death (DOMAIN.md §5), in their official order 1-10. */
export enum CdopCategory {
  DELIBERATELY_INFLICTED_INJURY_ABUSE_OR_NEGLECT = 'DELIBERATELY_INFLICTED_INJURY_ABUSE_OR_NEGLECT',
  SUICIDE_OR_DELIBERATE_SELF_INFLICTED_HARM = 'SUICIDE_OR_DELIBERATE_SELF_INFLICTED_HARM',
  TRAUMA_AND_OTHER_EXTERNAL_FACTORS = 'TRAUMA_AND_OTHER_EXTERNAL_FACTORS',
  MALIGNANCY = 'MALIGNANCY',
  ACUTE_MEDICAL_OR_SURGICAL_CONDITION = 'ACUTE_MEDICAL_OR_SURGICAL_CONDITION',
  CHRONIC_MEDICAL_CONDITION = 'CHRONIC_MEDICAL_CONDITION',
  CHROMOSOMAL_GENETIC_AND_CONGENITAL_ANOMALIES = 'CHROMOSOMAL_GENETIC_AND_CONGENITAL_ANOMALIES',
  PERINATAL_NEONATAL_EVENT = 'PERINATAL_NEONATAL_EVENT',
  INFECTION = 'INFECTION',
  SUDDEN_UNEXPECTED_UNEXPLAINED_DEATH = 'SUDDEN_UNEXPECTED_UNEXPLAINED_DEATH',
}
registerEnumType(CdopCategory, {
  name: 'CdopCategory',
  description: 'The ten child death overview panel categories of death (1-10)',
});
export const cdopCategories = Object.values(CdopCategory);

/** Where a child death review has got to; each stage needs the one before. */
export enum ChildDeathReviewStage {
  AWAITING_REVIEW_MEETING = 'AWAITING_REVIEW_MEETING',
  AWAITING_PANEL_REVIEW = 'AWAITING_PANEL_REVIEW',
  REVIEWED = 'REVIEWED',
}
registerEnumType(ChildDeathReviewStage, {
  name: 'ChildDeathReviewStage',
  description:
    'AWAITING_REVIEW_MEETING -> AWAITING_PANEL_REVIEW (after the child death review meeting) -> REVIEWED (by the CDOP)',
});

/** A child death review by the child death review partners, the LA and the ICB (Children Act 2004 s16Q). */
@ObjectType({ description: 'A child death review (restricted)' })
@Directive('@key(fields: "id")')
@Entity('child_death_reviews')
@Index(['localAuthorityGssCode', 'dateOfDeath'])
export class ChildDeathReview {
  @Field(() => ID)
  @PrimaryColumn('varchar', { length: 36 })
  id!: string;

  @Index()
  @Column('varchar', { length: 36 })
  partnershipId!: string;

  @Field({ description: 'The local authority area the child normally lived in (GSS code)' })
  @Column('varchar', { length: 9 })
  localAuthorityGssCode!: string;

  @Column('varchar', { length: 36 })
  localAuthorityId!: string;

  @Field({ description: 'ODS code of the integrated care board partner' })
  @Column('varchar', { length: 3 })
  integratedCareBoardOdsCode!: string;

  @Column('varchar', { length: 36 })
  integratedCareBoardId!: string;

  // Indexed for a child's picture, which reads every review about the child's references.
  @Field({ description: 'Pseudonymous reference; never a name' })
  @Index()
  @Column('varchar', { length: 40 })
  childReference!: string;

  @Field(() => Int, { description: 'Age at death in whole years; under 18' })
  @Column('int')
  ageAtDeathYears!: number;

  @Field(() => DateScalar)
  @Column('date')
  dateOfDeath!: string;

  /** The partnership's setting when the death was recorded: a later change does not move this deadline. */
  @Field(() => Int, { description: 'Hours allowed to notify the CDOP, as configured when the death was recorded' })
  @Column('int')
  cdopNotificationHours!: number;

  @Field(() => DateScalar, { nullable: true })
  @Column('date', { nullable: true })
  cdopNotifiedOn!: string | null;

  @Field({ description: 'Whether a Joint Agency Response was needed' })
  @Column('boolean')
  jointAgencyResponseNeeded!: boolean;

  @Field(() => String, { nullable: true, description: 'Why a Joint Agency Response was (or was not) needed' })
  @Column('varchar', { length: 2000, nullable: true })
  jointAgencyResponseReason!: string | null;

  @Field(() => DateScalar, { nullable: true, description: 'The child death review meeting' })
  @Column('date', { nullable: true })
  reviewMeetingOn!: string | null;

  @Field(() => DateScalar, { nullable: true, description: 'When the child death overview panel reviewed the death' })
  @Column('date', { nullable: true })
  panelReviewOn!: string | null;

  @Field(() => CdopCategory, { nullable: true })
  @Column('varchar', { length: 60, nullable: true })
  category!: CdopCategory | null;

  @Field(() => Boolean, { nullable: true })
  @Column('boolean', { nullable: true })
  modifiableFactorsIdentified!: boolean | null;

  @Field(() => Int, { nullable: true, description: "The category's number, 1-10" })
  categoryNumber(): number | null {
    return this.category ? cdopCategories.indexOf(this.category) + 1 : null;
  }

  @Field(() => ChildDeathReviewStage)
  stage(): ChildDeathReviewStage {
    if (this.panelReviewOn) return ChildDeathReviewStage.REVIEWED;
    return this.reviewMeetingOn
      ? ChildDeathReviewStage.AWAITING_PANEL_REVIEW
      : ChildDeathReviewStage.AWAITING_REVIEW_MEETING;
  }

  @Field(() => [AgencyStub], {
    nullable: true,
    description: 'The child death review partners: the local authority and the ICB',
  })
  childDeathReviewPartners(): AgencyStub[] {
    return [AgencyStub.of(this.localAuthorityId), AgencyStub.of(this.integratedCareBoardId)];
  }

  @Field(() => PartnershipReference, { nullable: true })
  partnership(): PartnershipReference {
    return PartnershipReference.of(this.partnershipId);
  }
}

/** A partnership's local practice for notifying the CDOP (DOMAIN.md §3: local practice, configurable). */
@ObjectType({ description: 'How soon after a death the partnership expects the CDOP to be notified (local practice)' })
@Entity('cdop_notification_settings')
export class CdopNotificationSetting {
  @PrimaryColumn('varchar', { length: 36 })
  partnershipId!: string;

  @Field(() => Int)
  @Column('int')
  hours!: number;

  @Field({ description: 'False when the partnership has not configured it and the default applies' })
  configured!: boolean;
}
