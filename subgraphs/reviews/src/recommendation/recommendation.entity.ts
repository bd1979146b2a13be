import { Directive, Field, ID, ObjectType, registerEnumType } from 'type-graphql';
import { Column, Entity, Index, PrimaryColumn } from 'typeorm';
import { DateScalar } from '@safeguarding/shared';
import { OwnerKind } from '../common/organisation-owner';
import { AgencyStub } from '../external/agency.type';
import { PartnershipReference } from '../external/partnership.type';
import { SchoolStub } from '../external/school.type';

/** An action's stages, in the only order they can happen. */
export enum ReviewActionStatus {
  OPEN = 'OPEN',
  IN_PROGRESS = 'IN_PROGRESS',
  COMPLETED = 'COMPLETED',
  EVIDENCED = 'EVIDENCED',
}
registerEnumType(ReviewActionStatus, {
  name: 'ReviewActionStatus',
  description: 'OPEN -> IN_PROGRESS -> COMPLETED -> EVIDENCED (evidence of completion and impact recorded)',
});

/** The organisation that owns a recommendation or an action, as a reference to its entity. */
@ObjectType({ description: 'The owner of a recommendation or action: an agency, a school, or the partnership itself' })
export class ReviewOwner {
  @Field(() => OwnerKind)
  kind!: OwnerKind;

  @Field(() => AgencyStub, { nullable: true })
  agency!: AgencyStub | null;

  @Field(() => SchoolStub, { nullable: true })
  school!: SchoolStub | null;

  @Field(() => PartnershipReference, { nullable: true })
  partnership!: PartnershipReference | null;

  static of(kind: OwnerKind, id: string): ReviewOwner {
    return Object.assign(new ReviewOwner(), {
      kind,
      agency: kind === OwnerKind.AGENCY ? AgencyStub.of(id) : null,
      school: kind === OwnerKind.SCHOOL ? SchoolStub.of(id) : null,
      partnership: kind === OwnerKind.PARTNERSHIP ? PartnershipReference.of(id) : null,
    });
  }
}

/** A recommendation of a practice review (restricted). */
@ObjectType({ description: "A practice review's recommendation, owned by an organisation (restricted)" })
@Directive('@key(fields: "id")')
@Entity('recommendations')
// The lists' keyset orders: a review's and an owner's recommendations by id.
@Index(['practiceReviewId', 'id'])
@Index(['ownerKind', 'ownerOrganisationId', 'id'])
export class Recommendation {
  @Field(() => ID)
  @PrimaryColumn('varchar', { length: 36 })
  id!: string;

  @Column('varchar', { length: 36 })
  practiceReviewId!: string;

  @Index()
  @Column('varchar', { length: 36 })
  partnershipId!: string;

  @Field()
  @Column('varchar', { length: 4000 })
  text!: string;

  @Column('varchar', { length: 12 })
  ownerKind!: OwnerKind;

  /** An Agency id, a school's URN, or the partnership's id. */
  @Column('varchar', { length: 36 })
  ownerOrganisationId!: string;

  @Field(() => ReviewOwner)
  owner(): ReviewOwner {
    return ReviewOwner.of(this.ownerKind, this.ownerOrganisationId);
  }
}

/** An action agreed against a recommendation (restricted). */
@ObjectType({
  description: 'An action owned by an organisation, with its due date, status, evidence and impact (restricted)',
})
@Directive('@key(fields: "id")')
@Entity('review_actions')
// The lists' keyset orders (soonest due first): a recommendation's, an owner's and a partnership's overdue actions.
@Index(['recommendationId', 'dueOn', 'id'])
@Index(['ownerKind', 'ownerOrganisationId', 'dueOn', 'id'])
@Index(['partnershipId', 'dueOn', 'id'])
@Index(['partnershipId', 'status'])
export class ReviewAction {
  @Field(() => ID)
  @PrimaryColumn('varchar', { length: 36 })
  id!: string;

  @Column('varchar', { length: 36 })
  recommendationId!: string;

  @Column('varchar', { length: 36 })
  partnershipId!: string;

  @Field()
  @Column('varchar', { length: 2000 })
  description!: string;

  @Column('varchar', { length: 12 })
  ownerKind!: OwnerKind;

  @Column('varchar', { length: 36 })
  ownerOrganisationId!: string;

  @Field(() => DateScalar)
  @Column('date')
  dueOn!: string;

  @Field(() => ReviewActionStatus)
  @Column('varchar', { length: 12 })
  status!: ReviewActionStatus;

  @Field(() => DateScalar, { nullable: true })
  @Column('date', { nullable: true })
  startedOn!: string | null;

  @Field(() => DateScalar, { nullable: true })
  @Column('date', { nullable: true })
  completedOn!: string | null;

  @Field(() => DateScalar, { nullable: true })
  @Column('date', { nullable: true })
  evidencedOn!: string | null;

  @Field(() => String, { nullable: true, description: 'What shows the action was done' })
  @Column('varchar', { length: 4000, nullable: true })
  evidence!: string | null;

  @Field(() => String, { nullable: true, description: 'What difference it made for children' })
  @Column('varchar', { length: 4000, nullable: true })
  impactNotes!: string | null;

  @Field(() => ReviewOwner)
  owner(): ReviewOwner {
    return ReviewOwner.of(this.ownerKind, this.ownerOrganisationId);
  }

  @Field(() => PartnershipReference, { nullable: true })
  partnership(): PartnershipReference {
    return PartnershipReference.of(this.partnershipId);
  }
}
