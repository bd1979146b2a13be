import { Field, ID, ObjectType, registerEnumType } from 'type-graphql';
import { Column, Entity, Index, PrimaryColumn } from 'typeorm';
import { DateScalar } from '@safeguarding/shared';

// The same enum, name and values as the agencies subgraph's section 11 ratings: one RAG scale in the graph.
export enum RagRating {
  RED = 'RED',
  AMBER = 'AMBER',
  GREEN = 'GREEN',
}
registerEnumType(RagRating, { name: 'RagRating', description: 'How well a standard is met: RED not met, AMBER partly, GREEN met' });

/**
 * A designated school's yearly section 175/157 safeguarding self-assessment for one partnership.
 * Restricted to the school itself and the partnership's staff. Organisational rather than about a
 * child, so reads are filtered, not audited; writes are audited, as changes to a statutory return.
 */
@ObjectType({ description: 'A school\'s yearly section 175/157 safeguarding self-assessment (restricted)' })
@Entity('school_safeguarding_returns')
@Index(['partnershipId', 'urn', 'financialYear'], { unique: true })
export class SchoolSafeguardingReturn {
  @Field(() => ID)
  @PrimaryColumn('varchar', { length: 36 })
  id!: string;

  @Index()
  @Column('varchar', { length: 36 })
  partnershipId!: string;

  @Field()
  @Index()
  @Column('varchar', { length: 6 })
  urn!: string;

  @Field({ description: 'The financial year assessed, e.g. 2025-26 (1 April to 31 March)' })
  @Column('varchar', { length: 7 })
  financialYear!: string;

  @Field(() => DateScalar)
  @Column('date')
  submittedOn!: string;
}

/** One standard's rating in a return; the title is copied so a later change of standards leaves past returns as they were. */
@ObjectType({ description: 'How a school rated itself against one standard' })
@Entity('school_safeguarding_ratings')
@Index(['returnId', 'standardKey'], { unique: true })
export class SchoolSafeguardingRating {
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

  @Column('varchar', { length: 6 })
  urn!: string;

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

/** An improvement a school commits to in its return, with an owner and a due date. */
@ObjectType({ description: 'An action from a school\'s safeguarding self-assessment' })
@Entity('school_safeguarding_actions')
export class SchoolSafeguardingAction {
  @Field(() => ID)
  @PrimaryColumn('varchar', { length: 36 })
  id!: string;

  @Index()
  @Column('varchar', { length: 36 })
  ratingId!: string;

  @Index()
  @Column('varchar', { length: 36 })
  partnershipId!: string;

  @Field()
  @Index()
  @Column('varchar', { length: 6 })
  urn!: string;

  @Field()
  @Column('varchar', { length: 7 })
  financialYear!: string;

  @Field()
  @Column('varchar', { length: 40 })
  standardKey!: string;

  @Field()
  @Column('varchar', { length: 1000 })
  description!: string;

  @Field({ description: 'Who in the school owns the action (a post or team)' })
  @Column('varchar', { length: 200 })
  owner!: string;

  // Shown through deadline.
  @Column('date')
  dueOn!: string;

  @Column('date', { nullable: true })
  completedOn!: string | null;
}
