import { Field, ID, ObjectType, registerEnumType } from 'type-graphql';
import { Column, Entity, Index, PrimaryColumn } from 'typeorm';
import { DateScalar } from '@safeguarding/shared';

export enum RagRating {
  RED = 'RED',
  AMBER = 'AMBER',
  GREEN = 'GREEN',
}
registerEnumType(RagRating, { name: 'RagRating', description: 'How well a standard is met: RED not met, AMBER partly, GREEN met' });

/**
 * A designated agency's yearly section 11 self-assessment for one partnership. Restricted to the
 * agency itself and the partnership's staff. Organisational rather than about a child, so reads are
 * not audited; writes are, as changes to a statutory return.
 */
@ObjectType({ description: 'A relevant agency\'s yearly section 11 self-assessment (restricted)' })
@Entity('section11_returns')
@Index(['partnershipId', 'agencyId', 'financialYear'], { unique: true })
export class Section11Return {
  @Field(() => ID)
  @PrimaryColumn('varchar', { length: 36 })
  id!: string;

  @Index()
  @Column('varchar', { length: 36 })
  partnershipId!: string;

  @Index()
  @Column('varchar', { length: 36 })
  agencyId!: string;

  @Field({ description: 'The financial year assessed, e.g. 2025-26 (1 April to 31 March)' })
  @Column('varchar', { length: 7 })
  financialYear!: string;

  @Field(() => DateScalar)
  @Column('date')
  submittedOn!: string;
}

/** One standard's rating in a return; the standard's title is copied so a later change of standards leaves past returns as they were. */
@ObjectType('Section11StandardRating', { description: 'How an agency rated itself against one standard' })
@Entity('section11_ratings')
@Index(['returnId', 'standardKey'], { unique: true })
export class Section11Rating {
  @Field(() => ID)
  @PrimaryColumn('varchar', { length: 36 })
  id!: string;

  @Index()
  @Column('varchar', { length: 36 })
  returnId!: string;

  // Copied from the return, so the visibility rule applies to ratings without a join.
  @Index()
  @Column('varchar', { length: 36 })
  partnershipId!: string;

  @Column('varchar', { length: 36 })
  agencyId!: string;

  @Field()
  @Column('varchar', { length: 40 })
  standardKey!: string;

  @Field()
  @Column('varchar', { length: 200 })
  standardTitle!: string;

  @Field(() => RagRating)
  @Column('varchar', { length: 5 })
  rating!: RagRating;

  @Field()
  @Column('text')
  evidence!: string;
}

/** An improvement an agency commits to in a return, with an owner and a due date. */
@ObjectType({ description: 'An action from a section 11 self-assessment' })
@Entity('section11_actions')
export class Section11Action {
  @Field(() => ID)
  @PrimaryColumn('varchar', { length: 36 })
  id!: string;

  @Index()
  @Column('varchar', { length: 36 })
  ratingId!: string;

  @Index()
  @Column('varchar', { length: 36 })
  partnershipId!: string;

  @Index()
  @Column('varchar', { length: 36 })
  agencyId!: string;

  @Field()
  @Column('varchar', { length: 7 })
  financialYear!: string;

  @Field()
  @Column('varchar', { length: 40 })
  standardKey!: string;

  @Field()
  @Column('varchar', { length: 1000 })
  description!: string;

  @Field({ description: 'Who in the agency owns the action (a post or team)' })
  @Column('varchar', { length: 200 })
  owner!: string;

  // Shown through deadline.
  @Column('date')
  dueOn!: string;

  @Column('date', { nullable: true })
  completedOn!: string | null;
}
